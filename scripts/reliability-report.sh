#!/usr/bin/env bash
# Runs cni4j's reliability suite (bad input, hostile plugins, concurrency, SIGKILL crashes) and regenerates
# RELIABILITY.md from the figures the tests measured (target/reliability/*.json). Needs root and the reference
# plugins for the integration tests, like the rest of the suite. Extra arguments go to Maven, e.g.
#   scripts/reliability-report.sh -o -Dcni4j.reliability.cycles=500 -Dcni4j.reliability.kills=200
set -euo pipefail
cd "$(dirname "$0")/.."

rm -rf target/reliability
mvn -B -ntp "$@" verify \
  -Dtest='io.github.cni4j.reliability.*Test' -Dit.test='io.github.cni4j.reliability.*IT' \
  -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false
mvn -B -ntp -q "$@" dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/reliability-classpath.txt
java -cp "target/test-classes:target/classes:$(cat target/reliability-classpath.txt)" \
  io.github.cni4j.reliability.ReliabilityReport target/reliability RELIABILITY.md
