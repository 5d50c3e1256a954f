#!/usr/bin/env bash
# Load run of `scope service all` (a benchmark, not a test): the gateway, every component and a load generator in
# one JVM (dev.scope.service.load.ServiceLoad). ORGS organisations x HOSTS simulated probes each POST a Docker-host
# sized report (50 containers x 5 processes, msgpack+gzip) every 3 s through the gateway; one viewer per org GETs
# its containers topology every second. Prints reports/s, ack and query p50/p99 per 10 s, and the load average.
#
#   service/run-service-load.sh 4 25 60          # 4 orgs x 25 probes for 60 s
#   JFR=/tmp/svc.jfr service/run-service-load.sh 4 25 60   # also record a JFR (profile settings)
#
# PostgreSQL: SCOPE_DB_URL/SCOPE_DB_USER/SCOPE_DB_PASSWORD when set, else an embedded PostgreSQL (zonky).
# Component logs go to $LOG when set (else nowhere). The machine is shared: the load average is printed before and after so figures can be judged.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"
[ $# -eq 0 ] && set -- 4 25 60
source .ci/java-env
if [ -z "${SKIP_BUILD:-}" ]; then
  ./mvnw -B -q -o -pl service test-compile
fi
cp_file="$here/service/target/load.classpath"
./mvnw -B -q -o -pl service dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file" >/dev/null
jfr_flag=""
[ -n "${JFR:-}" ] && jfr_flag="-XX:StartFlightRecording=filename=$JFR,settings=profile,dumponexit=true"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)  cpus: $(nproc)"
"$JAVA_HOME/bin/java" $SCOPE_JVM_FLAGS ${SERVICE_JVM_FLAGS:--Xmx4g} $jfr_flag \
  -cp "service/target/test-classes:service/target/classes:$(cat "$cp_file")" \
  dev.scope.service.load.ServiceLoad "$@" 2>"${LOG:-/dev/null}" | grep -E '^(orgs=|t=)' || true
echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"
