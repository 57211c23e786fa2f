#!/usr/bin/env bash
# Renders the monitoring mixin (mixin/*.libsonnet) into deploy/: the PrometheusRule, the same
# rules as a plain rule file, and the Grafana dashboard. Run it after editing the mixin and commit
# both: the build renders again and fails when deploy/ differs. Needs jsonnet (Debian: jsonnet).
#   mixin/render.sh          writes into deploy/
#   mixin/render.sh DIR      writes into DIR instead (what the build compares)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
out="${1:-deploy}"
# jsonnet --multi writes into folders that exist (Debian's has no --create-output-dirs).
for file in $(jsonnet --string --jpath mixin --exec 'std.join("\n", std.objectFields(import "render.jsonnet"))'); do
  mkdir -p "$out/$(dirname "$file")"
done
jsonnet --string --jpath mixin --multi "$out" mixin/render.jsonnet >/dev/null
