#!/usr/bin/env bash
# What the probe costs on a busy host (a benchmark, not a test). Starts a host load of 1,000 processes and
# 10,000 established loopback connections (bench/probe-load/hostload.c), a real app, and the real probe
# (`scope probe` from cli/target/scope.jar, with the JVM flags ./scope gives it) reporting to that app; lets the
# probe warm up, then measures it for 2 minutes from /proc: CPU seconds per minute (user + system, all threads)
# and resident memory (average and peak of VmRSS samples, and the kernel's VmHWM).
#
#   bench/run-probe-load.sh                          # 1000 processes, 10000 connections, 2 min after 30 s warm-up
#   PROCESSES=1100 CONNECTIONS=10000 MEASURE=120 WARMUP=30 bench/run-probe-load.sh
#   SCOPE_PROBE_JVM_FLAGS="-Xmx64m ..." bench/run-probe-load.sh    # try other flags than cli/probe.jvm-options
#   SCOPE_JAR=/tmp/old/scope.jar bench/run-probe-load.sh             # measure another build
#   KEEP_LOGS=/tmp/logs bench/run-probe-load.sh                        # keep the probe's and app's logs there
#
# Run as root (the probe reads every process's fds; the load needs ~11,000 file descriptors). Build the jar
# first: ./mvnw -B -q -pl cli -am install -DskipTests. Weave Scope's Go probe on a comparable host (1,100
# processes, 10k connections) uses 54 % of a core (32 CPU s/min) and 700 MB.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
source "$here/.ci/java-env"
PROCESSES="${PROCESSES:-1000}"
CONNECTIONS="${CONNECTIONS:-10000}"
WARMUP="${WARMUP:-30}"
MEASURE="${MEASURE:-120}"
jar="${SCOPE_JAR:-$here/cli/target/scope.jar}"
[ -f "$jar" ] || { echo "no $jar: build it with ./mvnw -B -q -pl cli -am install -DskipTests" >&2; exit 1; }
# The probe's flags, as ./scope passes them: SCOPE_JVM_FLAGS (.ci/java-env), then cli/probe.jvm-options or,
# when set, SCOPE_PROBE_JVM_FLAGS instead.
options_file="$here/cli/probe.jvm-options"
probe_options=""
[ -f "$options_file" ] && probe_options="$(grep -v '^#' "$options_file" | tr '\n' ' ')"
probe_flags="$SCOPE_JVM_FLAGS ${SCOPE_PROBE_JVM_FLAGS-$probe_options}"

work="$(mktemp -d /tmp/scope-probe-load.XXXXXX)"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

cc -O2 -o "$work/hostload" "$here/bench/probe-load/hostload.c"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"

"$JAVA_HOME/bin/java" $SCOPE_JVM_FLAGS -jar "$jar" app --listen "127.0.0.1:$port" >"$work/app.log" 2>&1 &
pids+=($!)
"$work/hostload" "$PROCESSES" "$CONNECTIONS" >"$work/load.out" 2>&1 &
pids+=($!)
for _ in $(seq 600); do grep -q ready "$work/load.out" && break; sleep 0.1; done
grep -q ready "$work/load.out" || { cat "$work/load.out" >&2; echo "host load did not start" >&2; exit 1; }
for _ in $(seq 300); do curl -sf "http://127.0.0.1:$port/api" >/dev/null && break; sleep 0.2; done
echo "load: $(cat "$work/load.out"); /proc/net/tcp lines: $(cat /proc/net/tcp /proc/net/tcp6 | wc -l)"
echo "probe JVM flags: $probe_flags"

"$JAVA_HOME/bin/java" $probe_flags -jar "$jar" probe "127.0.0.1:$port" >"$work/probe.log" 2>&1 &
probe=$!
pids+=($probe)
ticks="$(getconf CLK_TCK)"
cpu_seconds() { awk -v t="$ticks" '{ s = $0; sub(/^.*\) /, "", s); split(s, f, " "); printf "%.2f", (f[12] + f[13]) / t }' "/proc/$probe/stat"; }
status_kb() { awk -v k="$1:" '$1 == k { print $2 }' "/proc/$probe/status"; }
alive() { kill -0 "$probe" 2>/dev/null || { tail -20 "$work/probe.log" >&2; echo "the probe died" >&2; exit 1; }; }

sleep "$WARMUP"; alive
start_cpu="$(cpu_seconds)"
echo "after ${WARMUP}s warm-up: ${start_cpu} CPU s (start-up included), RSS $(( $(status_kb VmRSS) / 1024 )) MB"
samples=0; rss_sum=0; rss_max=0; elapsed=0
while [ "$elapsed" -lt "$MEASURE" ]; do
  sleep 5; elapsed=$((elapsed + 5)); alive
  rss="$(status_kb VmRSS)"; samples=$((samples + 1)); rss_sum=$((rss_sum + rss))
  [ "$rss" -gt "$rss_max" ] && rss_max="$rss"
done
end_cpu="$(cpu_seconds)"
# what the app made of the probe's reports: the processes topology's counts (Weave Scope's /api/topology stats)
nodes="$(curl -sf --max-time 60 "http://127.0.0.1:$port/api/topology" | python3 -c '
import json, sys
for t in json.load(sys.stdin):
    if t["url"].endswith("/processes"): print("%d nodes, %d edges" % (t["stats"]["node_count"], t["stats"]["edge_count"]))' 2>/dev/null || echo '?')"
awk -v a="$start_cpu" -v b="$end_cpu" -v m="$MEASURE" -v avg="$((rss_sum / samples))" -v max="$rss_max" \
    -v hwm="$(status_kb VmHWM)" -v threads="$(status_kb Threads)" -v nodes="$nodes" 'BEGIN {
  per_min = (b - a) * 60 / m
  printf "probe over %d s: %.2f CPU s/min (%.1f %% of a core); RSS avg %.0f MB, max %.0f MB, VmHWM %.0f MB; %d threads\n",
         m, per_min, per_min / 60 * 100, avg / 1024, max / 1024, hwm / 1024, threads
  printf "the app shows processes: %s\n", nodes
}'
# Docker is usually absent on a bench host; anything else the probe or app complained of is worth a look
echo "probe log, warnings and errors other than Docker's absence:"
grep -i "warn\|error" "$work/probe.log" | grep -vi "docker" | head -5 || true
echo "app log, warnings and errors:"
grep -i "warn\|error" "$work/app.log" | head -5 || true
if [ -n "${KEEP_LOGS:-}" ]; then cp "$work/probe.log" "$work/app.log" "$KEEP_LOGS"/ && echo "logs kept in $KEEP_LOGS"; fi
