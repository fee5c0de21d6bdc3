#!/usr/bin/env bash
# Isolation and fault tests of the class hub (make hub-test): two throw-away
# class accounts (hubtest01, hubtest02) with PAM passwords, then
# `go test ./hub/hubtest` starts a real hub on free loopback ports and checks
# that a student cannot read or write another's files, that wrong passwords
# are refused, that runaway cells (infinite loop, 10 GiB) are held by the
# limits, that a killed server loses no saved notebook, and that a hub restart
# keeps users and files. The accounts, the hub and its state are removed at
# the end. Needs root; about 3-5 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd -P)
[ "$(id -u)" = 0 ] || { echo "hub-test: run as root (creates system accounts)" >&2; exit 1; }
. hub/lib.sh
dir=$HUB_VAR/test
class=$dir/class.txt pw=$dir/passwords.txt
mkdir -p "$dir"; chmod 700 "$dir"
state=$(mktemp -d)
cleanup() {
  # The test stops its hub; kill what a failed run may have left in the accounts.
  remove_accounts "$class" "$pw"
  rm -rf "$state"
}
trap cleanup EXIT
(cd hub && PYTHONDONTWRITEBYTECODE=1 "$HUB_VENV/bin/python" -m unittest test_gdkit_hub)
remove_accounts "$class" "$pw"   # leftovers of an interrupted run
make_accounts hubtest 2 "$class" "$pw"
port=$(free_base)
# The test hub: 1 GiB and 1 core per student, so the 10 GiB cell meets its limit quickly.
GDKIT_HUB_TEST=1 GDKIT_ROOT="$root" HUB_VENV="$HUB_VENV" HUB_TEST_PASSWORDS="$pw" HUB_PORT="$port" HUB_STATE="$state" \
  HUB_SERVICE_TOKEN="$(head -c 24 /dev/urandom | base64 | tr -d '/+=')" HUB_TEST_LOG="$dir/hub.log" \
  HUB_MEM_LIMIT=${HUB_MEM_LIMIT:-1G} HUB_CPU_LIMIT=${HUB_CPU_LIMIT:-1.0} \
  go test -count=1 -v -timeout 15m ./hub/hubtest 2>&1 | tee "$dir/test.log" | grep -E '^(=== RUN|--- |PASS|FAIL|ok|\s+\S+_test.go)'
status=${PIPESTATUS[0]}
[ "$status" = 0 ] || echo "hub-test: failed; the hub's log is $dir/hub.log, the test's $dir/test.log" >&2
exit "$status"
