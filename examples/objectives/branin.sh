#!/bin/sh
# Branin as a trial.command: any program that reads `--set key=value` arguments (or SWEEP_PARAMS) and prints
# trial-protocol JSON lines on stdout can be swept. SWEEP_STEP_SECONDS slows each of the 3 steps (tests);
# self= keeps the script path in the process table (tests look for it).
exec awk -v self="$0" -v args="$*" -v pause="${SWEEP_STEP_SECONDS:-0}" 'BEGIN {
  n = split(args, a, " ")
  for (i = 1; i <= n; i++) if (a[i] ~ /=/) { split(a[i], kv, "="); p[kv[1]] = kv[2] + 0 }
  if (!("x1" in p) || !("x2" in p)) { print "branin.sh: need --set x1=.. --set x2=.." > "/dev/stderr"; exit 2 }
  pi = atan2(0, -1); b = 5.1 / (4 * pi * pi); c = 5 / pi; t = 1 / (8 * pi)
  u = p["x2"] - b * p["x1"] ^ 2 + c * p["x1"] - 6
  f = u * u + 10 * (1 - t) * cos(p["x1"]) + 10
  for (s = 1; s <= 3; s++) {
    if (pause > 0) system("sleep " pause)
    printf "{\"type\":\"progress\",\"step\":%d,\"value\":%.17g}\n", s, f + (3 - s) * (1 + f) / 2
    fflush()
  }
  printf "{\"type\":\"result\",\"status\":\"complete\",\"value\":%.17g}\n", f
}'
