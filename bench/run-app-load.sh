#!/usr/bin/env bash
# Whole-process load run of the app (a benchmark, not a test): for each synthetic cluster, starts the real app in
# a child JVM, has every host POST its report every 3 s as probes do, and prints the time to GET the topology
# list and every topology (p50/p99 of repeated GETs while reports keep arriving), RSS and heap after a full GC
# with the 15 s window held, and reports ingested per second and per CPU-second of the app in a POST burst.
#
#   bench/run-app-load.sh                                         # docker-hosts-10, target-100, docker-hosts-100, docker-hosts-500
#   bench/run-app-load.sh --presets=target-100 --repeats=30       # one cluster, more GETs
#   bench/run-app-load.sh --app=jar:cli/target/scope.jar          # the `scope app` command instead of ScopeApp in a child JVM
#   APP_JVM_FLAGS="$SCOPE_JVM_FLAGS -Xmx6g" bench/run-app-load.sh   # other flags for the app's JVM (here: serial GC)
#
# The app's JVM gets the flags ./scope gives `scope app` (SCOPE_JVM_FLAGS from .ci/java-env, then
# cli/app.jvm-options) and -Xmx6g, unless APP_JVM_FLAGS says otherwise. Presets: docker-hosts-N = N hosts x 50
# containers x 5 processes (+10 host processes); target-100 = Weave Scope's 100 hosts, 800 containers, 12,500
# processes; target-N = N such hosts. docker-hosts-500 needs a heap of 12 GB or more (APP_JVM_FLAGS); it did not
# fit beside other work on the shared 23 GB machine. The machine is shared: compare runs made side by side.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"
source .ci/java-env
if [ -z "${SKIP_BUILD:-}" ]; then
  # package within the reactor (no install): the app and report modules as they are in this tree.
  ./mvnw -B -q -o -pl bench -am package -Dmaven.test.skip=true
fi
app_options=""
[ -f cli/app.jvm-options ] && app_options="$(grep -v '^#' cli/app.jvm-options | tr '\n' ' ')"
app_flags="${APP_JVM_FLAGS:-$SCOPE_JVM_FLAGS $app_options -Xmx6g}"
exec "$JAVA_HOME/bin/java" $SCOPE_JVM_FLAGS -Xmx6g -cp bench/target/benchmarks.jar dev.scope.bench.load.AppLoad \
  "--app-jvm=$app_flags" "$@"
