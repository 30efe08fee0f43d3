#!/usr/bin/env bash
# Installs the Debian 12 packages Sweep needs, by group. Idempotent: a no-op (no apt-get update, no root
# needed) when everything is installed. Usage: deploy/install-deps.sh [--run] [--test] [--bench] [--cluster] [--all]
set -euo pipefail

# libstdc++6: libtorch and libLibTorchSharp link it (the GLIBCXX patch makes 12.2's enough).
# ca-certificates: NuGet restore over https. util-linux: flock, used by ./sweep and ./test.
# libtcmalloc-minimal4: the allocator training processes run on (Trainer/Runtime/TrainerAllocator.cs).
# python3: the Python trial client (clients/python) and the example script it runs are tested as real trials.
# python3-sklearn: Optuna's fANOVA importance fits its forest with it; the importance tests compare against it.
# postgresql: the private server deploy/local-cluster.sh runs (never the system's cluster); tests start one too.
# fonts-dejavu-core: the text of `sweep report`'s plots. chromium: the browser tests of the web pages (Playwright
# drives Debian's chromium; no browser is downloaded).
run_pkgs=(libtcmalloc-minimal4 fonts-dejavu-core)
cluster_pkgs=(postgresql)
test_pkgs=(libstdc++6 ca-certificates util-linux python3 python3-optuna python3-sklearn chromium "${run_pkgs[@]}" "${cluster_pkgs[@]}")
# Reference implementations the benchmarks compare against (Optuna's TPE, PyTorch).
bench_pkgs=(python3-optuna python3-torch "${run_pkgs[@]}")

want=()
[[ $# -gt 0 ]] || set -- --test
for arg in "$@"; do
  case "$arg" in
    --run) want+=("${run_pkgs[@]}") ;;
    --test) want+=("${test_pkgs[@]}") ;;
    --bench) want+=("${bench_pkgs[@]}") ;;
    --cluster) want+=("${cluster_pkgs[@]}") ;;
    --all) want+=("${test_pkgs[@]}" "${bench_pkgs[@]}") ;;
    -h|--help) sed -n '2,3s/^# //p' "$0"; exit 0 ;;
    *) echo "install-deps: unknown option '$arg' (use --run, --test, --bench, --cluster or --all)" >&2; exit 2 ;;
  esac
done

if ! dotnet --list-sdks 2>/dev/null | grep -q '^10\.'; then
  echo "install-deps: the .NET 10 SDK is missing; install it first (https://learn.microsoft.com/dotnet/core/install/linux-debian)" >&2
  exit 1
fi

missing=()
for pkg in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

sudo=()
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "install-deps: need root (or sudo) to install: ${missing[*]}" >&2; exit 1; }
  sudo=(sudo -n)
fi
export DEBIAN_FRONTEND=noninteractive
# Refresh the package lists only when apt does not know a package we need (fresh image, stale lists).
for pkg in "${missing[@]}"; do
  if ! apt-cache show "$pkg" >/dev/null 2>&1; then
    "${sudo[@]}" apt-get update -qq
    break
  fi
done
echo "install-deps: installing ${missing[*]}" >&2
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
