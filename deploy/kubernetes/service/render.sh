#!/usr/bin/env bash
# Renders Scope as a Service's Kubernetes manifests from a values file (default: values.env next to this script)
# to stdout. No Helm needed: the templates hold ${NAME} placeholders, every one of which must have a value.
#   render.sh [VALUES_FILE] | kubectl apply -f -
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
values="${1:-$here/values.env}"
set -a
# shellcheck disable=SC1090
source "$values"
set +a

# ${NAME} -> its value; an unset name is an error, not an empty string.
fill() {
  perl -pe 's/\$\{([A-Z][A-Z0-9_]*)\}/defined $ENV{$1} ? $ENV{$1} : die "render: $1 has no value\n"/ge' "$1"
}
# A template rendered and indented, for inclusion into another through a placeholder.
fill_indented() {
  fill "$1" | sed "s/^/$2/"
}

fill "$here/templates/common.yaml"
for component in $COMPONENTS; do
  up="$(echo "$component" | tr '[:lower:]-' '[:upper:]_')"
  for key in PORT REPLICAS MAX_REPLICAS CPU MEMORY MEMORY_LIMIT; do
    var="${key}_${up}"
    [ -n "${!var:-}" ] || { echo "render: $var has no value" >&2; exit 1; }
    export "$key=${!var}"
  done
  export COMPONENT="$component"
  extra="$here/templates/env-$component.yaml"
  if [ -f "$extra" ]; then COMPONENT_ENV="$(fill_indented "$extra" '            ')"; else COMPONENT_ENV=""; fi
  export COMPONENT_ENV
  echo "---"
  fill "$here/templates/component.yaml"
  if [ "$component" != gateway ]; then
    echo "---"
    fill "$here/templates/backend-network-policy.yaml"
  fi
done
