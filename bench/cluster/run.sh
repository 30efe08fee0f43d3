#!/usr/bin/env bash
# Cluster benchmark, one run, one machine (PostgreSQL from deploy/local-cluster.sh, silos as separate processes):
#  1. sleep trials through 1 silo, then through 2 (each silo has the same slots): the speed-up;
#  2. kill -9 of a silo mid-trial to the trial running again on the other: seconds, over several kills;
#  3. trivial function trials through a 2-silo cluster on PostgreSQL: trials/s and the cost per trial at 1k and 10k.
# Usage: bench/cluster/run.sh [kills] [trials-small] [trials-large]
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
kills="${1:-7}"; small="${2:-1000}"; large="${3:-10000}"
parts="${BENCH_PARTS:-sleep kill trivial}"   # a subset while iterating, e.g. BENCH_PARTS=trivial
work="$(mktemp -d)"; chmod 755 "$work"
export SWEEP_CLUSTER_DIR="$work/db"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; done
  "$root/deploy/local-cluster.sh" down --purge >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
"$root/sweep" version >/dev/null                       # build once, outside the timings
"$root/deploy/local-cluster.sh" up 0 >/dev/null
eval "$("$root/deploy/local-cluster.sh" env)"
export SWEEP_KEY="$work/cluster-key.pfx"
py=/usr/bin/python3

silo() {  # cluster-id name cpu-slots [extra...]: starts a silo, waits until it joined; its pid in $silo_pid
  local id="$1" name="$2" slots="$3"; shift 3
  SWEEP_CLUSTER_ID="$id" SWEEP_SERVICE_ID="$id" setsid "$root/sweep" silo --node "$name" --home "$work/$id-$name" \
    --silo-port 0 --gateway-port 0 --advertise 127.0.0.1 --cpu-slots "$slots" --no-web "$@" </dev/null >"$work/$id-$name.log" 2>&1 &
  silo_pid=$!; pids+=("$silo_pid")
  for _ in $(seq 1 240); do
    grep -q " joined cluster " "$work/$id-$name.log" && return 0
    kill -0 "$silo_pid" 2>/dev/null || break
    sleep 0.5
  done
  echo "silo $name of $id did not join:" >&2; tail -20 "$work/$id-$name.log" >&2; exit 1
}

sweep_in() { local id="$1"; shift; SWEEP_CLUSTER_ID="$id" SWEEP_SERVICE_ID="$id" "$root/sweep" "$@"; }

spec() {  # name trials parallel steps step-seconds [max-retries]
  cat <<YAML
apiVersion: sweep/v1
name: $1
metric: { name: value, goal: minimize }
sampler: { type: random, seed: 1 }
budget: { maxTrials: $2, parallelTrials: $3, maxRetries: ${6:-0} }
parameters:
  x1: { type: float, low: -5, high: 10 }
  x2: { type: float, low: 0, high: 15 }
trial:
  function: branin
  steps: $4
  stepSeconds: $5
YAML
}

run_sweep() {  # cluster-id sweep-id spec: runs it to the end (client follows), prints "wall active n"
  local t0 t1; t0=$(date +%s.%N)
  sweep_in "$1" start "$3" --id "$2" --watch -f json >"$work/$2.json" 2>/dev/null
  t1=$(date +%s.%N)
  $py -c 'import json,sys; s=json.load(open(sys.argv[1])); t=s["trials"]; print(float(sys.argv[3])-float(sys.argv[2]), s["active_s"], t["complete"]+t["pruned"]+t["failed"])' \
    "$work/$2.json" "$t0" "$t1"
}

# 1. Sleep trials: 40 trials of 2 s (5 steps of 0.4 s), 2 slots per silo, the sweep allowing 4 at once.
if [[ " $parts " == *" sleep "* ]]; then
spec sleep 40 4 5 0.4 >"$work/sleep.yaml"
silo one a 2
read -r w1 a1 n1 < <(run_sweep one sleep1 "$work/sleep.yaml")
silo two a 2; silo two b 2
read -r w2 a2 n2 < <(run_sweep two sleep2 "$work/sleep.yaml")
$py -c 'import sys; w1,w2=float(sys.argv[1]),float(sys.argv[2]); print(f"sleep trials   40 x 2 s, 2 slots/silo: 1 silo {w1:6.1f} s, 2 silos {w2:6.1f} s  speed-up {w1/w2:4.2f}x")' "$w1" "$w2"

fi

# 2. kill -9 of the silo running a trial; the trial runs again on the other silo. A fresh silo joins after each kill,
#    and the survivor is the next victim.
if [[ " $parts " == *" kill "* ]]; then
spec kill "$((kills * 4 + 8))" 2 10 1 9 >"$work/kill.yaml"   # 2 at once over 2 slots per silo: the survivor has a slot free
silo kill k0 2; survivor=k0; survivor_pid="$silo_pid"
silo kill k1 2; victim=k1; victim_pid="$silo_pid"
sweep_in kill start "$work/kill.yaml" --id kill >/dev/null 2>&1
times=()
for i in $(seq 1 "$kills"); do
  number=""; attempt=""
  for _ in $(seq 1 120); do
    read -r number attempt < <(sweep_in kill trials kill -f json 2>/dev/null | $py -c 'import json,sys
t=[t for t in json.load(sys.stdin) if t["state"]=="running" and t["node"]==sys.argv[1] and t["attempt"]==1 and (t["last_step"] or 0)>=1]
print(t[0]["number"], t[0]["attempt"]) if t else print("")' "$victim") || true
    [[ -n "$number" ]] && break; sleep 0.5
  done
  [[ -n "$number" ]] || { echo "kill $i: silo $victim runs no trial" >&2; exit 1; }
  t0=$(date +%s.%N); kill -9 "$victim_pid"
  for _ in $(seq 1 600); do
    again=$(sweep_in kill trials kill -f json 2>/dev/null | $py -c 'import json,sys
t=json.load(sys.stdin)[int(sys.argv[1])]; print(2 if t["state"]=="failed" else 1 if t["attempt"]>int(sys.argv[2]) and t["state"] in ("running","complete") else 0)' "$number" "$attempt" || echo 0)
    [[ "$again" == 2 ]] && { echo "kill $i: trial $number failed instead of running again" >&2; exit 1; }
    [[ "$again" == 1 ]] && break; sleep 0.2
  done
  [[ "$again" == 1 ]] || { echo "kill $i: trial $number did not run again within 2 minutes" >&2; exit 1; }
  t1=$(date +%s.%N); times+=("$($py -c 'import sys; print(float(sys.argv[2])-float(sys.argv[1]))' "$t0" "$t1")")
  victim="$survivor"; victim_pid="$survivor_pid"
  silo kill "k$((i + 1))" 2; survivor="k$((i + 1))"; survivor_pid="$silo_pid"
done
$py -c 'import sys, statistics as st
t=sorted(float(x) for x in sys.argv[1:]); print(f"kill -9 to rerun: n={len(t)} median {st.median(t):5.1f} s  min {t[0]:5.1f}  max {t[-1]:5.1f}  all " + " ".join(f"{x:.1f}" for x in t))' "${times[@]}"
for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; done; pids=()
fi

# 3. Trivial trials through 2 silos on PostgreSQL: 8 slots each, 16 at once.
[[ " $parts " == *" trivial "* ]] || exit 0
silo fast a 8; silo fast b 8
spec fast-1k "$small" 16 1 0 >"$work/fast-1k.yaml"; spec fast-10k "$large" 16 1 0 >"$work/fast-10k.yaml"
# A warm-up sweep first: JIT, connection pools and grain activations are not what "per trial" means.
spec warm 2000 16 1 0 >"$work/warm.yaml"; run_sweep fast warm "$work/warm.yaml" >/dev/null
cp "$work/fast-1k.yaml" "$work/fast-1k-again.yaml"
for size in 1k 10k 1k-again; do
  read -r w a n < <(run_sweep fast "fast-$size" "$work/fast-$size.yaml")
  sweep_in fast export "fast-$size" -f json -o "$work/fast-$size-export.json" 2>/dev/null
  # Steady state: trials finished between the 10th and the 90th percentile of finish times, over that span.
  $py - "$w" "$a" "$n" "$size" "$work/fast-$size-export.json" <<'PY'
import json, sys
from datetime import datetime
w, a, n, size = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
ends = sorted(datetime.fromisoformat(t["finished_utc"].replace("Z", "+00:00")).timestamp() for t in json.load(open(sys.argv[5]))["trials"])
lo, hi = int(len(ends) * 0.1), int(len(ends) * 0.9)
steady = (ends[hi] - ends[lo]) / (hi - lo)
print(f"trivial {size:>8}: trials={n:<6} wall={w:7.2f} s active={a:7.2f} s  {n/a:7.1f} trials/s  per-trial={1000*a/n:6.3f} ms  "
      f"steady={1/steady:7.1f} trials/s ({1000*steady:5.3f} ms per trial)")
PY
done
