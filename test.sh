#!/usr/bin/env bash
# Runs every test of every module (unit, property, fuzz, integration against real parts).
# Tests that need a Docker engine or Chromium skip with a message when those are not installed;
# .ci/run installs them.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/.ci/java-env"
cd "$here"
exec ./mvnw -B verify "$@"
