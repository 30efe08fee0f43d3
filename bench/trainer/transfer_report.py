#!/usr/bin/python3
"""Summarises bench/trainer/transfer.sh runs: per arm and trainFraction, mean ± sd over seeds of DVS val top-1 and
val_rgb_top1, and the issue-5 checks (no run at chance; kt/tmkt/ckd val_rgb_top1 >= dvs + 0.30; blank control not).
Usage: transfer_report.py RUNS_DIR OUT.jsonl OUT.md CLASSES"""
import json, os, re, statistics, sys

ARMS = ["dvs", "kt", "tmkt", "ckd", "blank", "kt-nostr", "kt-beta0", "tmkt-fixed"]
LABELS = {"dvs": "dvs (events only)", "kt": "kt", "tmkt": "tmkt", "ckd": "ckd", "blank": "kt, blank RGB (control)",
          "kt-nostr": "kt, kt.str=false", "kt-beta0": "kt, kt.domainWeight=0",
          "tmkt-fixed": "tmkt, fixed r_m 0.5"}
TRANSFER = ["kt", "tmkt", "ckd"]
CHANCE_FACTOR = 1.5   # a run "at chance" has DVS top-1 below 1.5 x 1/classes


def load(runs):
    rows = []
    for name in sorted(os.listdir(runs)):
        m = re.fullmatch(r"(.+)-f([0-9.]+)-s(\d+)", name)
        path = os.path.join(runs, name, "result.json")
        if not m or not os.path.exists(path):
            continue
        text = open(path).read().strip()
        r = json.loads(text) if text else {"status": "missing"}
        rows.append(dict(arm=m.group(1), fraction=float(m.group(2)), seed=int(m.group(3)), status=r.get("status"),
                         val_top1=r.get("val_top1"), best_val_top1=r.get("best_val_top1"),
                         val_rgb_top1=r.get("val_rgb_top1"), error=r.get("error")))
    return rows


def stats(values):
    values = [v for v in values if v is not None]
    if not values:
        return None, None, None
    return statistics.mean(values), (statistics.stdev(values) if len(values) > 1 else 0.0), min(values)


def main(runs, out_jsonl, out_md, classes):
    rows = load(runs)
    with open(out_jsonl, "w") as f:
        for r in rows:
            f.write(json.dumps(r) + "\n")
    chance = 1.0 / int(classes)
    lines = []
    verdicts = []
    for fraction in sorted({r["fraction"] for r in rows}, reverse=True):
        lines += [f"\n**dataset.trainFraction {fraction}** (chance {chance:.2f})\n",
                  "| arm | seeds | DVS val top-1 | val_rgb_top1 | RGB gain over dvs |", "|---|---|---|---|---|"]
        by_arm = {a: [r for r in rows if r["arm"] == a and r["fraction"] == fraction] for a in ARMS}
        dvs_rgb = stats([r["val_rgb_top1"] for r in by_arm["dvs"]])[0]
        for arm in ARMS:
            rs = by_arm[arm]
            if not rs:
                continue
            top1, rgb = stats([r["val_top1"] for r in rs]), stats([r["val_rgb_top1"] for r in rs])
            fmt = lambda s: "—" if s[0] is None else f"{s[0]:.3f} ± {s[1]:.3f} (min {s[2]:.3f})"
            gain = None if rgb[0] is None or dvs_rgb is None else rgb[0] - dvs_rgb
            lines.append(f"| {LABELS[arm]} | {len(rs)} | {fmt(top1)} | {fmt(rgb)} | "
                         f"{'—' if gain is None else f'{gain:+.3f}'} |")
            failed = [r for r in rs if r["status"] != "complete"]
            stuck = [r for r in rs if r["val_top1"] is not None and r["val_top1"] < CHANCE_FACTOR * chance]
            if failed:
                verdicts.append(f"FAIL {arm} f{fraction}: {len(failed)} run(s) not complete")
            if stuck:
                verdicts.append(f"FAIL {arm} f{fraction}: {len(stuck)} run(s) at chance (top-1 < {CHANCE_FACTOR * chance:.3f})")
            if arm in TRANSFER and gain is not None:
                verdicts.append(f"{'ok  ' if gain >= 0.30 else 'FAIL'} {arm} f{fraction}: val_rgb_top1 gain {gain:+.3f} (need >= +0.30)")
            if arm == "blank" and gain is not None:
                verdicts.append(f"{'ok  ' if gain < 0.30 else 'FAIL'} blank control f{fraction}: val_rgb_top1 gain {gain:+.3f} (must stay < +0.30)")
    lines += ["\nChecks:\n", "```", *verdicts, "```"]
    open(out_md, "w").write("\n".join(lines).lstrip() + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main(*sys.argv[1:5])
