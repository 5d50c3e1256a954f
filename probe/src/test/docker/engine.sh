#!/usr/bin/env bash
# A private Docker engine for the probe's Docker tests. Idempotent; safe to call from many test runs.
#
#   engine.sh start   start dockerd on a private unix socket (no-op when it already answers) and import
#                     local/busybox from the host's static busybox; prints DOCKER_HOST=unix://...
#   engine.sh stop    stop that dockerd and the containerd it started
#   engine.sh env     print DOCKER_HOST=unix://... (exit 1 when the engine does not answer)
#
# Pulls are impossible: there is no registry to pull from, and the proxy settings point at a closed
# local port so that a pull attempt fails at once instead of leaving the machine. Containers get a
# private bridge (10.199.0.1/24), no iptables/NAT changes and a loopback DNS.
# Needs root and the Debian packages: docker.io containerd runc busybox-static tini.
set -euo pipefail

ROOT="${SCOPE_TEST_DOCKER_ROOT:-/tmp/scope-test-docker}"
SOCK="$ROOT/docker.sock"
PIDFILE="$ROOT/dockerd.pid"
LOG="$ROOT/dockerd.log"
IMAGE="local/busybox"

client() { docker --host "unix://$SOCK" "$@"; }

answers() { [ -S "$SOCK" ] && client version --format '{{.Server.Version}}' >/dev/null 2>&1; }

need() {
  for tool in dockerd docker busybox; do
    command -v "$tool" >/dev/null 2>&1 || { echo "engine.sh: $tool is missing (apt-get install docker.io containerd runc busybox-static tini)" >&2; exit 2; }
  done
  [ "$(id -u)" = 0 ] || { echo "engine.sh: dockerd needs root" >&2; exit 2; }
}

start_daemon() {
  mkdir -p "$ROOT/data" "$ROOT/exec"
  # A stale pid file from a killed run would make dockerd refuse to start.
  if [ -f "$PIDFILE" ] && ! kill -0 "$(cat "$PIDFILE")" 2>/dev/null; then rm -f "$PIDFILE" "$SOCK"; fi
  HTTP_PROXY=http://127.0.0.1:9 HTTPS_PROXY=http://127.0.0.1:9 NO_PROXY= \
  http_proxy=http://127.0.0.1:9 https_proxy=http://127.0.0.1:9 no_proxy= \
    setsid dockerd --host "unix://$SOCK" --data-root "$ROOT/data" --exec-root "$ROOT/exec" \
      --pidfile "$PIDFILE" --storage-driver overlay2 --iptables=false --ip-masq=false --ip-forward=false \
      --bip 10.199.0.1/24 --dns 127.0.0.1 >"$LOG" 2>&1 < /dev/null &
  for _ in $(seq 1 200); do
    answers && return 0
    sleep 0.05
  done
  echo "engine.sh: dockerd did not answer on $SOCK; its log:" >&2
  tail -n 30 "$LOG" >&2
  exit 1
}

import_busybox() {
  client image inspect "$IMAGE" >/dev/null 2>&1 && return 0
  local rootfs
  rootfs="$(mktemp -d "$ROOT/rootfs.XXXXXX")"
  mkdir -p "$rootfs/bin" "$rootfs/etc" "$rootfs/tmp" "$rootfs/root"
  cp "$(command -v busybox)" "$rootfs/bin/busybox"
  for applet in $("$rootfs/bin/busybox" --list); do
    [ "$applet" = busybox ] || ln -sf busybox "$rootfs/bin/$applet"
  done
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n' > "$rootfs/etc/passwd"
  printf 'root:x:0:\nnobody:x:65534:\n' > "$rootfs/etc/group"
  tar -C "$rootfs" -c . | client import -c 'ENV PATH=/bin' - "$IMAGE" >/dev/null
  rm -rf "$rootfs"
}

case "${1:-}" in
  start)
    need
    answers || start_daemon
    import_busybox
    echo "DOCKER_HOST=unix://$SOCK"
    ;;
  stop)
    if [ -f "$PIDFILE" ]; then
      pid="$(cat "$PIDFILE")"
      if kill -0 "$pid" 2>/dev/null; then
        # Containers first, so that their shims do not linger.
        ids="$(client ps -q 2>/dev/null || true)"
        [ -z "$ids" ] || client kill $ids >/dev/null 2>&1 || true
        kill "$pid"
        for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
      fi
      rm -f "$PIDFILE"
    fi
    ;;
  env)
    answers || exit 1
    echo "DOCKER_HOST=unix://$SOCK"
    ;;
  *)
    echo "usage: $0 {start|stop|env}" >&2
    exit 2
    ;;
esac
