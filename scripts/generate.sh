#!/usr/bin/env bash
# Regenerates the Kiota request builders in src/CcsClient/Generated from openapi.yaml.
#   scripts/generate.sh                 regenerate in place (commit the result)
#   scripts/generate.sh <scratch-dir>   generate into <scratch-dir>/Generated and <scratch-dir>/kiota-lock.json
#                                       (used by .ci/run to detect drift)
# The options below are the single source of truth; kiota-lock.json at the root records them.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
if [ $# -ge 1 ]; then
  mkdir -p "$1"
  out="$(cd "$1" && pwd)/Generated"
  lock="$(cd "$1" && pwd)/kiota-lock.json"
else
  out="$root/src/CcsClient/Generated"
  lock="$root/kiota-lock.json"
fi
cd "$root"
export KIOTA_OFFLINE_ENABLED=true DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet tool restore >/dev/null
dotnet kiota generate \
  --openapi openapi.yaml \
  --language CSharp \
  --class-name CcsApiClient \
  --namespace-name Ccs.Generated \
  --output "$out" \
  --exclude-backward-compatible \
  --clean-output \
  --log-level Warning >/dev/null
# Kiota writes its lock file into the output folder; it lives at the root, with the description
# path relative to the root, so the generated folder holds only code.
sed 's#"descriptionLocation": ".*"#"descriptionLocation": "openapi.yaml"#' "$out/kiota-lock.json" > "$lock"
rm "$out/kiota-lock.json"
