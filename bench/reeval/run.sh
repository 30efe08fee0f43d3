#!/usr/bin/env bash
# Re-evaluation benchmark (budget.reevaluate): how often the best single run is also the configuration with the best
# mean over fresh seeds, and what the stage costs.
#   trainer: real TMKT sweeps on synthetic events with tiny settings (8 search trials, top 3 re-run on 2 seeds)
#   function: many branin-noisy sweeps (12 trials, top 3 on 4 seeds); branin without noise says which pick is better
# Usage: bench/reeval/run.sh [trainer|function|all] [trainer-sweeps] [function-sweeps]; results in BENCHMARKS.md
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
what="${1:-all}"; trainer_sweeps="${2:-2}"; function_sweeps="${3:-30}"
sweep="${SWEEP:-$root/sweep}"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
$sweep version >/dev/null                       # build once, outside the timings

# Reads `sweep export -f json` on stdin; prints one line: seed, single-seed winner, mean winner, agree, costs, true values.
analyse() {
  python3 -c '
import json, math, sys
e = json.load(sys.stdin); s = e["sweep"]; ts = e["trials"]; sign = 1 if s["goal"] == "minimize" else -1
def dur(t): return t["duration_s"] or 0.0
search = [t for t in ts if t["stage"] == "search"]; rerun = [t for t in ts if t["stage"] == "reevaluation"]
done = [t for t in search if t["state"] == "complete"]
single = min(done, key=lambda t: (sign * t["value"], t["number"]))
best = s["best_trial"]
def branin(p):
    x1, x2 = p["x1"], p["x2"]; b = 5.1 / (4 * math.pi ** 2); c = 5 / math.pi; t = 1 / (8 * math.pi)
    return (x2 - b * x1 * x1 + c * x1 - 6) ** 2 + 10 * (1 - t) * math.cos(x1) + 10
bytrial = {t["number"]: t for t in ts}
true = lambda n: branin(bytrial[n]["params"]) if "x1" in bytrial[n]["params"] and "x2" in bytrial[n]["params"] and len(bytrial[n]["params"]) == 2 else float("nan")
print(f"{sys.argv[1]} single={single['number']}:{single['value']:.4g} mean_winner={best}:{s['best_value']:.4g}±{s['best_sd'] or 0:.3g}(n={s['best_runs']}) "
      f"agree={int(single['number'] == best)} search_trials={len(search)} rerun_trials={len(rerun)} "
      f"search_s={sum(map(dur, search)):.1f} rerun_s={sum(map(dur, rerun)):.1f} "
      f"true_single={true(single['number']):.4g} true_mean_winner={true(best):.4g} single_value_of_winner={bytrial[best]['value']:.4g}")
' "$1"
}

if [[ "$what" == trainer || "$what" == all ]]; then
  for seed in $(seq 1 "$trainer_sweeps"); do
    cat > "$work/tmkt-$seed.yaml" <<YAML
apiVersion: sweep/v1
name: reeval-tmkt
metric: { name: val_top1, goal: maximize }
sampler: { type: tpe, seed: $((seed * 41)), startupTrials: 4 }
pruner: { type: median, resource: epoch, startupTrials: 2, warmupSteps: 2 }
budget: { maxTrials: 8, parallelTrials: 2, reevaluate: { top: 3, seeds: 2 } }
parameters:
  lr: { type: float, low: 1.0e-3, high: 1.0e-2, log: true }
  timeSteps: { type: int, low: 4, high: 8, step: 2 }
  tmkt.mixRatio: { type: float, low: 0.1, high: 0.9 }
  tmkt.magWeight: { type: float, low: 0.01, high: 1.0, log: true }
trial:
  method: tmkt
  model: scnn
  dataset: { kind: synthetic, classes: 10, frameSize: 28 }
  epochs: 4
  batchSize: 16
YAML
    t0=$(date +%s)
    $sweep start "$work/tmkt-$seed.yaml" --home "$work/home" --id "tmkt-$seed" -q >/dev/null
    echo "trainer wall_s=$(( $(date +%s) - t0 ))"
    $sweep export "tmkt-$seed" --home "$work/home" -f json | analyse "trainer-$seed"
    $sweep trials "tmkt-$seed" --home "$work/home"
  done
fi

if [[ "$what" == function || "$what" == all ]]; then
  for seed in $(seq 1 "$function_sweeps"); do
    cat > "$work/noisy-$seed.yaml" <<YAML
apiVersion: sweep/v1
name: reeval-noisy
metric: { name: value, goal: minimize }
sampler: { type: tpe, seed: $seed, startupTrials: 6 }
budget: { maxTrials: 12, parallelTrials: 2, reevaluate: { top: 3, seeds: 4 } }
parameters:
  x1: { type: float, low: -5, high: 10 }
  x2: { type: float, low: 0, high: 15 }
trial:
  function: branin-noisy
  steps: 1
YAML
    $sweep start "$work/noisy-$seed.yaml" --home "$work/home" --id "noisy-$seed" -q >/dev/null
    $sweep export "noisy-$seed" --home "$work/home" -f json | analyse "function-$seed"
  done
fi
