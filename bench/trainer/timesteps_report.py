#!/usr/bin/python3
"""Summarises bench/trainer/timesteps.sh runs: for each low T, how well the configurations' val top-1 at that T ranks
them as the full T does (Spearman rho, top-3 overlap, full-T value of the low-T pick against the best), beside the
noise floor (the full T with training seed 1 against seed 2), and each T's mean wall time.
Usage: timesteps_report.py RUNS_DIR FULL_T OUT.jsonl OUT.md"""
import json, os, re, statistics, sys


def load(runs):
    rows = {}
    for name in sorted(os.listdir(runs)):
        m = re.fullmatch(r"c(\d+)-T(\d+)-s(\d+)", name)
        path = os.path.join(runs, name, "result.json")
        if not m or not os.path.exists(path):
            continue
        text = open(path).read().strip()
        r = json.loads(text) if text else {}
        wall = float(open(os.path.join(runs, name, "wall_s")).read())
        rows[tuple(int(g) for g in m.groups())] = dict(value=r.get("val_top1"), status=r.get("status"), wall_s=wall)
    return rows


def ranks(xs):
    order = sorted(range(len(xs)), key=lambda i: xs[i])
    r = [0.0] * len(xs)
    i = 0
    while i < len(order):   # average ranks over ties
        j = i
        while j + 1 < len(order) and xs[order[j + 1]] == xs[order[i]]:
            j += 1
        for k in range(i, j + 1):
            r[order[k]] = (i + j) / 2
        i = j + 1
    return r


def spearman(a, b):
    ra, rb = ranks(a), ranks(b)
    ma, mb = statistics.fmean(ra), statistics.fmean(rb)
    cov = sum((x - ma) * (y - mb) for x, y in zip(ra, rb))
    va, vb = sum((x - ma) ** 2 for x in ra), sum((y - mb) ** 2 for y in rb)
    return cov / (va * vb) ** 0.5 if va > 0 and vb > 0 else float("nan")


def compare(rows, configs, a, b):
    xs = [rows[(c, *a)]["value"] for c in configs]
    ys = [rows[(c, *b)]["value"] for c in configs]
    top = lambda v: set(sorted(range(len(v)), key=lambda i: -v[i])[:3])
    pick = max(range(len(xs)), key=lambda i: xs[i])
    return dict(rho=spearman(xs, ys), top3=len(top(xs) & top(ys)), pick=ys[pick], best=max(ys))


def main():
    runs, full, out_jsonl, out_md = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
    rows = load(runs)
    ts = sorted({t for (_, t, _) in rows})
    configs = sorted({c for (c, _, _) in rows
                      if all(rows.get((c, t, 1), {}).get("value") is not None for t in ts)
                      and rows.get((c, full, 2), {}).get("value") is not None})
    lines = [f"{len(configs)} configurations with every run complete; val top-1 at the end of training.", "",
             "| predictor | against | Spearman rho | top-3 overlap | full-T value of the predictor's pick / best | mean wall s (predictor) |",
             "|---|---|---|---|---|---|"]
    records = []
    for t in ts:
        for against in ((full, 2), (full, 1)):
            if (t, 1) == against:
                continue
            r = compare(rows, configs, (t, 1), against)
            wall = statistics.fmean(rows[(c, t, 1)]["wall_s"] for c in configs)
            label = f"T={t}, seed 1" + (" (noise floor)" if t == full else "")
            lines.append(f"| {label} | T={against[0]}, seed {against[1]} | {r['rho']:.2f} | {r['top3']}/3 | "
                         f"{r['pick']:.3f} / {r['best']:.3f} | {wall:.1f} |")
            records.append(dict(t=t, against_t=against[0], against_seed=against[1], wall_s=wall, **r))
    per = ["", "| config | " + " | ".join(f"T={t}" for t in ts) + f" | T={full}, seed 2 |", "|---" * (len(ts) + 2) + "|"]
    for c in configs:
        per.append(f"| c{c} | " + " | ".join(f"{rows[(c, t, 1)]['value']:.3f}" for t in ts) + f" | {rows[(c, full, 2)]['value']:.3f} |")
    text = "\n".join(lines + per) + "\n"
    open(out_md, "w").write(text)
    with open(out_jsonl, "w") as f:
        for r in records:
            f.write(json.dumps(r) + "\n")
    print(text)


main()
