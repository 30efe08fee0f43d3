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
work="${SWEEP_BENCH_DIR:-$(mktemp -d)}"; mkdir -p "$work"; echo "sweeps kept in $work (home: $work/home)" >&2
$sweep version >/dev/null                       # build once, outside the timings

analyse() { python3 "$root/bench/reeval/analyse.py" "$1"; }

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
    $sweep start "$work/tmkt-$seed.yaml" --home "$work/home" --id "tmkt-$seed" -q --no-web >/dev/null
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
    $sweep start "$work/noisy-$seed.yaml" --home "$work/home" --id "noisy-$seed" -q --no-web >/dev/null
    $sweep export "noisy-$seed" --home "$work/home" -f json | analyse "function-$seed"
  done
fi
