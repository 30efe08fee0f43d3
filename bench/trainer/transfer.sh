#!/usr/bin/env bash
# Transfer benchmark (issue 5): DVS top-1 and val_rgb_top1 of dvs, kt, tmkt, ckd, a blank-RGB control and two KT
# ablations (no spatio-temporal regularisation; domain weight beta = 0) on bench/trainer/transfer.yaml, over seeds
# and dataset.trainFraction values, equal epochs (tmkt-fixed: TMKT with a fixed r_m 0.5 instead of the default ramp). CKD's ANN teacher (ann-cnn on the same RGB pool) is trained once
# per seed. Runs go two at a time on one thread each; results land in DIR/transfer.{jsonl,md}.
# Usage: bench/trainer/transfer.sh [--seeds "1 2 3"] [--fractions "1.0 0.25"] [--arms "dvs kt ..."] [--epochs N]
#                                  [--jobs 2] [--out DIR]
# --epochs overrides transfer.yaml's 6 for every arm (e.g. 24 at trainFraction 0.25 = the optimizer steps of 6 at 1.0).
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
seeds="1 2 3" fractions="1.0 0.25" arms="dvs kt tmkt ckd blank kt-nostr kt-beta0" epochs="" jobs=2 out="$root/bench/results/trainer"
source "$root/bench/trainer/options.sh"
parse_options "$(basename "$0")" "seeds fractions arms epochs jobs out" "$@"
base="$root/bench/trainer/transfer.yaml"
runs="$out/transfer-runs"
mkdir -p "$runs"
"$root/sweep" validate --help >/dev/null   # build once, before the parallel runs

# One run: NAME then --set arguments. Skips a run whose result line is already there (re-run to resume).
train() {
  local name="$1"; shift
  local dir="$runs/$name"
  if [[ -s "$dir/result.json" ]]; then return 0; fi
  rm -rf "$dir"; mkdir -p "$dir"
  if "$root/sweep" train --config "$base" --out "$dir" "$@" >"$dir/stdout.jsonl" 2>"$dir/stderr.log"; then :; else
    echo "transfer.sh: $name exited $? (see $dir/stderr.log)" >&2
  fi
  grep '"type":"result"' "$dir/stdout.jsonl" | tail -1 >"$dir/result.json" || true
  echo "transfer.sh: $name $(cut -c1-160 "$dir/result.json")" >&2
}
export -f train; export root base runs

# CKD's teachers first: ann-cnn on the RGB images, one per seed (independent of trainFraction, which is DVS-side).
printf '%s\n' $seeds | xargs -P "$jobs" -I{} bash -c 'train teacher-s{} --set method=ann --set model=ann-cnn --set seed={} --set epochs=10'

jobsfile="$(mktemp)"; trap 'rm -f "$jobsfile"' EXIT
for f in $fractions; do
  for s in $seeds; do
    common="--set seed=$s --set dataset.trainFraction=$f${epochs:+ --set epochs=$epochs}"
    for arm in $arms; do
      case "$arm" in
        dvs|kt|tmkt) echo "$arm-f$f-s$s $common --set method=$arm" ;;
        ckd) echo "ckd-f$f-s$s $common --set method=ckd --set ckd.teacher=$runs/teacher-s$s/checkpoints" ;;
        blank) echo "blank-f$f-s$s $common --set method=kt --set transfer.blankRgb=true" ;;
        kt-nostr) echo "kt-nostr-f$f-s$s $common --set method=kt --set kt.str=false" ;;
        kt-beta0) echo "kt-beta0-f$f-s$s $common --set method=kt --set kt.domainWeight=0" ;;
        tmkt-fixed) echo "tmkt-fixed-f$f-s$s $common --set method=tmkt --set tmkt.mixSchedule=fixed --set tmkt.mixRatio=0.5" ;;
        *) echo "transfer.sh: unknown arm '$arm'" >&2; exit 2 ;;
      esac
    done
  done
done >"$jobsfile"
xargs -P "$jobs" -L 1 bash -c 'train "$@"' _ <"$jobsfile"

classes="$(awk '$1 == "classes:" {print $2}' "$base")"   # chance = 1/classes in the report
python3 "$root/bench/trainer/transfer_report.py" "$runs" "$out/transfer.jsonl" "$out/transfer.md" "${classes:-10}"
