#!/usr/bin/env bash
# Builds the benchmark jar and runs every benchmark quickly (1 fork, 3 warm-up and 5 measured
# iterations of 1 s), ending with a table of ops/s, MB/s and reports/s.
#   bench/run-jmh.sh                      # everything
#   bench/run-jmh.sh Merge                # benchmarks matching a regexp
#   bench/run-jmh.sh -p report=merged-100-hosts CodecBenchmark.decode    # any JMH option
# Figures measured on a shared 2-core machine vary with its load: compare runs made side by side.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
[ -x "$JAVA_HOME/bin/java" ] || { echo "need a Java 25 JDK in JAVA_HOME" >&2; exit 1; }
# package within the reactor (no install): bench uses the report module as it is in this tree.
./mvnw -q -pl bench -am package -Dmaven.test.skip=true
JVM_FLAGS="--enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -Xmx2g"
# Quick defaults; an option given on the command line replaces its default (JMH refuses repeats).
defaults=()
for pair in "-f 1" "-wi 3" "-i 5" "-w 1s" "-r 1s"; do
  opt=${pair%% *}
  [[ " $* " == *" $opt "* ]] || defaults+=($pair)
done
exec "$JAVA_HOME/bin/java" $JVM_FLAGS -cp bench/target/benchmarks.jar dev.scope.bench.jmh.Figures \
  "${defaults[@]}" -jvmArgs "$JVM_FLAGS" "$@"
