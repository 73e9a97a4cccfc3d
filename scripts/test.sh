#!/usr/bin/env bash
# Runs every test of cni4j: the library's unit and integration tests (real plugins in real network namespaces, as
# root), then the overlay project, then the examples, then the library again on the newest JDK, then the
# benchmark smoke run. This is the README's test command; .ci/run calls it. On a fresh Debian machine it first
# installs what is missing.
# Every stage runs even when an earlier one failed. The terminal shows one progress line per finished test class,
# a one-line summary per stage (tests run, failed, skipped, seconds) and, for a failed stage, the failing tests with
# the first lines of their messages; the full Maven log of each stage is in target/test-logs/<stage>.log.
# The last line is `N passed, N failed` (", N skipped" when some were); the exit status is 1 if anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"

missing=()
[ -x /usr/lib/cni/bridge ] || missing+=(containernetworking-plugins)
command -v ip >/dev/null || missing+=(iproute2)
command -v iptables >/dev/null || missing+=(iptables)
command -v ping >/dev/null || missing+=(iputils-ping)
command -v gcc >/dev/null || missing+=(gcc libc6-dev)
command -v go >/dev/null || missing+=(golang-go)
[ -d /usr/share/gocode/src/github.com/containernetworking/cni ] || missing+=(golang-github-appc-cni-dev)
command -v javac >/dev/null || missing+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null || missing+=(maven)
command -v nvim >/dev/null || missing+=(neovim)
command -v podman >/dev/null || missing+=(podman)
command -v runc >/dev/null || missing+=(runc)
dpkg -s busybox-static >/dev/null 2>&1 || missing+=(busybox-static)
command -v etcd >/dev/null || missing+=(etcd-server)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "scripts/test.sh: missing ${missing[*]}; run as root to install them (the integration tests need root anyway)" >&2
    exit 1
  fi
  echo "== installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

LOGS="$ROOT/target/test-logs"
rm -rf "$LOGS" && mkdir -p "$LOGS"
JAVA="$(command -v java)"
# shellcheck source=lib/stages.sh
source "$ROOT/scripts/lib/stages.sh"
MVN=(mvn -B -ntp -Dstyle.color=never)

# The library: unit tests (Surefire) and integration tests (Failsafe), then installed for the examples. The two
# reliability soaks run a quarter of their default load here (the suite has a 10-minute budget on 2 cores);
# scripts/reliability-report.sh runs them in full and regenerates RELIABILITY.md.
run_stage library-jdk17 "$ROOT" "${MVN[@]}" install \
  -Dcni4j.reliability.cycles=50 -Dcni4j.reliability.kills=12

# The overlay project (cni4j-overlay, docs: issue 16) depends on the installed library like the examples, and is
# installed for them (cnitool's overlay commands).
# Its store tests need a real etcd: one on 127.0.0.1:23790 (peer 23800) with a throwaway data dir.
ETCD_DIR="$(mktemp -d)"
etcd --name c4j-test --data-dir "$ETCD_DIR" --listen-client-urls http://127.0.0.1:23790 \
  --advertise-client-urls http://127.0.0.1:23790 --listen-peer-urls http://127.0.0.1:23800 \
  --initial-advertise-peer-urls http://127.0.0.1:23800 --initial-cluster c4j-test=http://127.0.0.1:23800 \
  >"$LOGS/etcd.log" 2>&1 &
ETCD_PID=$!
trap 'kill "$ETCD_PID" 2>/dev/null; wait "$ETCD_PID" 2>/dev/null; rm -rf "$ETCD_DIR"' EXIT
for _ in $(seq 50); do
  ETCDCTL_API=3 etcdctl --endpoints=http://127.0.0.1:23790 endpoint health >/dev/null 2>&1 && break
  sleep 0.2
done
CNI4J_TEST_ETCD=http://127.0.0.1:23790 run_stage overlay "$ROOT/overlay" "${MVN[@]}" -f overlay/pom.xml install

# Examples depend on the library (and cnitool on cni4j-overlay) through their Maven coordinates; cnitool's overlay
# network tests use the same etcd.
for pom in examples/*/pom.xml; do
  [ -f "$pom" ] || continue
  example="$(basename "$(dirname "$pom")")"
  CNI4J_TEST_ETCD=http://127.0.0.1:23790 run_stage "example-$example" "$ROOT/$(dirname "$pom")" "${MVN[@]}" \
    -f "$pom" verify
done

# The library must also pass on the newest JDK installed (21+ also runs the virtual-thread tests). It is compiled
# for release 17 either way; this pass checks the runtime behaviour (JNA native access, virtual threads).
newest=""
for release in /usr/lib/jvm/*/release; do
  [ -f "$release" ] || continue
  v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release")
  if [ -n "$v" ] && [ "$v" -ge 21 ] && { [ -z "$newest" ] || [ "$v" -gt "${newest%%:*}" ]; }; then
    newest="$v:$(dirname "$release")"
  fi
done
if [ -n "$newest" ]; then
  # The load and crash figures come from the first pass; here a lighter load checks the same paths.
  run_stage "library-jdk${newest%%:*}" "$ROOT" env JAVA_HOME="${newest#*:}" "${MVN[@]}" verify \
    -Dmaven.javadoc.skip=true -Dcni4j.reliability.cycles=20 -Dcni4j.reliability.kills=5 \
    -Dcni4j.reliability.hostileRuns=100
else
  echo "== no JDK 21+ under /usr/lib/jvm: the newest-JDK pass is skipped"
fi

# Benchmarks: CI only checks that they compile and that a short smoke run works.
if [ -f bench/pom.xml ]; then
  run_stage bench-smoke "$ROOT/bench" "${MVN[@]}" -f bench/pom.xml verify
fi

echo
echo "== summary (full logs in target/test-logs/)"
printf '%s\n' "${SUMMARY[@]}"
if [ ${#STAGES_FAILED[@]} -gt 0 ]; then
  echo "failed stages: ${STAGES_FAILED[*]}"
  # Again here, so that a CI log's last 50 lines show what failed (at most 30 lines of it).
  printf '%s' "$FAILURE_DETAILS" | head -30
fi
skipped=""
[ "$TOTAL_SKIPPED" -gt 0 ] && skipped=", $TOTAL_SKIPPED skipped"
echo "$TOTAL_PASSED passed, $TOTAL_FAILED failed$skipped"
[ "$TOTAL_FAILED" = 0 ] && [ ${#STAGES_FAILED[@]} = 0 ]
