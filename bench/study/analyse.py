"""The study's tables in Markdown, from bench/study/run.sh's folder: the compute TPE + ASHA needs to reach random
search's best, the final runs on the test split, and the best configs. Usage: analyse.py DIR "SEEDS" ["REPLICATE SAMPLER SEEDS"]."""
import json
import os
import re
import statistics
import sys

out, seeds = sys.argv[1], sys.argv[2].split()
replicates = sys.argv[3].split() if len(sys.argv) > 3 else []


def load(name):
    with open(os.path.join(out, name + ".json")) as f:
        return json.load(f)


def epochs(t):
    return max((p["step"] for p in t.get("curve") or []), default=0)


def trajectory(export):
    """(cumulative epochs, cumulative trial-seconds, best so far) after each finished search trial, in finishing order."""
    done = [t for t in export["trials"] if t["stage"] == "search" and t["finished_utc"]]
    done.sort(key=lambda t: t["finished_utc"])
    rows, e, secs, best = [], 0, 0.0, None
    for t in done:
        e += epochs(t)
        secs += t["duration_s"] or 0.0
        if t["state"] == "complete" and t["value"] is not None and (best is None or t["value"] > best):
            best = t["value"]
        rows.append((e, secs, best, t))
    return rows


def reach(rows, target):
    return next(((e, s) for e, s, b, _ in rows if b is not None and b >= target - 1e-12), None)


def fmt(x, d=3):
    return "—" if x is None else f"{x:.{d}f}"


def compute_section(suffix, search_seed):
    """One sampler seed's searches: what each needed to reach random search's best."""
    if not os.path.exists(os.path.join(out, f"tmkt-random{suffix}.json")):
        return
    print(f"### Compute to reach random search's best (TMKT, val top-1; sampler seed {search_seed})\n")
    rnd = trajectory(load(f"tmkt-random{suffix}"))
    target = rnd[-1][2]
    r_at = reach(rnd, target)
    searches = [("random, no pruning", rnd, r_at)]
    for name, file in [("TPE + ASHA, first rung at epoch 2", "tmkt-tpe"), ("TPE + ASHA, first rung at epoch 6", "tmkt-tpe-late")]:
        if os.path.exists(os.path.join(out, f"{file}{suffix}.json")):
            rows = trajectory(load(f"{file}{suffix}"))
            searches.append((name, rows, reach(rows, target)))
    print("| search | trials | pruned | epochs in all | trial-seconds in all | best val top-1 | epochs to reach "
          f"{fmt(target)} | trial-seconds to reach it |")
    print("|---|---|---|---|---|---|---|---|")
    for name, rows, at in searches:
        pruned = sum(1 for *_, t in rows if t["state"] == "pruned")
        print(f"| {name} | {len(rows)} | {pruned} | {rows[-1][0]} | {rows[-1][1]:.0f} | {fmt(rows[-1][2])} | "
              f"{at[0] if at else 'not reached'} | {f'{at[1]:.0f}' if at else '—'} |")
    print()
    for name, rows, at in searches[1:]:
        if r_at and at:
            print(f"- {name} / random: **{at[0] / r_at[0]:.2f}** of the epochs, {at[1] / r_at[1]:.2f} of the trial-seconds (target ≤ 0.33).")
        else:
            print(f"- {name} did not reach random search's best within its budget.")
    print("\nBest so far against epochs spent (every finished trial):\n")
    for name, rows, _ in searches:
        print(f"- {name}: " + ", ".join(f"{e}:{fmt(b)}" for e, _, b, _ in rows))
    print()


compute_section("", 1)
for r in replicates:
    compute_section(f"-s{r}", r)

print("\n### Final runs on the test split (3 fresh seeds each; mean ± sd, min)\n")
arms = [("tmkt-tuned", "tmkt-tpe-tuned"), ("tmkt-tuned by TPE + ASHA, rung at epoch 6", "tmkt-tpe-late-tuned"),
        ("tmkt, papers' defaults", "tmkt-default"), ("tmkt-tuned by random search", "tmkt-random-tuned")]
for r in replicates:
    arms += [(f"tmkt-tuned by TPE + ASHA, rung at epoch 6, sampler seed {r}", f"tmkt-tpe-late-s{r}-tuned"),
             (f"tmkt-tuned by random search, sampler seed {r}", f"tmkt-random-s{r}-tuned")]
arms += [("ckd-tuned", "ckd-tuned"), ("ckd, papers' defaults", "ckd-default"), ("dvs-tuned (lr, weight decay)", "dvs-tuned"),
         ("dvs, defaults", "dvs-default")]
means = {}
print("| arm | test top-1 per seed | test top-1 | test RGB top-1 |")
print("|---|---|---|---|")
for label, key in arms:
    vals, rgbs = [], []
    for s in seeds:
        path = os.path.join(out, "final", f"{key}-s{s}", "result.json")
        r = json.load(open(path)) if os.path.exists(path) and os.path.getsize(path) else {}
        if r.get("status") == "complete":
            vals.append(r["val_top1"])
            if r.get("val_rgb_top1") is not None:
                rgbs.append(r["val_rgb_top1"])
    if not vals:
        print(f"| {label} | (no runs) | — | — |")
        continue
    means[key] = statistics.mean(vals)
    sd = lambda xs: statistics.stdev(xs) if len(xs) > 1 else 0.0
    rgb = f"{statistics.mean(rgbs):.3f} ± {sd(rgbs):.3f}" if rgbs else "—"
    print(f"| {label} | {' / '.join(f'{v:.3f}' for v in vals)} | **{means[key]:.3f} ± {sd(vals):.3f}** ({min(vals):.3f}) | {rgb} |")


def gap(a, b, what):
    if a in means and b in means:
        d = 100 * (means[a] - means[b])
        print(f"- {what}: **{d:+.1f} pt** of test top-1 (mean of {len(seeds)} seeds)")


print()
gap("tmkt-tpe-tuned", "dvs-tuned", "tuned TMKT − tuned DVS-only (target ≥ +1)")
gap("tmkt-tpe-tuned", "tmkt-default", "tuned TMKT − TMKT with the papers' defaults")
for key in ["tmkt-tpe-late-tuned", "tmkt-random-tuned"] + [f"tmkt-{k}-s{r}-tuned" for r in replicates for k in ("tpe-late", "random")]:
    gap(key, "dvs-tuned", f"{key} − tuned DVS-only")
gap("ckd-tuned", "dvs-tuned", "tuned CKD − tuned DVS-only (target ≥ +1)")
gap("ckd-tuned", "ckd-default", "tuned CKD − CKD with the papers' defaults")
gap("dvs-tuned", "dvs-default", "tuned DVS-only − DVS-only with the defaults")

print("\n### The best configuration of each sweep (its val top-1 on the sweep's seed)\n")
for s in ("tmkt-tpe", "tmkt-tpe-late", "tmkt-random", "ckd", "dvs") + tuple(f"tmkt-{k}-s{r}" for r in replicates for k in ("random", "tpe-late")):
    if not os.path.exists(os.path.join(out, s + ".json")):
        continue
    e = load(s)
    best = next((t for t in e["trials"] if t["number"] == e["sweep"]["best_trial"]), None)
    if best:
        params = ", ".join(f"{k} {v:.3g}" if isinstance(v, float) else f"{k} {v}" for k, v in sorted(best["params"].items()))
        print(f"- {s}: trial {best['number']}, val {fmt(best['value'])}: {params}")

print("\n### What each search learnt: fANOVA importance over its complete trials (`sweep report`)\n")
for s in ("tmkt-tpe", "tmkt-tpe-late", "tmkt-random", "ckd", "dvs") + tuple(f"tmkt-{k}-s{r}" for r in replicates for k in ("random", "tpe-late")):
    path = os.path.join(out, f"report-{s}", "report.html")
    found = re.search(r"\(fANOVA\): ([^<]*?)\.</figcaption>", open(path).read()) if os.path.exists(path) else None
    print(f"- {s}: {found.group(1) if found else '(none drawn)'}")

print("\n### Do early epochs rank like the last? Spearman ρ with the final val top-1 (`sweep report`'s agreement figure)\n")
for s in ("tmkt-random", "tmkt-tpe", "tmkt-tpe-late", "ckd", "dvs") + tuple(f"tmkt-{k}-s{r}" for r in replicates for k in ("random", "tpe-late")):
    path = os.path.join(out, f"report-{s}", "report.html")
    found = re.search(r"at random: ([^<]*?)\.</figcaption>", open(path).read()) if os.path.exists(path) else None
    print(f"- {s}: {found.group(1) if found else '(fewer than 5 complete trials)'}")
