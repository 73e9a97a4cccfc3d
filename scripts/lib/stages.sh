# Sourced by scripts/test.sh: run one stage with its full log in a file, progress and a one-line summary on the
# terminal. Needs: ROOT (repository root), LOGS (log dir), JAVA (a java 17+ binary for TestReport.java).
# Totals over every stage, read by the caller.
TOTAL_PASSED=0
TOTAL_FAILED=0
TOTAL_SKIPPED=0
STAGES_FAILED=()
SUMMARY=()
FAILURE_DETAILS=""

# Per finished test class one line; a heartbeat when a class takes longer than 30 s.
_progress() {
  local log=$1 pid=$2 name=$3 last=$SECONDS
  while kill -0 "$pid" 2>/dev/null; do
    sleep 5
    local line
    line=$(grep -a -E 'Tests run: [0-9]+.* -- in ' "$log" 2>/dev/null | wc -l)
    if [ "$line" != "${_seen:-0}" ]; then
      grep -a -E 'Tests run: [0-9]+.* -- in ' "$log" | tail -n +"$(( ${_seen:-0} + 1 ))" | head -n "$(( line - ${_seen:-0} ))" |
        sed -E 's/^\[[A-Z]+\] *//; s/^Tests run: ([0-9]+), Failures: ([0-9]+), Errors: ([0-9]+), Skipped: ([0-9]+), Time elapsed: ([0-9.,]+) s.*-- in (.*)$/\6: \1 run, \2 failed, \3 errors (\5 s)/' |
        sed "s/^/  [$name] /"
      _seen=$line
      last=$SECONDS
    elif [ $(( SECONDS - last )) -ge 30 ]; then
      echo "  [$name] ... still running ($(( SECONDS - _start )) s; log $log)"
      last=$SECONDS
    fi
  done
}

# run_stage <name> <project dir whose target/ holds the reports> <command...>
run_stage() {
  local name=$1 dir=$2
  shift 2
  local log="$LOGS/$name.log"
  _start=$SECONDS
  _seen=0
  rm -rf "$dir"/target/surefire-reports* "$dir"/target/failsafe-reports*
  echo "== $name: $* (log: ${log#"$ROOT"/})"
  # Debian's Maven 3.8 prints Jansi resets even with -Dstyle.color=never: strip every escape on the way to the log.
  ( "$@" 2>&1 | sed -u $'s/\e\\[[0-9;]*[A-Za-z]//g' > "$log"; exit "${PIPESTATUS[0]}" ) &
  local pid=$!
  _progress "$log" "$pid" "$name" &
  local ppid=$!
  wait "$pid"
  local rc=$?
  wait "$ppid" 2>/dev/null
  local secs=$(( SECONDS - _start ))
  local counts tests failures errors skipped
  counts=$("$JAVA" "$ROOT/scripts/lib/TestReport.java" counts "$dir" 2>/dev/null || echo "0 0 0 0")
  read -r tests failures errors skipped <<< "$counts"
  local bad=$(( failures + errors ))
  if [ "$rc" != 0 ] && [ "$bad" = 0 ]; then
    bad=1   # the build failed without a failing test (compile error, plugin failure): one failure
  fi
  TOTAL_PASSED=$(( TOTAL_PASSED + tests - failures - errors ))
  TOTAL_FAILED=$(( TOTAL_FAILED + bad ))
  TOTAL_SKIPPED=$(( TOTAL_SKIPPED + skipped ))
  local line
  line=$(printf '%-22s %5d run %4d failed %4d skipped %5d s  %s' "$name" "$tests" "$(( failures + errors ))" \
    "$skipped" "$secs" "$([ "$rc" = 0 ] && echo ok || echo "FAILED (exit $rc)")")
  SUMMARY+=("$line")
  echo "$line"
  if [ "$rc" != 0 ]; then
    STAGES_FAILED+=("$name")
    local details
    details=$("$JAVA" "$ROOT/scripts/lib/TestReport.java" failures "$dir" 2>/dev/null)
    if [ -z "$details" ]; then
      details=$(grep -a -E '^\[ERROR\]' "$log" |
        grep -v -E 'Re-run Maven|^\[ERROR\] *$|For more information|^\[ERROR\] \[Help|full stack trace' |
        head -12 | sed -e 's/ -> \[Help 1\]$//')
    fi
    details=$(echo "$details" | sed "s/^/  [$name] /")
    echo "$details"
    FAILURE_DETAILS+="$details"$'\n'
  fi
  return 0
}
