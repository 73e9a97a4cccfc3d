#!/usr/bin/env bash
# Runs every test of cni4j: the library's unit and integration tests (real plugins, real namespaces, as root),
# then the examples and the benchmark smoke run. This is the README's test command; .ci/run calls it.
set -euo pipefail
cd "$(dirname "$0")/.."

# The library: unit tests (Surefire) and integration tests (Failsafe), then installed for the examples.
mvn -B -ntp install

# Examples depend on the library through its Maven coordinates.
for pom in examples/*/pom.xml; do
  [ -f "$pom" ] || continue
  mvn -B -ntp -f "$pom" verify
done

# Benchmarks: CI only checks that they compile and that a short smoke run works.
if [ -f bench/pom.xml ]; then
  mvn -B -ntp -f bench/pom.xml verify
fi
