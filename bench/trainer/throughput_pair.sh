#!/usr/bin/env bash
# One row of throughput.sh repeated: PyTorch (glibc, as shipped) and Sweep's same graph (--like-ref, tcmalloc)
# alternately, N times, so that the shared machine's drift hits both sides alike; prints each pair's ratio and the
# median ratio. Usage: bench/trainer/throughput_pair.sh [--variant dvs|tmkt] [--mode multi|single] [--repeat 3]
#                                                      [--iters 8] [--threads 2] [--out DIR]
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
ref="${SWEEP_REF_SNN:-$root/../shared/bench/trainer/ref_snn.py}"
variant=dvs mode=single repeat=3 iters=8 threads=2 out="$root/bench/results/trainer"
source "$root/bench/trainer/options.sh"
parse_options "$(basename "$0")" "variant mode repeat iters threads out" "$@"
source "$root/bench/trainer/throughput_lib.sh"   # checks ref_snn.py, installs packages, builds, makes $out
jsonl="$out/throughput-pair-$variant-$mode.jsonl"
: >"$jsonl"
for i in $(seq "$repeat"); do
  echo "throughput_pair.sh: $variant $mode round $i" >&2
  run_ref "$variant" "$mode" glibc >>"$jsonl"
  run_sweep "$variant" "$mode" tcmalloc --like-ref >>"$jsonl"
done
python3 - "$jsonl" <<'PY'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
pairs = list(zip(rows[0::2], rows[1::2]))
for p, s in pairs:
    print(f'PyTorch {p["samples_per_s"]:.2f} ({p["peak_rss_mb"]:.0f} MB)  Sweep {s["samples_per_s"]:.2f} ({s["peak_rss_mb"]:.0f} MB)  '
          f'speed {s["samples_per_s"] / p["samples_per_s"]:.2f}x  RSS {s["peak_rss_mb"] / p["peak_rss_mb"]:.2f}x')
print(f'median speed ratio {statistics.median(s["samples_per_s"] / p["samples_per_s"] for p, s in pairs):.2f}x, '
      f'median RSS ratio {statistics.median(s["peak_rss_mb"] / p["peak_rss_mb"] for p, s in pairs):.2f}x over {len(pairs)} rounds')
PY
