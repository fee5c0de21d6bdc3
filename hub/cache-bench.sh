#!/usr/bin/env bash
# Go build cache options for a class (make hub-cache-bench): for each option a
# fresh student account runs 02_descenso_1d up to its first figure through the
# Go kernel, as the student, with the hub's environment; prints the time of the
# set-up cell, of the first Go cell and of the first figure cell, and the disk
# the student's caches take. Options:
#   cold    private GOCACHE, empty (no warm cache at all: the baseline)
#   copy    private GOCACHE, a copy of the warm seed made on first spawn
#   link    private GOCACHE, the seed hard-linked (root makes the links; files stay root's, read-only)
#   prog    GOCACHEPROG=hubcache: private layer over the read-only seed (the hub's default)
#   shared  one group-writable GOCACHE for the class (second student measured too)
# HUB_BENCH_OPTIONS narrows the list. Needs root; removes its accounts at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd -P)
[ "$(id -u)" = 0 ] || { echo "hub-cache-bench: run as root" >&2; exit 1; }
. hub/lib.sh
shared=${HUB_SHARED:-$HUB_VAR/shared}
seed=$shared/gocache-seed
dir=$HUB_VAR/cache-bench
class=$dir/class.txt pw=$dir/passwords.txt
sharedcache=$dir/shared-go-build
mkdir -p "$dir"; chmod 755 "$dir"
cleanup() { remove_accounts "$class" "$pw"; rm -rf "$sharedcache"; }
trap cleanup EXIT
read -r -a options <<< "${HUB_BENCH_OPTIONS:-cold copy link prog shared}"
remove_accounts "$class" "$pw"
make_accounts cachebench $(( ${#options[@]} + 1 )) "$class" "$pw"
mapfile -t users < <(grep -v '^#' "$class")
kib() { du -sk "$@" 2>/dev/null | awk '{s+=$1} END {print s+0}'; }

# run USER OPTION: one student's first session; prints "setup first_go first_figure disk_MiB seeding_s".
run() {
  local u=$1 opt=$2 h extra=() t0 t1
  h=$(getent passwd "$u" | cut -d: -f6)
  runuser -u "$u" -- cp -r "$GROOT/notebooks" "$h/gdkit"
  t0=$(date +%s.%N)
  case $opt in
    cold) ;;
    copy) runuser -u "$u" -- mkdir -p "$h/.cache" && runuser -u "$u" -- cp -r "$seed" "$h/.cache/go-build" ;;
    link) install -d -o "$u" -m 700 "$h/.cache" && cp -al "$seed" "$h/.cache/go-build" &&
          find "$h/.cache/go-build" -type d -exec chown "$u" {} + ;;
    prog) extra=("GOCACHEPROG=$shared/bin/hubcache -seed $seed") ;;
    shared) extra=("GOCACHE=$sharedcache") ;;
  esac
  t1=$(date +%s.%N)
  local json envs
  mapfile -t envs < <(grep -v '^#' "$shared/student.env")
  json=$(cd "$h" && runuser -u "$u" -- env -i HOME="$h" USER="$u" "${envs[@]}" "${extra[@]}" \
    bash -c "umask 002; exec '$HUB_VENV/bin/python' '$GROOT/hub/cache_bench.py' '$h/gdkit/02_descenso_1d.ipynb'" 2>>"$dir/kernels.log")
  local disk
  if [ "$opt" = link ]; then
    # du counts a hard-linked file once, under the first folder named: the seed.
    disk=$(( $(kib "$seed" "$h/.cache") - $(kib "$seed") ))
  else
    disk=$(kib "$h/.cache")
  fi
  python3 -c 'import json,sys; d=json.loads(sys.argv[1]); print("%.2f %.2f %.2f %.1f %.2f" % (d["setup"], d["first_go"], d["first_figure"], int(sys.argv[2])/1024, float(sys.argv[3])))' "$json" "$disk" "$(echo "$t1 - $t0" | bc -l)"
}

echo "hub-cache-bench: seed $(du -sh "$seed" | cut -f1); machine load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-8s %9s %10s %13s %10s %18s\n' option seeding_s setup_s first_go_s first_figure_s disk_per_student
i=0
for opt in "${options[@]}"; do
  u=${users[$i]}; i=$((i + 1))
  if [ "$opt" = shared ]; then
    install -d -g gdkit-class -m 2775 "$sharedcache"
    before=$(kib "$sharedcache")
    read -r s g f d c < <(run "$u" shared)
    after=$(kib "$sharedcache")
    printf '%-8s %9s %10s %13s %10s %14.1f MiB  (1st student: the shared cache grew by that)\n' shared "$c" "$s" "$g" "$f" "$(echo "($after-$before)/1024" | bc -l)"
    u2=${users[$i]}
    read -r s g f d c < <(run "$u2" shared)
    after2=$(kib "$sharedcache")
    printf '%-8s %9s %10s %13s %10s %14.1f MiB  (2nd student)\n' shared2 "$c" "$s" "$g" "$f" "$(echo "($after2-$after)/1024" | bc -l)"
  else
    read -r s g f d c < <(run "$u" "$opt")
    printf '%-8s %9s %10s %13s %10s %14.1f MiB\n' "$opt" "$c" "$s" "$g" "$f" "$d"
  fi
done
echo "hub-cache-bench: machine load after $(cut -d' ' -f1-3 /proc/loadavg)"
