#!/usr/bin/env python3
"""Multi-fidelity TPE against Optuna's TPE + SuccessiveHalving, for `drive.py --steps` records (bench/hpo/run.sh fidelity).

For each function the regret to match is Optuna TPE + SuccessiveHalving's median final regret (over seeds, after all its
trials); each run's cost is the fewest cumulative report steps after which its median regret is at or below that, and
the ratio is that cost over Optuna's own. Also the median regret after fixed step budgets and the steps each run used.
Usage: fidelity.py RECORDS.jsonl [--reference LABEL] [--budgets 675,1350] [--summarize PATH/TO/summarize.py]
"""
import argparse
import importlib.util
import json
import os
import statistics
from collections import defaultdict


def load_summarize(path):
    spec = importlib.util.spec_from_file_location("summarize", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)   # the shared harness's own definitions of a label and of regret after s steps
    return mod.step_regret, mod.label


def steps_to(rs, target, step_regret):
    total = max(sum(r["steps_used"]) for r in rs)
    for s in range(1, int(total) + 1):
        regrets = [step_regret(r, s) for r in rs]
        if None not in regrets and statistics.median(regrets) <= target:
            return s
    return None


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("records")
    ap.add_argument("--reference", default="optuna-tpe+sha")
    ap.add_argument("--budgets", default="675,1350")
    ap.add_argument("--summarize", default=os.path.join(here, "..", "..", "..", "shared", "bench", "hpo", "summarize.py"))
    args = ap.parse_args()
    step_regret, label = load_summarize(args.summarize)
    budgets = [int(b) for b in args.budgets.split(",")]
    by = defaultdict(lambda: defaultdict(list))
    for line in open(args.records):
        r = json.loads(line)
        by[r["function"]][label(r)].append(r)
    fmt = lambda x: "—" if x is None else "%.3g" % x
    print("| function | run | seeds × trials | steps used / seed | " + " | ".join(f"regret@{b} steps" for b in budgets)
          + " | final regret | steps to reach the reference's final regret | ratio to the reference |")
    print("|---" * (7 + len(budgets)) + "|")
    for fname, labels in by.items():
        if args.reference not in labels:
            continue
        ref = labels[args.reference]
        target = statistics.median(step_regret(r, float("inf")) for r in ref)
        ref_cost = steps_to(ref, target, step_regret)
        for lab in sorted(labels):
            rs = labels[lab]
            at = []
            for b in budgets:
                v = [step_regret(r, b) for r in rs]
                at.append(None if None in v else statistics.median(v))
            final = statistics.median(step_regret(r, float("inf")) for r in rs)
            cost = steps_to(rs, target, step_regret)
            used = statistics.mean(sum(r["steps_used"]) for r in rs)
            ratio = "%.2f" % (cost / ref_cost) if cost and ref_cost else "never"
            print(f"| {fname} (to {target:.3g}) | {lab} | {len(rs)} × {len(rs[0]['values'])} | {used:.0f} | "
                  + " | ".join(fmt(x) for x in at) + f" | {fmt(final)} | {cost or 'never'} | {ratio} |")


if __name__ == "__main__":
    main()
