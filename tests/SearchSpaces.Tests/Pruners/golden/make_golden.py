"""Reference pruning decisions computed with Optuna 3.1's own pruners (run with /usr/bin/python3).

Writes pruner_golden.json next to this script:
  * "median_table": a fixed history of trials and, for several MedianPruner configurations and both
    directions, the decision for each query trial (PercentilePruner.prune called directly);
  * "sequential": whole studies run step by step (ask, report, should_prune, tell) with MedianPruner and
    SuccessiveHalvingPruner (explicit min_resource), recording the step at which each trial was pruned.
NaN is written as null. Regenerate: /usr/bin/python3 make_golden.py
"""
import json
import math
import os
import random

import optuna
from optuna.trial import TrialState, create_trial

optuna.logging.set_verbosity(optuna.logging.ERROR)


def enc(v):
    return None if isinstance(v, float) and math.isnan(v) else v


def curve(rng, n_steps):
    final = rng.uniform(0.0, 1.0)
    gap = rng.uniform(0.2, 1.5)
    rate = rng.uniform(0.5, 5.0)
    # Rounded to 4 decimals to keep the JSON small; noise makes curves non-monotone and crossing.
    return [round(final + gap * math.exp(-rate * s / n_steps) + rng.gauss(0.0, 0.05), 4)
            for s in range(n_steps)]


def median_table():
    rng = random.Random(7)
    n_steps = 8
    history = []
    for i in range(9):
        c = curve(rng, n_steps)
        if i == 3:
            c = c[:5]  # a pruned trial: stopped early, must not count as completed
            history.append({"state": "pruned", "values": c, "value": None})
        elif i == 6:
            c[2] = math.nan  # a completed trial with a NaN in its curve (nanpercentile ignores it)
            history.append({"state": "complete", "values": c, "value": c[-1]})
        elif i == 8:
            c = c[:3]  # still running
            history.append({"state": "running", "values": c, "value": None})
        else:
            history.append({"state": "complete", "values": c, "value": c[-1]})
    queries = []
    for i in range(10):
        c = curve(rng, n_steps)
        queries.append(c[: 1 + i % n_steps])
    queries.append([0.9, math.nan, 0.8])  # NaN in the middle: best so far ignores it
    queries.append([math.nan, math.nan])  # all NaN: pruned
    queries.append([5.0, 5.0, 5.0, 5.0])  # far worse
    queries.append([-5.0, -5.0, -5.0])  # far better
    queries.append([0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5])  # stepwise check against the medians
    configs = [
        {"startup": 5, "warmup": 0, "interval": 1, "min_trials": 1},
        {"startup": 0, "warmup": 0, "interval": 1, "min_trials": 1},
        {"startup": 8, "warmup": 0, "interval": 1, "min_trials": 1},
        {"startup": 2, "warmup": 3, "interval": 1, "min_trials": 1},
        {"startup": 2, "warmup": 1, "interval": 3, "min_trials": 1},
        {"startup": 2, "warmup": 0, "interval": 2, "min_trials": 6},
    ]
    cases = []
    for direction in ("minimize", "maximize"):
        sign = 1.0 if direction == "minimize" else -1.0
        study = optuna.create_study(direction=direction)
        for h in history:
            state = {"complete": TrialState.COMPLETE, "pruned": TrialState.PRUNED,
                     "running": TrialState.RUNNING}[h["state"]]
            study.add_trial(create_trial(
                state=state,
                value=None if h["value"] is None else sign * h["value"],
                intermediate_values={s: sign * v for s, v in enumerate(h["values"])}))
        frozen = study.get_trials(deepcopy=False)
        for ci, cfg in enumerate(configs):
            pruner = optuna.pruners.MedianPruner(cfg["startup"], cfg["warmup"], cfg["interval"],
                                                 n_min_trials=cfg["min_trials"])
            for qi, q in enumerate(queries):
                # Ask the pruner after every report of the query trial, as should_prune would.
                for k in range(1, len(q) + 1):
                    t = create_trial(state=TrialState.RUNNING,
                                     intermediate_values={s: sign * v for s, v in enumerate(q[:k])})
                    assert frozen == study.get_trials(deepcopy=False)
                    cases.append([direction, ci, qi, k, int(pruner.prune(study, t))])
    return {"history": [{"state": h["state"], "value": enc(h["value"]),
                         "values": [enc(v) for v in h["values"]]} for h in history],
            "queries": [[enc(v) for v in q] for q in queries], "configs": configs,
            "cases_columns": ["direction", "config", "query", "reported_steps", "prune"],
            "cases": cases}


def sequential(pruner_name, cfg, direction, seed, n_trials=30, n_steps=12):
    rng = random.Random(seed)
    curves = [curve(rng, n_steps) for _ in range(n_trials)]
    curves[4] = list(curves[2])  # an exact tie with an earlier trial
    curves[9] = [math.nan] * n_steps  # NaN throughout
    sign = 1.0 if direction == "minimize" else -1.0
    if pruner_name == "median":
        pruner = optuna.pruners.MedianPruner(cfg["startup"], cfg["warmup"], cfg["interval"],
                                             n_min_trials=cfg["min_trials"])
    else:
        pruner = optuna.pruners.SuccessiveHalvingPruner(
            min_resource=cfg["min_resource"], reduction_factor=cfg["eta"],
            min_early_stopping_rate=cfg["rate"])
    study = optuna.create_study(direction=direction, pruner=pruner)
    pruned_at = []
    for c in curves:
        t = study.ask()
        stop = None
        for s, v in enumerate(c):
            t.report(sign * v, s)
            if t.should_prune():
                stop = s
                break
        if stop is None:
            final = sign * c[-1]
            if math.isnan(final):
                study.tell(t, state=TrialState.FAIL)
            else:
                study.tell(t, final)
        else:
            study.tell(t, state=TrialState.PRUNED)
        pruned_at.append(stop)
    return {"pruner": pruner_name, "config": cfg, "direction": direction, "seed": seed,
            "curves": [[enc(v) for v in c] for c in curves], "pruned_at": pruned_at}


def main():
    seq = []
    for direction in ("minimize", "maximize"):
        for seed, cfg in enumerate([
            {"startup": 5, "warmup": 0, "interval": 1, "min_trials": 1},
            {"startup": 3, "warmup": 2, "interval": 3, "min_trials": 2},
        ]):
            seq.append(sequential("median", cfg, direction, 100 + seed))
        for seed, cfg in enumerate([
            {"min_resource": 1, "eta": 4, "rate": 0},
            {"min_resource": 1, "eta": 2, "rate": 0},
            {"min_resource": 2, "eta": 3, "rate": 0},
            {"min_resource": 1, "eta": 3, "rate": 1},
        ]):
            seq.append(sequential("sha", cfg, direction, 200 + seed))
    out = {"optuna": optuna.__version__, "median_table": median_table(), "sequential": seq}
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "pruner_golden.json")
    with open(path, "w") as f:
        json.dump(out, f, indent=None, separators=(",", ":"))
        f.write("\n")


if __name__ == "__main__":
    main()
