#!/usr/bin/env bash
# Scores Sweep's search engine against Optuna 3.1 side by side, through the shared drive.py harness.
# Usage: bench/hpo/run.sh [regret|latency|pruning|batch|fidelity|seeds50|libm|all]...   (default: all but seeds50 and libm)
# Results: bench/results/hpo/*.jsonl and the Markdown tables in bench/results/hpo/*.md.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
shared=${SWEEP_SHARED:-$repo/../shared}/bench/hpo
[ -f "$shared/drive.py" ] || { echo "run.sh: $shared/drive.py not found (set SWEEP_SHARED)" >&2; exit 2; }
"$repo/deploy/install-deps.sh" --bench >&2
out=$repo/bench/results/hpo
mkdir -p "$out"
py=/usr/bin/python3
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
"$repo/sweep" version >/dev/null   # build once, before any timing
# Run a private copy of the build, so a rebuild during a long run cannot swap the binary under it.
bin=$out/bin
rm -rf "$bin" && mkdir -p "$bin"
cp -r "$repo"/Orchestrator/bin/Release/net10.0/linux-x64/. "$bin"/
sweep="dotnet $bin/sweep.dll ask-tell"
optuna="$py $shared/optuna_server.py"
drive() { $py "$shared/drive.py" --stderr "$out/stderr.log" "$@"; }

regret() {
  rm -f "$out/regret.jsonl"
  drive --cmd "$sweep --sampler tpe" --label sweep-tpe --seeds 10 --budget 200 --out "$out/regret.jsonl"
  drive --cmd "$sweep --sampler tpe --optuna31" --label sweep-tpe-optuna31 --seeds 10 --budget 200 --out "$out/regret.jsonl"
  drive --cmd "$optuna --sampler tpe" --label optuna-tpe --seeds 10 --budget 200 --out "$out/regret.jsonl"
  drive --cmd "$sweep --sampler random" --label random --seeds 10 --budget 200 --out "$out/regret.jsonl"
  $py "$shared/summarize.py" "$out/regret.jsonl" > "$out/regret.md"
}

latency() {
  rm -f "$out/latency.jsonl"
  drive --cmd "$sweep --sampler tpe" --label sweep-tpe --functions hartmann6,mixed --seeds 1 --budget 2000 --out "$out/latency.jsonl"
  drive --cmd "$optuna --sampler tpe" --label optuna-tpe --functions hartmann6,mixed --seeds 1 --budget 2000 --out "$out/latency.jsonl"
  $py "$shared/summarize.py" --latency "$out/latency.jsonl" > "$out/latency.md"
}

pruning() {
  rm -f "$out/pruning.jsonl"
  for pr in none median asha hyperband; do
    drive --cmd "$sweep --sampler tpe --pruner $pr" --label "sweep-tpe+$pr" --functions hartmann6,mixed --seeds 5 --budget 100 --steps 27 --out "$out/pruning.jsonl"
  done
  for pr in none median sha hyperband; do
    drive --cmd "$optuna --sampler tpe --pruner $pr" --label "optuna-tpe+$pr" --functions hartmann6,mixed --seeds 5 --budget 100 --steps 27 --out "$out/pruning.jsonl"
  done
  $py "$shared/summarize.py" --budgets 25,50,100 "$out/pruning.jsonl" > "$out/pruning.md"
  # Resource saved at equal regret: the pruned searches again with 300 trials, so that they can spend as many steps as
  # the unpruned 100 trials (2,700) if they need to; equal_regret.py finds when each reaches the unpruned final regret.
  rm -f "$out/pruning-long.jsonl"
  for pr in median asha hyperband; do
    drive --cmd "$sweep --sampler tpe --pruner $pr" --label "sweep-tpe+$pr-300" --functions hartmann6,mixed --seeds 5 --budget 300 --steps 27 --out "$out/pruning-long.jsonl"
  done
  for pr in median sha hyperband; do
    drive --cmd "$optuna --sampler tpe --pruner $pr" --label "optuna-tpe+$pr-300" --functions hartmann6,mixed --seeds 5 --budget 300 --steps 27 --out "$out/pruning-long.jsonl"
  done
  $py "$repo/bench/hpo/equal_regret.py" "$out/pruning.jsonl" "$out/pruning-long.jsonl" > "$out/pruning-equal-regret.md"
}

batch() {
  rm -f "$out/batch.jsonl"
  drive --cmd "$sweep --sampler tpe" --label sweep-tpe-batch1 --functions hartmann6,mixed --seeds 3 --budget 200 --batch 1 --out "$out/batch.jsonl"
  drive --cmd "$sweep --sampler tpe" --label sweep-tpe-batch8 --functions hartmann6,mixed --seeds 3 --budget 200 --batch 8 --out "$out/batch.jsonl"
  drive --cmd "$optuna --sampler tpe_cl" --label optuna-tpe_cl-batch8 --functions hartmann6,mixed --seeds 3 --budget 200 --batch 8 --out "$out/batch.jsonl"
  $py "$shared/summarize.py" "$out/batch.jsonl" > "$out/batch.md"
}

# Multi-fidelity (issue 20): TPE fed by ASHA's rungs (--fidelity rungs) beside TPE on finals, both with ASHA, against
# Optuna's TPE + SuccessiveHalving on the same 27-step curves. Sweep gets 200 trials so that it may spend as many steps
# as Optuna's 100 if it needs them; fidelity.py asks how many steps each needs to reach Optuna's final regret.
fidelity() {
  rm -f "$out/fidelity.jsonl"
  # 30 seeds still moved the ratios by ±0.15 against 60 others (BENCHMARKS §1.3), so 90; the bootstrap says how far.
  local f=${FIDELITY_FUNCTIONS:-branin,hartmann6,mixed} seeds=${FIDELITY_SEEDS:-90} start=${FIDELITY_SEED_START:-0}
  drive --cmd "$sweep --sampler tpe --pruner asha" --label "sweep-tpe+asha" --functions $f --seeds "$seeds" --seed-start "$start" --budget 200 --steps 27 --out "$out/fidelity.jsonl"
  drive --cmd "$sweep --sampler tpe --pruner asha --fidelity rungs" --label "sweep-tpe-rungs+asha" --functions $f --seeds "$seeds" --seed-start "$start" --budget 200 --steps 27 --out "$out/fidelity.jsonl"
  drive --cmd "$optuna --sampler tpe --pruner sha" --label "optuna-tpe+sha" --functions $f --seeds "$seeds" --seed-start "$start" --budget 100 --steps 27 --out "$out/fidelity.jsonl"
  $py "$repo/bench/hpo/fidelity.py" --bootstrap 1000 --summarize "$shared/summarize.py" "$out/fidelity.jsonl" > "$out/fidelity.md"
}

# mixed on 50 seeds: the 10-seed medians of mixed hinge on a few seeds that leave Optuna's path at a categorical tie;
# 50 seeds and a seed-by-seed count (paired.py) show whether a difference is a trend or a coin flip.
seeds50() {
  rm -f "$out/seeds50.jsonl"
  drive --cmd "$sweep --sampler tpe" --label sweep-tpe --functions mixed --seeds 50 --budget 200 --out "$out/seeds50.jsonl"
  drive --cmd "$optuna --sampler tpe" --label optuna-tpe --functions mixed --seeds 50 --budget 200 --out "$out/seeds50.jsonl"
  { $py "$shared/summarize.py" "$out/seeds50.jsonl"; echo; $py "$repo/bench/hpo/paired.py" "$out/seeds50.jsonl" sweep-tpe optuna-tpe; } > "$out/seeds50.md"
}

# Optuna again with NumPy's AVX-512 kernels switched off (NPY_DISABLE_CPU_FEATURES), i.e. the libm log/exp that NumPy
# uses on every CPU without AVX-512F. Shows whether a divergence from Optuna is NumPy's SIMD rounding or Sweep's maths.
libm() {
  rm -f "$out/libm.jsonl" "$out/libm50.jsonl"
  local off="AVX512F AVX512CD AVX512_SKX AVX512_CLX AVX512_CNL AVX512_ICL"
  # Without AVX-512F NumPy already uses libm; naming features the CPU lacks would only draw NumPy's warnings.
  grep -qw avx512f /proc/cpuinfo || off=""
  drive --cmd "$sweep --sampler tpe" --label sweep-tpe --seeds 10 --budget 200 --out "$out/libm.jsonl"
  NPY_DISABLE_CPU_FEATURES=$off drive --cmd "$optuna --sampler tpe" --label optuna-tpe-libm --seeds 10 --budget 200 --out "$out/libm.jsonl"
  drive --cmd "$sweep --sampler tpe" --label sweep-tpe-50 --functions mixed --seeds 50 --budget 200 --out "$out/libm50.jsonl"
  NPY_DISABLE_CPU_FEATURES=$off drive --cmd "$optuna --sampler tpe" --label optuna-tpe-libm-50 --functions mixed --seeds 50 --budget 200 --out "$out/libm50.jsonl"
  { $py "$shared/summarize.py" "$out/libm.jsonl"; echo
    $py "$repo/bench/hpo/paired.py" "$out/libm.jsonl" sweep-tpe optuna-tpe-libm; echo
    $py "$repo/bench/hpo/paired.py" "$out/libm50.jsonl" sweep-tpe-50 optuna-tpe-libm-50; } > "$out/libm.md"
}

parts=${*:-all}
[ "$parts" = all ] && parts="regret latency pruning batch"
for p in $parts; do
  case $p in regret|latency|pruning|batch|fidelity|seeds50|libm) echo "== $p ($(date -u +%H:%M:%S))" >&2; $p ;; *) echo "run.sh: unknown part '$p'" >&2; exit 2 ;; esac
done
echo "results in $out" >&2
