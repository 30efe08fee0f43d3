#!/usr/bin/env python3
"""A training script in the shape of a PyTorch one, swept as a foreign program (``trial.command``).

Standard library only, so it runs anywhere with ``python3``: a softmax-regression classifier trained
with plain-Python minibatch SGD on three seeded 2-D Gaussian blobs (300 training, 150 validation
points). What it shows is the trial protocol, through ``sweep_client``:

* parameters from ``SWEEP_PARAMS`` (``sweep.params``), overridden by ``--lr``-style options, so both
  ``${lr}`` templates and a run by hand work;
* ordinary prints on stdout between the protocol lines (kept in the trial's stdout.log);
* one ``progress`` line per epoch with ``step``, ``epoch``, ``loss`` and ``val_top1``;
* a checkpoint (``checkpoint.json`` in ``sweep.trial_dir()``) after every epoch and on SIGTERM,
  resumed on the next run in the same folder, so a paused trial continues where it stopped;
* a ``result`` line with the best ``val_top1``, or ``sweep.fail(...)`` for a bad parameter.

The sweep spec that runs it (``examples/python-script.yaml``) says::

    trial:
      command: python3 scripts/train_classifier.py --lr ${lr} --epochs ${epochs}

By hand::

    SWEEP_PARAMS='{"lr": 0.2}' python3 examples/scripts/train_classifier.py
    python3 examples/scripts/train_classifier.py --lr 0.05 --epochs 4

Run by hand (no ``SWEEP_TRIAL_DIR``), it checkpoints into the current directory, and a second run
there resumes. ``TRAIN_EPOCH_SLEEP`` (seconds, default 0) slows every epoch down, to try pausing and
SIGTERM.
"""

import argparse
import json
import math
import os
import random
import sys
import time
from pathlib import Path

try:
    import sweep_client as sweep
except ImportError:  # not installed: use the copy in this repository
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "clients" / "python"))
    import sweep_client as sweep

CLASSES = 3
FEATURES = 2
DATA_SEED = 1234           # the data set is the same in every trial; `seed` only changes init and order
CHECKPOINT = "checkpoint.json"


def make_blobs(per_class, rng):
    """Three Gaussian blobs around the corners of a triangle (std 0.8), shuffled."""
    centres = [(4.0, 6.0), (2.2, 3.0), (5.8, 3.0)]
    points = [([rng.gauss(cx, 0.9), rng.gauss(cy, 0.9)], label)
              for label, (cx, cy) in enumerate(centres) for _ in range(per_class)]
    rng.shuffle(points)
    return points


def logits(model, x):
    w, b = model
    return [w[k][0] * x[0] + w[k][1] * x[1] + b[k] for k in range(CLASSES)]


def softmax(z):
    top = max(z)
    e = [math.exp(v - top) for v in z]
    total = sum(e)
    return [v / total for v in e]


def sgd_step(model, batch, lr, weight_decay):
    """One minibatch of cross-entropy SGD; returns (new model, mean batch loss). The old model is not changed."""
    w, b = model
    gw = [[0.0] * FEATURES for _ in range(CLASSES)]
    gb = [0.0] * CLASSES
    loss = 0.0
    for x, y in batch:
        p = softmax(logits(model, x))
        loss -= math.log(max(p[y], 1e-12))
        for k in range(CLASSES):
            d = p[k] - (1.0 if k == y else 0.0)
            gw[k][0] += d * x[0]
            gw[k][1] += d * x[1]
            gb[k] += d
    n = len(batch)
    new_w = [[w[k][j] - lr * (gw[k][j] / n + weight_decay * w[k][j]) for j in range(FEATURES)] for k in range(CLASSES)]
    new_b = [b[k] - lr * gb[k] / n for k in range(CLASSES)]
    return (new_w, new_b), loss / n


def accuracy(model, data):
    correct = 0
    for x, y in data:
        z = logits(model, x)
        correct += z.index(max(z)) == y
    return correct / len(data)


def bar(fraction, width=10):
    filled = int(round(fraction * width))
    return "[" + "#" * filled + "." * (width - filled) + "] {:3d}%".format(int(round(100 * fraction)))


def rng_to_json(state):
    version, internal, gauss_next = state
    return [version, list(internal), gauss_next]


def rng_from_json(value):
    version, internal, gauss_next = value
    return (version, tuple(internal), gauss_next)


def save_checkpoint(path, state):
    """Writes the state atomically: a kill leaves the old checkpoint or the new one, never half of one."""
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        json.dump(state, f)
    os.replace(tmp, path)


def load_checkpoint(path, config):
    if not os.path.exists(path):
        return None
    try:
        with open(path) as f:
            state = json.load(f)
    except (OSError, ValueError) as e:
        print("train_classifier: ignoring unreadable {}: {}".format(path, e), file=sys.stderr)
        return None
    if state.get("config") != config:
        print("train_classifier: {} was written with other parameters ({}); starting afresh".format(
            path, state.get("config")), file=sys.stderr)
        return None
    return state


def parse_args():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lr", type=float, default=None, help="learning rate (default 0.1)")
    ap.add_argument("--epochs", type=int, default=None, help="epochs (default 8)")
    ap.add_argument("--batch-size", type=int, default=None, help="minibatch size (default 16)")
    ap.add_argument("--seed", type=int, default=None, help="seed of the initial weights and the sample order (default 0)")
    ap.add_argument("--weight-decay", type=float, default=None, help="L2 weight decay (default 0)")
    # A command without ${...} templates gets every setting and parameter appended as --set key=value.
    ap.add_argument("--set", action="append", default=[], metavar="KEY=VALUE", help="override a parameter")
    return ap.parse_args()


def resolve_params(args):
    p = sweep.params({"lr": 0.1, "epochs": 8, "batch_size": 16, "seed": 0, "weight_decay": 0.0})
    for item in args.set:
        key, sep, text = item.partition("=")
        if not sep:
            raise SystemExit("train_classifier: --set needs key=value, got {!r}".format(item))
        try:
            p[key] = json.loads(text)
        except ValueError:
            p[key] = text
    for key in ("lr", "epochs", "batch_size", "seed", "weight_decay"):
        value = getattr(args, key)
        if value is not None:
            p[key] = value
    return p


def main():
    p = resolve_params(parse_args())
    lr, epochs, batch_size = float(p["lr"]), int(p["epochs"]), int(p["batch_size"])
    seed, weight_decay = int(p["seed"]), float(p["weight_decay"])
    if not lr > 0:
        sweep.fail("lr must be > 0 (got {})".format(p["lr"]))
        return 1
    if epochs < 1 or batch_size < 1 or weight_decay < 0:
        sweep.fail("need epochs >= 1, batch_size >= 1 and weight_decay >= 0 (got {}, {}, {})".format(epochs, batch_size, weight_decay))
        return 1
    pause = float(os.environ.get("TRAIN_EPOCH_SLEEP", "0") or 0)

    data_rng = random.Random(DATA_SEED)
    train, val = make_blobs(100, data_rng), make_blobs(50, data_rng)
    batches = math.ceil(len(train) / batch_size)
    path = os.path.join(sweep.trial_dir(), CHECKPOINT)
    config = {"lr": lr, "epochs": epochs, "batch_size": batch_size, "seed": seed, "weight_decay": weight_decay}

    rng = random.Random(seed)
    state = load_checkpoint(path, config)
    if state is None:
        init = [[rng.gauss(0.0, 0.01) for _ in range(FEATURES)] for _ in range(CLASSES)]
        state = {
            "config": config, "epochs_done": 0, "batches_done": 0, "order": None, "global_step": 0,
            "w": init, "b": [0.0] * CLASSES, "loss_sum": 0.0, "best_val": None, "best_epoch": None,
            "rng": rng_to_json(rng.getstate()),
        }
    else:
        rng.setstate(rng_from_json(state["rng"]))
        print("train_classifier: resuming from {} (attempt {}): epoch {}/{} done, {} of {} batches into the next".format(
            path, sweep.attempt(), state["epochs_done"], epochs, state["batches_done"], batches), file=sys.stderr)

    print("softmax regression on {} points, {} classes: lr {}, batch {}, weight decay {}, {} epochs".format(
        len(train), CLASSES, lr, batch_size, weight_decay, epochs))
    try:
        while state["epochs_done"] < epochs:
            epoch = state["epochs_done"] + 1
            if state["order"] is None:
                order = list(range(len(train)))
                rng.shuffle(order)
                state = dict(state, order=order, batches_done=0, loss_sum=0.0, rng=rng_to_json(rng.getstate()))
            while state["batches_done"] < batches:
                k = state["batches_done"]
                batch = [train[i] for i in state["order"][k * batch_size:(k + 1) * batch_size]]
                model, loss = sgd_step((state["w"], state["b"]), batch, lr, weight_decay)
                # One assignment: a SIGTERM between two statements never leaves a half-updated state behind.
                state = dict(state, w=model[0], b=model[1], batches_done=k + 1,
                             global_step=state["global_step"] + 1, loss_sum=state["loss_sum"] + loss)
                if pause > 0:
                    time.sleep(pause / batches)
            train_loss = state["loss_sum"] / batches
            val_top1 = accuracy((state["w"], state["b"]), val)
            best = state["best_val"] is None or val_top1 > state["best_val"]
            state = dict(state, epochs_done=epoch, order=None, batches_done=0,
                         best_val=val_top1 if best else state["best_val"],
                         best_epoch=epoch if best else state["best_epoch"])
            save_checkpoint(path, state)
            print("epoch {}/{}: loss {:.4f}, val_top1 {:.3f}".format(epoch, epochs, train_loss, val_top1))
            print(bar(epoch / epochs))
            sweep.report(step=state["global_step"], epoch=epoch, loss=train_loss, val_top1=val_top1)
    finally:
        # Runs on SIGTERM too (sweep_client turns it into SystemExit(143)): the next attempt resumes from here.
        save_checkpoint(path, state)

    print("done: best val_top1 {:.3f} at epoch {}".format(state["best_val"], state["best_epoch"]))
    sweep.result(val_top1=state["best_val"], best_epoch=state["best_epoch"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
