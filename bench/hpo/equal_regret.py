#!/usr/bin/env python3
"""Resource saved at equal regret, for `drive.py --steps` records (bench/hpo/run.sh pruning).

For each function and pruner: the regret to match is the unpruned run's median regret at its whole budget (every trial
run to the last step); the pruner's cost is the fewest cumulative report steps after which its median regret (over
seeds) is at or below that; saved = 1 - cost / unpruned steps. A pruner that never gets there prints "never".
Pruned trials count the steps they used. A pruned run may have more trials than the unpruned one (run.sh gives them 300,
so that they can spend up to the same steps). Usage: equal_regret.py RECORDS.jsonl... [--summarize PATH/TO/summarize.py]
"""
import argparse
import importlib.util
import json
import os
import statistics
from collections import defaultdict


def load_step_regret(path):
    spec = importlib.util.spec_from_file_location("summarize", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)   # the shared harness's own definition of regret after s steps
    return mod.step_regret, mod.label


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("records", nargs="+")
    ap.add_argument("--summarize", default=os.path.join(here, "..", "..", "..", "shared", "bench", "hpo", "summarize.py"))
    args = ap.parse_args()
    step_regret, label = load_step_regret(args.summarize)
    by = defaultdict(lambda: defaultdict(list))
    for path in args.records:
        for line in open(path):
            r = json.loads(line)
            if r.get("steps"):
                by[r["function"]][label(r)].append(r)
    print("| function | run | steps to reach the unpruned run's regret | saved at equal regret |")
    print("|---|---|---|---|")
    for fname, labels in by.items():
        for lab in sorted(labels):
            base = lab.split("+")[0] + "+none"
            if lab == base or base not in labels:
                continue
            full = statistics.mean(sum(r["steps_used"]) for r in labels[base])
            target = statistics.median(step_regret(r, full) for r in labels[base])
            rs = labels[lab]
            total = max(sum(r["steps_used"]) for r in rs)
            cost = None
            for s in range(1, int(total) + 1):
                regrets = [step_regret(r, s) for r in rs]
                if None not in regrets and statistics.median(regrets) <= target:
                    cost = s
                    break
            cell = ("%d | %.1f %%" % (cost, 100 * (1 - cost / full))) if cost else "never | —"
            print("| %s | %s (to %.3g) | %s |" % (fname, lab, target, cell))


if __name__ == "__main__":
    main()
