#!/usr/bin/python3
"""Seed-by-seed comparison of two drive.py record sets on the same functions and seeds.

    paired.py RESULTS.jsonl LABEL_A LABEL_B [--budgets 50,100,200]

For each function: how many seeds ran the same trials (every value equal to 1e-9 relative), and at each budget how
many seeds A's best value is below / above B's. Tells a divergence that is a coin flip from one that is a trend.
"""
import argparse
import json
import sys
from collections import defaultdict


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("results")
    ap.add_argument("a")
    ap.add_argument("b")
    ap.add_argument("--budgets", default="50,100,200")
    args = ap.parse_args()
    budgets = [int(b) for b in args.budgets.split(",")]
    runs = defaultdict(dict)
    with open(args.results) as f:
        for n, line in enumerate(f, 1):
            try:
                r = json.loads(line)
            except ValueError as e:
                sys.exit(f"paired.py: {args.results}:{n}: not JSON ({e})")
            if r.get("impl") in (args.a, args.b) and not r.get("error"):
                runs[(r["function"], r["seed"])][r["impl"]] = r["values"]
    by_function = defaultdict(list)
    for (fn, seed), pair in runs.items():
        if args.a in pair and args.b in pair:
            by_function[fn].append((pair[args.a], pair[args.b]))
    if not by_function:
        sys.exit(f"paired.py: no seed has both '{args.a}' and '{args.b}' in {args.results}")
    print(f"| function | seeds | same trials | " + " | ".join(f"@{b}: {args.a} better / worse" for b in budgets) + " |")
    print("|---|---|---|" + "---|" * len(budgets))
    for fn, pairs in sorted(by_function.items()):
        same = sum(1 for a, b in pairs if len(a) == len(b) and all(abs(x - y) <= 1e-9 * max(1.0, abs(y)) for x, y in zip(a, b)))
        cells = []
        for k in budgets:
            better = sum(1 for a, b in pairs if min(a[:k]) < min(b[:k]) - 1e-12)
            worse = sum(1 for a, b in pairs if min(a[:k]) > min(b[:k]) + 1e-12)
            cells.append(f"{better} / {worse}")
        print(f"| {fn} | {len(pairs)} | {same} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
