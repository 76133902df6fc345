#!/usr/bin/env bash
# Runs every Vigil test from a fresh clone: restores, builds and tests the whole solution, then prints one
# closing line "N passed, N failed, N skipped". Installs whatever the tests need that the machine lacks.
# The browser tests (tests/Vigil.Dashboard.Tests/Browser) leave a screenshot per test and per view in
# artifacts/screenshots/ (git-ignored; VIGIL_ARTIFACTS moves it).
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# The browser tests drive Debian's Chromium (Playwright cannot download its own browser on these offline machines).
chromium=/usr/bin/chromium
if [ ! -x "$chromium" ]; then
  if [ "$(id -u)" -eq 0 ]; then
    as_root=()
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    as_root=(sudo -n)
  else
    echo "run-all.sh: the browser tests need $chromium; install it as root: apt-get install -y chromium" >&2
    exit 1
  fi
  echo "run-all.sh: installing Debian's chromium for the browser tests" >&2
  apt_log=$(mktemp)
  if ! { "${as_root[@]}" apt-get update -qq && "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } >"$apt_log" 2>&1 \
    || [ ! -x "$chromium" ]; then
    cat "$apt_log" >&2
    echo "run-all.sh: could not install chromium with apt-get; the browser tests need $chromium" >&2
    exit 1
  fi
  rm -f "$apt_log"
fi

dotnet build Orleans.sln -c Release -warnaserror --nologo -v quiet

# Playwright's driver is the Node.js it ships in the test output; prove it runs before any browser test relies on it.
driver=tests/Vigil.Dashboard.Tests/bin/Release/net10.0/.playwright
if ! "$driver"/node/linux-*/node "$driver/package/cli.js" --version >/dev/null; then
  echo "run-all.sh: Playwright's driver does not run from $driver" >&2
  exit 1
fi

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
