#!/usr/bin/env bash
# Adds every public symbol the PublicApiAnalyzers report as undeclared (RS0016) to the project's PublicAPI.Unshipped.txt,
# and drops entries for symbols that no longer exist (RS0017). The command-line twin of the IDE's code fix: review the
# diff, it is the public API change.
#   eng/update-public-api.sh RelGen.Runtime [RelGen.Testing ...]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
for project in "$@"; do
  unshipped="$project/PublicAPI.Unshipped.txt"
  log=$(mktemp)
  dotnet build "$project" --no-incremental -p:TreatWarningsAsErrors=false 2>&1 > "$log" || true
  added=$(grep -oE "RS0016: Symbol '.*' is not part of the declared public API" "$log" \
    | sed -E "s/^RS0016: Symbol '(.*)' is not part of the declared public API$/\1/" | sort -u || true)
  removed=$(grep -oE "RS0017: Symbol '.*' is part of the declared API, but is either not public or could not be found" "$log" \
    | sed -E "s/^RS0017: Symbol '(.*)' is part of the declared API.*$/\1/" | sort -u || true)
  rm -f "$log"
  body=$(grep -v '^#nullable enable$' "$unshipped" || true)
  if [ -n "$removed" ]; then
    body=$(printf '%s\n' "$body" | grep -vxF -f <(printf '%s\n' "$removed") || true)
  fi
  { echo '#nullable enable'; printf '%s\n%s\n' "$body" "$added" | grep -v '^$' | LC_ALL=C sort -u; } > "$unshipped"
  echo "$project: $(printf '%s' "$added" | grep -c . || true) added, $(printf '%s' "$removed" | grep -c . || true) removed"
done
