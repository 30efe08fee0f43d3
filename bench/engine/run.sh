#!/usr/bin/env bash
# Engine benchmark: trivial-trial throughput through one silo (in-process function trials and child-process
# command trials), device idle time between consecutive trials on one slot, and the cost per persisted trial
# event at 1k and 10k trials, and progress lines/s with the state file size after 100k of them.
# Usage: bench/engine/run.sh [trials-small] [trials-large] [progress-lines]
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
small="${1:-1000}"; large="${2:-10000}"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
"$root/sweep" version >/dev/null                       # build once, outside the timings

spec() {  # name trials parallel kind target steps
  cat <<YAML
apiVersion: sweep/v1
name: $1
metric: { name: value, goal: minimize }
sampler: { type: random, seed: 1 }
budget: { maxTrials: $2, parallelTrials: $3 }
parameters:
  x1: { type: float, low: -5, high: 10 }
  x2: { type: float, low: 0, high: 15 }
trial:
  $4: "$5"
  steps: $6
YAML
}

measure() {  # label specfile slots
  local home="$work/home-$1"
  local t0 t1; t0=$(date +%s.%N)
  "$root/sweep" start "$2" --home "$home" --id "$1" --cpu-slots "$3" --no-web -f json >"$work/$1.json" 2>/dev/null
  t1=$(date +%s.%N)
  "$root/sweep" export "$1" --home "$home" -f json -o "$work/$1-export.json" 2>/dev/null
  /usr/bin/python3 - "$work/$1.json" "$work/$1-export.json" "$t0" "$t1" "$1" <<'PY'
import json, sys
from datetime import datetime
s = json.load(open(sys.argv[1])); e = json.load(open(sys.argv[2]))
wall = float(sys.argv[4]) - float(sys.argv[3]); active = s["active_s"]; n = s["trials"]["complete"] + s["trials"]["pruned"] + s["trials"]["failed"]
ts = lambda v: datetime.fromisoformat(v.replace("Z", "+00:00")).timestamp()
trials = sorted(e["trials"], key=lambda t: ts(t["started_utc"]))
gaps = []
for a, b in zip(trials, trials[1:]):
    gaps.append(max(0.0, ts(b["started_utc"]) - ts(a["finished_utc"])))
gaps.sort()
med = gaps[len(gaps)//2] * 1000 if gaps else float("nan"); p95 = gaps[int(len(gaps)*0.95)] * 1000 if gaps else float("nan")
dur = sorted(t["duration_s"] for t in trials); mdur = dur[len(dur)//2] * 1000
print(f"{sys.argv[5]:<14} trials={n:<6} wall={wall:7.2f}s active={active:7.2f}s  {n/active:8.1f} trials/s  "
      f"trial={mdur:6.2f}ms  idle(median/p95)={med:6.2f}/{p95:6.2f}ms  per-trial={1000*active/n:6.3f}ms")
PY
}

spec fn-1k "$small" 1 function branin 1 >"$work/fn-1k.yaml";      measure fn-1k "$work/fn-1k.yaml" 1
spec fn-1k-x8 "$small" 8 function branin 1 >"$work/fn-1k-x8.yaml"; measure fn-1k-x8 "$work/fn-1k-x8.yaml" 8
spec fn-10k "$large" 8 function branin 1 >"$work/fn-10k.yaml";     measure fn-10k "$work/fn-10k.yaml" 8
spec cmd-200 200 1 command "$root/examples/objectives/branin.sh" 3 >"$work/cmd.yaml"; measure cmd-200 "$work/cmd.yaml" 1

# Progress lines: one command trial that writes N progress lines as fast as awk can, read by the engine and each sent
# to the sweep (pruner, progress log). Lines/s over the trial's duration, and the size of the state file after it.
lines="${3:-100000}"
cat >"$work/progress.yaml" <<YAML
apiVersion: sweep/v1
name: progress
metric: { name: value, goal: minimize }
budget: { maxTrials: 1 }
parameters:
  x: { type: float, low: 0, high: 1 }
trial:
  command: awk 'BEGIN { for (i = 1; i <= $lines; i++) printf "{\"type\":\"progress\",\"step\":%d,\"value\":%.6f}\n", i, 1/i; print "{\"type\":\"result\",\"status\":\"complete\",\"value\":0}" }'
YAML
"$root/sweep" start "$work/progress.yaml" --home "$work/home-progress" --id progress --no-web -f json >/dev/null 2>&1
"$root/sweep" trials progress --home "$work/home-progress" -f json >"$work/progress-trials.json"
db_bytes=$(du -cb "$work/home-progress"/sweep.db* | tail -1 | cut -f1)
/usr/bin/python3 - "$work/progress-trials.json" "$lines" "$db_bytes" <<'PY'
import json, sys
t = json.load(open(sys.argv[1]))[0]; n = int(sys.argv[2])
print(f"progress       lines={n:<7} trial={t['duration_s']:7.2f}s  {n / t['duration_s']:9.0f} lines/s  last_step={t['last_step']}  "
      f"state file={int(sys.argv[3]) / 2**20:6.2f} MiB")
PY
