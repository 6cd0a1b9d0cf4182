#!/usr/bin/env bash
# Runs the whole test suite on a fresh Debian machine: installs what the tests need, builds, tests,
# and ends with the line "N passed, M failed".
set -uo pipefail
cd "$(dirname "$0")/.."

# Debian packages the tests drive: kcat is a second, independent Kafka client; PostgreSQL backs the
# cluster tests; docker-compose validates the compose file; podman and debootstrap run the container stack
# (scripts/stack.sh); Chromium and its driver run the KPI page's browser test.
packages=(kcat postgresql docker-compose podman debootstrap chromium chromium-driver)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]} > 0)); then
  echo "Installing ${missing[*]} ..."
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null \
    || { echo "could not install ${missing[*]}"; echo "0 passed, 0 failed"; exit 1; }
fi

results=".ci/out/TestResults"
rm -rf "$results"
mkdir -p "$results"

dotnet build Retail.sln -c Release -nologo -clp:ErrorsOnly
build=$?
if [ $build -ne 0 ]; then
  echo "build failed"
  echo "0 passed, 0 failed"
  exit $build
fi

dotnet test Retail.sln -c Release --no-build -nologo \
  --results-directory "$results" --logger "trx" --logger "console;verbosity=minimal" \
  --blame-hang-timeout 15m
status=$?

# Sum the counters of every TRX file, so the summary comes from the results, not from console text.
read -r passed failed < <(
  for f in "$results"/*.trx; do
    [ -e "$f" ] || continue
    grep -o '<Counters [^>]*>' "$f"
  done | awk '
    { for (i = 1; i <= NF; i++) { split($i, kv, "="); gsub(/"/, "", kv[2]); c[kv[1]] += kv[2] } }
    END { printf "%d %d\n", c["passed"], c["failed"] + c["error"] + c["timeout"] + c["aborted"] }'
)
passed=${passed:-0}
failed=${failed:-0}
if [ $status -ne 0 ] && [ "$failed" -eq 0 ]; then
  # The run failed without a failed test (a crash or hang): say so rather than look green.
  failed=1
fi
echo "${passed} passed, ${failed} failed"
[ $status -eq 0 ] && [ "$failed" -eq 0 ]
