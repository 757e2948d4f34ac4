#!/usr/bin/env bash
# Runs every FactCheck test on a fresh Debian machine that has only the .NET SDK.
# Installs Debian's chromium (browser tests) and nginx-light (reverse-proxy test) when missing, then runs the whole solution.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian's chromium for the browser tests, and nginx-light for the test that runs the app behind a reverse proxy.
missing=""
command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
{ [ -x /usr/sbin/nginx ] || command -v nginx >/dev/null 2>&1; } || missing="$missing nginx-light"
if [ -n "$missing" ]; then
  echo "Installing Debian's$missing for the tests..."
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
results="$(pwd)/TestResults"
rm -rf "$results"

status=0
dotnet test FactCheck.sln --logger "trx" --results-directory "$results" "$@" || status=$?

# One summary line over all test projects, in the plain form CI reads.
python3 - "$results" <<'PY' || true
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
for path in glob.glob(sys.argv[1] + "/*.trx"):
    c = ET.parse(path).getroot().find("t:ResultSummary/t:Counters", ns)
    passed += int(c.get("passed", 0)); failed += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0))
    skipped += int(c.get("notExecuted", 0))
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status
