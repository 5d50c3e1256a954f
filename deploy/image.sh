#!/usr/bin/env bash
# One command from a fresh clone to the Scope image on a Docker engine:
#   deploy/image.sh [TAG]       builds the distribution and the image's root filesystem (no Docker needed for
#                               that), then imports it into the engine of DOCKER_HOST as scope:VERSION and scope:TAG
# Then: ./scope launch --container   (or docker run ... scope:VERSION launch / app / probe ...)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
source "$root/.ci/java-env"
(cd "$root" && ./mvnw -q -B -DskipTests -pl deploy -am install) >&2
tar="$here/target/image/scope-rootfs.tar"
version="$(unzip -p "$root/cli/target/scope.jar" META-INF/MANIFEST.MF | sed -n 's/^Implementation-Version: *//p' | tr -d '\r')"
args=()
while IFS= read -r line; do [ -n "$line" ] && args+=(-c "$line"); done < "$here/src/image/import-changes"
id="$(docker import "${args[@]}" "$tar" "scope:$version")"
[ -z "${1:-}" ] || docker tag "scope:$version" "scope:$1"
echo "scope:$version ${1:+(and scope:$1) }$id, $(docker image inspect -f '{{.Size}}' "scope:$version" | awk '{printf "%.0f MB", $1/1e6}')"
