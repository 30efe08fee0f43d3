# Shared by throughput.sh and throughput_pair.sh: one timed configuration as one JSON line on stdout.
# Needs root, ref, iters, threads and out set by the caller; sourcing checks ref, installs the bench packages,
# builds Sweep and creates out.
[[ -f "$ref" ]] || { echo "$(basename "$0"): $ref not found (set SWEEP_REF_SNN)" >&2; exit 2; }
"$root/deploy/install-deps.sh" --bench
tcmalloc=/usr/lib/x86_64-linux-gnu/libtcmalloc_minimal.so.4
"$root/sweep" doctor >/dev/null   # build first, outside the timings
mkdir -p "$out"

run_ref() {  # variant mode allocator
  local pre=""; [[ "$3" == tcmalloc ]] && pre="$tcmalloc"
  LD_PRELOAD="$pre" /usr/bin/python3 "$ref" run --model vggsnn --impl ours --mode "$2" --variant "$1" --opt adamw \
      --T 4 --batch 16 --steps 1 --warmup 3 --iters "$iters" --threads "$threads" 2>/dev/null | tail -1 |
    python3 -c 'import json,sys; d=json.load(sys.stdin); print(json.dumps(dict(impl="pytorch", allocator=sys.argv[1], variant=d["variant"], mode=d["mode"], samples_per_s=d["samples_per_s_med"], peak_rss_mb=d["peak_rss_mb"])))' "$3"
}
run_sweep() {  # variant mode allocator [--like-ref]
  SWEEP_ALLOCATOR="$3" "$root/sweep" bench-train ${4:-} --warmup 3 --iters "$iters" --set model=vggsnn --set dataset.frameSize=48 \
      --set timeSteps=4 --set batchSize=16 --set method="$1" --set stepMode="$2" --set surrogate=sigmoid \
      --set threshold=0.5 --set lr=1e-3 --set weightDecay=0.01 --set threads="$threads" |
    python3 -c 'import json,sys; d=json.load(sys.stdin); print(json.dumps(dict(impl="sweep" + sys.argv[2], allocator=sys.argv[1], variant=d["method"].replace("-like-ref", ""), mode=d["mode"], samples_per_s=d["samples_per_s_med"], peak_rss_mb=d["peak_rss_mb"])))' "$3" "${4:-}"
}
