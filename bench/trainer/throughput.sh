#!/usr/bin/env bash
# Training-step throughput and peak RSS of `sweep bench-train` beside ../shared/bench/trainer/ref_snn.py
# (PyTorch 1.13, Debian python3-torch), same shapes, same machine, one run, runs interleaved:
# VGGSNN 48x48, T=4, batch 16, AdamW, 10 classes, sigmoid surrogate, V_th 0.5; dvs and tmkt; multi-step and
# step-by-step. Like for like, Sweep times ref_snn.py's own graph (`bench-train --like-ref`: dvs = CE of the mean
# logits; tmkt = one mixed branch with modality and ratio heads); it also times the real method (dvs: TET;
# tmkt: two branches, CKA, MAG, MRP). Allocators: PyTorch as shipped (glibc malloc) and on tcmalloc (what our
# allocator choice is worth to it); Sweep on tcmalloc (its default) and on glibc.
# Usage: bench/trainer/throughput.sh [--iters N] [--threads N] [--out DIR]   (results: DIR/throughput.{jsonl,md})
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
ref="${SWEEP_REF_SNN:-$root/../shared/bench/trainer/ref_snn.py}"
iters=8 threads=2 out="$root/bench/results/trainer"
source "$root/bench/trainer/options.sh"
parse_options "$(basename "$0")" "iters threads out" "$@"
source "$root/bench/trainer/throughput_lib.sh"   # checks ref_snn.py, installs packages, builds, makes $out
jsonl="$out/throughput.jsonl"
: >"$jsonl"

for variant in dvs tmkt; do
  for mode in multi single; do
    for a in glibc tcmalloc; do
      echo "throughput.sh: $variant $mode pytorch/$a" >&2; run_ref "$variant" "$mode" "$a" >>"$jsonl"
      echo "throughput.sh: $variant $mode sweep --like-ref/$a" >&2; run_sweep "$variant" "$mode" "$a" --like-ref >>"$jsonl"
    done
    echo "throughput.sh: $variant $mode sweep/tcmalloc" >&2; run_sweep "$variant" "$mode" tcmalloc >>"$jsonl"
  done
done
python3 - "$jsonl" "$out/throughput.md" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
get = lambda impl, alloc, v, m: next(r for r in rows if (r["impl"], r["allocator"], r["variant"], r["mode"]) == (impl, alloc, v, m))
lines = ["| variant | time loop | PyTorch | PyTorch + tcmalloc | Sweep, same graph | Sweep, same graph, glibc | Sweep, real method | same graph / PyTorch: speed, peak RSS |",
         "|---|---|---|---|---|---|---|---|"]
for v in ("dvs", "tmkt"):
    for m in ("multi", "single"):
        p, pt, s, sg, real = (get(*k, v, m) for k in (("pytorch", "glibc"), ("pytorch", "tcmalloc"), ("sweep--like-ref", "tcmalloc"),
                                                       ("sweep--like-ref", "glibc"), ("sweep", "tcmalloc")))
        cell = lambda r: f'{r["samples_per_s"]:.2f} ({r["peak_rss_mb"]:.0f} MB)'
        lines.append(f'| {v} | {m} | {cell(p)} | {cell(pt)} | {cell(s)} | {cell(sg)} | {cell(real)} | '
                     f'{s["samples_per_s"] / p["samples_per_s"]:.2f}x, {s["peak_rss_mb"] / p["peak_rss_mb"]:.2f}x |')
open(sys.argv[2], "w").write("\n".join(lines) + "\n")
print("\n".join(lines))
PY
