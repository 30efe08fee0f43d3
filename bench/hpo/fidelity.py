#!/usr/bin/env python3
"""Multi-fidelity TPE against Optuna's TPE + SuccessiveHalving, for `drive.py --steps` records (bench/hpo/run.sh fidelity).

For each function the regret to match is Optuna TPE + SuccessiveHalving's median final regret (over seeds, after all its
trials); each run's cost is the fewest cumulative report steps after which its median regret is at or below that, and
the ratio is that cost over Optuna's own. Also the median regret after fixed step budgets and the steps each run used.
With --bootstrap N the seeds are resampled N times (the same seeds for every run of a function) and the ratio's 5th
and 95th percentiles are printed beside it: how far the seeds alone move it.
Usage: fidelity.py RECORDS.jsonl... [--reference LABEL] [--budgets 675,1350] [--bootstrap N] [--summarize PATH/TO/summarize.py]
"""
import argparse
import importlib.util
import json
import os
import statistics
from collections import defaultdict

import numpy as np


def load_summarize(path):
    spec = importlib.util.spec_from_file_location("summarize", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)   # the shared harness's own definitions of a label and of regret after s steps
    return mod.step_regret, mod.label


def curve(r, total, step_regret):
    """Regret after s = 0..total cumulative steps (inf before the first complete trial), as step_regret defines it."""
    c = np.full(total + 1, np.inf)
    used, best = 0, None
    for v, st in zip(r["values"], r["steps_used"]):
        if st > 0:   # while a trial runs, the regret is that of the trials before it
            c[used:used + st] = np.inf if best is None else max(0.0, best - r["optimum"])
        used += st
        if v is not None and (best is None or v < best):
            best = v
    c[used:] = np.inf if best is None else max(0.0, best - r["optimum"])
    for s in (used // 3, used, total):   # the harness's own definition decides; this only makes it fast
        want = step_regret(r, s)
        assert (want is None and c[s] == np.inf) or c[s] == want, (s, want, c[s])
    return c


def steps_to(curves, target):
    """The fewest cumulative steps after which the median regret over the runs is at or below target, or None."""
    med = np.median(curves, axis=0)
    hit = np.nonzero(med <= target)[0]
    return int(hit[0]) if len(hit) else None


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("records", nargs="+")
    ap.add_argument("--reference", default="optuna-tpe+sha")
    ap.add_argument("--budgets", default="675,1350")
    ap.add_argument("--bootstrap", type=int, default=0, help="resamples of the seeds for the ratio's 90 %% interval")
    ap.add_argument("--summarize", default=os.path.join(here, "..", "..", "..", "shared", "bench", "hpo", "summarize.py"))
    args = ap.parse_args()
    step_regret, label = load_summarize(args.summarize)
    budgets = [int(b) for b in args.budgets.split(",")]
    by = defaultdict(lambda: defaultdict(dict))
    for path in args.records:
        for line in open(path):
            r = json.loads(line)
            by[r["function"]][label(r)][r["seed"]] = r
    fmt = lambda x: "—" if x is None else "%.3g" % x
    interval = " | ratio, 90 % interval over resampled seeds" if args.bootstrap else ""
    print("| function | run | seeds × trials | steps used / seed | " + " | ".join(f"regret@{b} steps" for b in budgets)
          + " | final regret | steps to reach the reference's final regret | ratio to the reference" + interval + " |")
    print("|---" * (7 + len(budgets) + (1 if args.bootstrap else 0)) + "|")
    rng = np.random.default_rng(0)
    for fname, labels in by.items():
        if args.reference not in labels:
            continue
        seeds = sorted(labels[args.reference])
        total = max(sum(r["steps_used"]) for runs in labels.values() for r in runs.values())
        curves = {lab: np.array([curve(runs[s], total, step_regret) for s in seeds]) for lab, runs in labels.items()
                  if all(s in runs for s in seeds)}
        ref = curves[args.reference]
        target = float(np.median(ref[:, -1]))
        ref_cost = steps_to(ref, target)
        samples = [rng.integers(0, len(seeds), len(seeds)) for _ in range(args.bootstrap)]
        for lab in sorted(curves):
            c = curves[lab]
            rs = [labels[lab][s] for s in seeds]
            at = [float(np.median(c[:, b])) if b <= total else None for b in budgets]
            cost = steps_to(c, target)
            used = statistics.mean(sum(r["steps_used"]) for r in rs)
            ratio = "%.2f" % (cost / ref_cost) if cost and ref_cost else "never"
            row = (f"| {fname} (to {target:.3g}) | {lab} | {len(rs)} × {len(rs[0]['values'])} | {used:.0f} | "
                   + " | ".join(fmt(x) for x in at) + f" | {fmt(float(np.median(c[:, -1])))} | {cost or 'never'} | {ratio} |")
            if args.bootstrap:
                ratios = []
                for idx in samples:
                    t = float(np.median(ref[idx, -1]))
                    rc, lc = steps_to(ref[idx], t), steps_to(c[idx], t)
                    ratios.append(lc / rc if lc and rc else np.inf)
                lo, hi = np.percentile(ratios, [5, 95])
                row += f" {lo:.2f}–{hi:.2f} |".replace("inf", "never")
            print(row)


if __name__ == "__main__":
    main()
