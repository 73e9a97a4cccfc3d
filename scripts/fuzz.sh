#!/usr/bin/env bash
# Coverage-guided fuzzing of cni4j's decoders with Jazzer: each @FuzzTest of DecodersFuzzTest is fuzzed for
# [minutes] (default 10) with JAZZER_FUZZ=1. A crash stops that target; Jazzer writes the crashing input into
# src/test/resources/io/github/cni4j/fuzz/DecodersFuzzTestInputs/<target>/ (commit it with the fix: normal test
# runs then replay it). The generated corpus stays under .cifuzz-corpus/ (not committed). Logs: target/fuzz-logs/.
set -uo pipefail
cd "$(dirname "$0")/.."
minutes="${1:-10}"
targets=(conflistParsing linterTolerantParser resultDecoding cacheFileDecoding cniArgsHandling pluginStdoutHandling)
mkdir -p target/fuzz-logs
mvn -B -ntp -q -Dstyle.color=never test-compile >/dev/null 2>&1 || { echo "fuzz.sh: test-compile failed" >&2; exit 1; }
found=0
for t in "${targets[@]}"; do
  log="target/fuzz-logs/$t.log"
  start=$SECONDS
  # maxDuration in the annotation is only an upper bound; the run is stopped after the minutes asked for.
  JAZZER_FUZZ=1 timeout --signal=TERM --kill-after=30s "$(( minutes * 60 + 45 ))s" \
    mvn -B -ntp -o -Dstyle.color=never surefire:test -Dtest="DecodersFuzzTest#$t" \
    -Dsurefire.failIfNoSpecifiedTests=false >"$log" 2>&1
  rc=$?
  execs=$(grep -a -oE '#[0-9]+' "$log" | tail -1)
  if grep -a -qE 'FuzzTestFinding|== Java Exception|crash-[0-9a-f]+' "$log"; then
    found=$(( found + 1 ))
    echo "$t: FINDING after $(( SECONDS - start )) s (${execs:-?} execs); see $log"
    grep -a -E '== Java Exception|Exception:|crash-' "$log" | head -5 | sed 's/^/    /'
  else
    echo "$t: no finding in $(( SECONDS - start )) s (${execs:-?} execs, exit $rc)"
  fi
done
echo "$found of ${#targets[@]} targets found something"
[ "$found" = 0 ]
