#!/usr/bin/env bash
# Time steps as a fidelity (issue 20): does a run's ranking at a low T predict its ranking at the full T?
# Draws N random configurations (lr, threshold, tau; fixed seed), trains each on bench/trainer/timesteps.yaml at every
# T in --lows and at --full T with two training seeds (the second gives the noise floor: how well the full T
# predicts itself), two runs at a time on one thread each. Results: DIR/timesteps.{jsonl,md} (timesteps_report.py).
# Usage: bench/trainer/timesteps.sh [--configs 8] [--lows "2 4"] [--full 8] [--jobs 2] [--out DIR]
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
configs=8 lows="2 4" full=8 jobs=2 out="$root/bench/results/trainer"
source "$root/bench/trainer/options.sh"
parse_options "$(basename "$0")" "configs lows full jobs out" "$@"
base="$root/bench/trainer/timesteps.yaml"
runs="$out/timesteps-runs"
mkdir -p "$runs"
"$root/sweep" validate --help >/dev/null   # build once, before the parallel runs
# Run a private copy of the build, so a rebuild during the runs cannot swap the binary under them.
bin="$out/timesteps-bin"
rm -rf "$bin" && mkdir -p "$bin"
cp -r "$root"/Orchestrator/bin/Release/net10.0/linux-x64/. "$bin"/

# One run: NAME then --set arguments. Skips a run whose result line is already there (re-run to resume).
train() {
  local name="$1"; shift
  local dir="$runs/$name"
  if [[ -s "$dir/result.json" ]]; then return 0; fi
  rm -rf "$dir"; mkdir -p "$dir"
  local t0; t0=$(date +%s.%N)
  if dotnet "$bin/sweep.dll" train --config "$base" --out "$dir" "$@" >"$dir/stdout.jsonl" 2>"$dir/stderr.log"; then :; else
    echo "timesteps.sh: $name exited $? (see $dir/stderr.log)" >&2
  fi
  echo "$(date +%s.%N) - $t0" | bc >"$dir/wall_s"
  grep '"type":"result"' "$dir/stdout.jsonl" | tail -1 >"$dir/result.json" || true
  echo "timesteps.sh: $name $(cut -c1-120 "$dir/result.json")" >&2
}
export -f train; export bin base runs

jobsfile="$(mktemp)"; trap 'rm -f "$jobsfile"' EXIT
python3 - "$configs" "$lows" "$full" >"$jobsfile" <<'PY'
import math, random, sys
n, lows, full = int(sys.argv[1]), [int(t) for t in sys.argv[2].split()], int(sys.argv[3])
rng = random.Random(20)
for c in range(n):
    lr = math.exp(rng.uniform(math.log(1e-3), math.log(1e-2)))
    threshold, tau = rng.uniform(0.15, 0.6), rng.uniform(1.5, 3.0)
    cfg = f"--set lr={lr:.6g} --set threshold={threshold:.4f} --set tau={tau:.4f}"
    for t in lows:
        print(f"c{c}-T{t}-s1 {cfg} --set timeSteps={t} --set seed=1")
    for s in (1, 2):
        print(f"c{c}-T{full}-s{s} {cfg} --set timeSteps={full} --set seed={s}")
PY
xargs -P "$jobs" -L 1 bash -c 'train "$@"' _ <"$jobsfile"
python3 "$root/bench/trainer/timesteps_report.py" "$runs" "$full" "$out/timesteps.jsonl" "$out/timesteps.md"
