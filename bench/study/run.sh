#!/usr/bin/env bash
# The issue-20 study: does a tuned TMKT (and CKD) beat a tuned DVS-only baseline, and does TPE + ASHA find TMKT's
# best in less compute than random search?
#   1. five sweeps on the hard synthetic set (examples/study/): tmkt-random (16 trials, no pruning), tmkt-tpe,
#      dvs and ckd (48 trials each, TPE + ASHA over epochs, first rung at epoch 2) and tmkt-tpe-late (24 trials,
#      first rung at epoch 6); every trial evaluates on val only
#   2. the final runs on the test split no sweep saw (dataset.evalSplit=test), 3 fresh seeds each: the best config of
#      each sweep (`sweep best`) and the papers' defaults of tmkt, dvs and ckd (bench/study/base.yaml)
#   3. analyse.py writes study.md (tables) and `sweep report` the plots, compute.svg among them
# Usage: bench/study/run.sh [--out DIR] [--seeds "101 102 103"] [--replicates "2"] [--quick 1]
#   --replicates: sampler seeds for a second run of tmkt-random against tmkt-tpe-late (sweeps study-<name>-s<seed>,
#                 their finals too): one search seed decides a lot (BENCHMARKS §5.1). About 45 minutes more per seed.
#   --quick 1: the same pipeline at toy size (2 epochs, 3 to 4 trials, 20 scenes a class) to check it end to end.
# Re-running resumes: a finished sweep or final run is not run again. About two hours on a 2-core machine.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
out="$root/bench/results/study" seeds="101 102 103" replicates="" quick=0
source "$root/bench/trainer/options.sh"
parse_options "$(basename "$0")" "out seeds replicates quick" "$@"
sweep="${SWEEP:-$root/sweep}"
export SWEEP_HOME="$out/home"
mkdir -p "$out/specs" "$out/final"
$sweep version >/dev/null                       # build once, before anything is timed

# The specs as run: the shipped ones, or toy copies of them.
shrink() {
  if [[ "$quick" == 1 ]]; then
    sed -e 's/maxTrials: 48/maxTrials: 4/; s/maxTrials: 24/maxTrials: 3/; s/maxTrials: 16/maxTrials: 3/; s/epochs: 12/epochs: 2/' \
        -e 's/samplesPerClass: 120/samplesPerClass: 20/; s/minResource: [26]/minResource: 1/; s/maxResource: 12/maxResource: 2/' \
        -e 's/startupTrials: 10/startupTrials: 2/; s/teacherEpochs: 10/teacherEpochs: 1/'
  else cat; fi
}
sweeps="tmkt-random tmkt-tpe tmkt-tpe-late dvs ckd"
for s in $sweeps; do shrink <"$root/examples/study/$s.yaml" >"$out/specs/$s.yaml"; done
for r in $replicates; do
  for s in tmkt-random tmkt-tpe-late; do
    shrink <"$root/examples/study/$s.yaml" | sed -e "s/seed: 1,/seed: $r,/; s/seed: 1 }/seed: $r }/" \
      -e "s/^name: study-\(.*\)\$/name: study-\1-s$r/" >"$out/specs/$s-s$r.yaml"
    sweeps+=" $s-s$r"
  done
done
shrink <"$root/bench/study/base.yaml" >"$out/specs/base.yaml"

for s in $sweeps; do
  id="study-$s"
  if [[ ! -s "$out/$s.json" ]]; then
    t0=$(date +%s)
    if $sweep status "$id" >/dev/null 2>&1; then $sweep resume "$id" -q --no-web >/dev/null
    else $sweep start "$out/specs/$s.yaml" --id "$id" --no-web --no-live 2>"$out/$s.log" >/dev/null; fi
    echo "study: $id done in $(( $(date +%s) - t0 )) s" >&2
    $sweep export "$id" -f json -o "$out/$s.json"
  fi
  $sweep best "$id" -o "$out/best-$s.yaml" >/dev/null
done

# Final runs on the test split, two at a time (one thread each, as the trials).
final() {
  local name="$1" config="$2"; shift 2
  local dir="$out/final/$name"
  [[ -s "$dir/result.json" ]] && return 0
  rm -rf "$dir"; mkdir -p "$dir"
  $sweep train --config "$config" --out "$dir" --set dataset.evalSplit=test "$@" >"$dir/stdout.jsonl" 2>"$dir/stderr.log" \
    || echo "study: $name exited $? (see $dir/stderr.log)" >&2
  grep '"type":"result"' "$dir/stdout.jsonl" | tail -1 >"$dir/result.json" || true
  echo "study: $name $(cut -c1-120 "$dir/result.json")" >&2
}
export -f final; export sweep out
base="$out/specs/base.yaml"
teacher="--set ckd.teacher=auto --set ckd.teacherModel=ann-cnn --set ckd.teacherEpochs=$([[ $quick == 1 ]] && echo 1 || echo 10)"
for seed in $seeds; do
  for s in $sweeps; do echo "$s-tuned-s$seed $out/best-$s.yaml --set seed=$seed"; done
  echo "tmkt-default-s$seed $base --set method=tmkt --set seed=$seed"
  echo "dvs-default-s$seed $base --set method=dvs --set seed=$seed"
  echo "ckd-default-s$seed $base --set method=ckd $teacher --set seed=$seed"
done | xargs -P 2 -L 1 bash -c 'final "$@"' _

# compute.png of tmkt-tpe draws random search (of the same sampler seed) too; the notes say what each needed to
# reach random search's best.
for s in $sweeps; do
  case $s in
    tmkt-tpe) compare=(--compare study-tmkt-random) ;;
    tmkt-tpe-late*) compare=(--compare "study-tmkt-random${s#tmkt-tpe-late}") ;;
    *) compare=() ;;
  esac
  $sweep report "study-$s" -o "$out/report-$s" "${compare[@]}" >/dev/null 2>"$out/report-$s.notes"
done
python3 "$root/bench/study/analyse.py" "$out" "$seeds" "$replicates" | tee "$out/study.md"
