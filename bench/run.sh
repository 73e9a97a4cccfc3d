#!/usr/bin/env bash
# The full benchmark suite in one command: builds cni4j and the benchmarks, the static no-op plugin, the C
# posix_spawn baseline and the Go libcni baseline (offline, GOPATH mode against Debian's libcni source), runs JMH
# with the GC profiler and writes BENCHMARKS.md at the repository root. Takes about 5 minutes.
# Environment: SKIP_INSTALL=1 to use the cni4j snapshot already in ~/.m2; GO_MILLIS per Go measurement (3000);
# PARSE_ONLY=N to run only N alternating parse rounds against Go (no JMH, no report), for work on the parser.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
work="$here/target/native"
mkdir -p "$work"

if [ "${SKIP_INSTALL:-0}" != 1 ]; then
  mvn -q -B -ntp -f "$root/pom.xml" install -DskipTests
fi
[ -d "$root/target/classes/io/github/cni4j" ] || mvn -q -B -ntp -f "$root/pom.xml" compile
mvn -q -B -ntp -f "$here/pom.xml" dependency:build-classpath -Dmdep.outputFile="$work/classpath.txt"
# Compile the benchmarks against this checkout's classes rather than whatever cni4j snapshot ~/.m2 holds (several
# checkouts may install theirs there), with the JMH annotation processor.
deps="$(tr ':' '\n' < "$work/classpath.txt" | grep -v '/io/github/cni4j/cni4j/' | paste -sd: -)"
cp_lib="$root/target/classes:$deps"
processor="$(tr ':' '\n' < "$work/classpath.txt" | grep '/jmh-core/' | sed 's|jmh-core/\([^/]*\)/jmh-core-|jmh-generator-annprocess/\1/jmh-generator-annprocess-|')"
[ -f "$processor" ] || mvn -q -B -ntp dependency:get -Dartifact=org.openjdk.jmh:jmh-generator-annprocess:1.37
classes="$here/target/run-classes"
rm -rf "$classes" && mkdir -p "$classes"
javac --release 17 -nowarn -d "$classes" -cp "$cp_lib" -processorpath "$processor:$deps" \
  $(find "$here/src/main/java" "$root/bench-src/netns" -name '*.java')
cp -r "$here/src/main/resources/." "$classes/"

res="$here/src/main/resources/io/github/cni4j/bench"
gcc -O2 -static -o "$work/noop" "$res/noop-plugin.c" 2>/dev/null || gcc -O2 -o "$work/noop" "$res/noop-plugin.c"
gcc -O2 -o "$work/raw-spawn" "$here/src/main/c/raw-spawn.c"
gcc -O2 -o "$work/netns-baseline" "$here/src/main/c/netns-baseline.c"

go_args=()
if command -v go >/dev/null && [ -d /usr/share/gocode/src/github.com/containernetworking/cni ]; then
  gopath="$work/gopath"
  mkdir -p "$gopath/src/cnibench"
  cp "$here/src/main/go/cnibench/main.go" "$gopath/src/cnibench/"
  (cd "$gopath/src/cnibench" && GO111MODULE=off GOFLAGS= GOPATH="$gopath:/usr/share/gocode" GOCACHE="$work/gocache" \
    go build -o "$work/cnibench" cnibench)
  go_args=(--go="$work/cnibench")
else
  echo "run.sh: Go or Debian's golang-github-appc-cni-dev is missing; the Go baselines will be reported as missing" >&2
fi

if [ -n "${PARSE_ONLY:-}" ]; then
  [ ${#go_args[@]} -gt 0 ] || { echo "run.sh: PARSE_ONLY needs the Go baseline" >&2; exit 1; }
  exec java -cp "$classes:$cp_lib" io.github.cni4j.bench.FullRun --parse-only "${go_args[@]}" --rounds="$PARSE_ONLY"
fi
java -cp "$classes:$cp_lib" io.github.cni4j.bench.FullRun --full \
  --out="$root/BENCHMARKS.md" --plugin="$work/noop" --raw="$work/raw-spawn" --netns-c="$work/netns-baseline" "${go_args[@]}" \
  --go-millis="${GO_MILLIS:-3000}"
