#!/usr/bin/env bash
# Records every public symbol the analyzer reports as undeclared (RS0016) in
# src/CcsClient/PublicAPI.Unshipped.txt (checked on every target). Run it after a deliberate API change and
# review the diff: that diff is the API change.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root/src/CcsClient"
file=PublicAPI.Unshipped.txt
for tfm in netstandard2.0 net8.0 net10.0; do
  new=$(dotnet build -f "$tfm" --no-incremental -p:TreatWarningsAsErrors=false 2>&1 \
    | grep -o "RS0016: Symbol '.*' is not part of the declared public API" \
    | sed -E "s/^RS0016: Symbol '(.*)' is not part of the declared public API$/\1/" | sort -u || true)
  { cat "$file"; if [ -n "$new" ]; then printf '%s\n' "$new"; fi; } | grep -v '^#nullable' | grep -v '^$' | LC_ALL=C sort -u > "$file.tmp"
  { echo '#nullable enable'; cat "$file.tmp"; } > "$file"
  rm "$file.tmp"
done
