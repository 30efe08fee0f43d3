"""One line per sweep from `sweep export -f json` on stdin: the best single run, the mean winner, whether they agree,
the compute of each stage, and (for branin-noisy) the noise-free value of each pick. Usage: analyse.py LABEL"""
import json
import math
import sys


def branin(p):
    x1, x2 = p["x1"], p["x2"]
    b, c, t = 5.1 / (4 * math.pi ** 2), 5 / math.pi, 1 / (8 * math.pi)
    return (x2 - b * x1 * x1 + c * x1 - 6) ** 2 + 10 * (1 - t) * math.cos(x1) + 10


e = json.load(sys.stdin)
s, ts = e["sweep"], e["trials"]
sign = 1 if s["goal"] == "minimize" else -1
search = [t for t in ts if t["stage"] == "search"]
rerun = [t for t in ts if t["stage"] == "reevaluation"]
single = min((t for t in search if t["state"] == "complete"), key=lambda t: (sign * t["value"], t["number"]))
best = s["best_trial"]
by = {t["number"]: t for t in ts}
dur = lambda xs: sum(t["duration_s"] or 0.0 for t in xs)
true = lambda n: branin(by[n]["params"]) if set(by[n]["params"]) == {"x1", "x2"} else float("nan")
print(f"{sys.argv[1]} single={single['number']}:{single['value']:.4g} winner={best}:{s['best_value']:.4g}"
      f"+-{s['best_sd'] or 0:.3g}(n={s['best_runs']},its_single={by[best]['value']:.4g}) agree={int(single['number'] == best)}"
      f" trials={len(search)}+{len(rerun)} search_s={dur(search):.1f} rerun_s={dur(rerun):.1f}"
      f" true_single={true(single['number']):.4g} true_winner={true(best):.4g}")
