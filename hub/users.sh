#!/usr/bin/env bash
# usage: hub/users.sh [--remove] CLASS_FILE [PASSWORD_FILE]
#
# Creates one system account per student listed in CLASS_FILE (one user name a
# line; text after the name and lines starting with # are ignored), in the
# group $HUB_GROUP (default gdkit-class), with a private home (mode 700).
# A new account gets a random password, appended as "name password" to
# PASSWORD_FILE (default $HUB_VAR/passwords.txt, HUB_VAR=/var/lib/gdkit-hub, mode 600, for the teacher to
# hand out); existing accounts and passwords are left as they are.
# With --remove, deletes the listed accounts and their homes, but only
# accounts in $HUB_GROUP, never another system user.
# Must run as root (useradd, chpasswd).
set -euo pipefail
cd "$(dirname "$0")/.."
group=${HUB_GROUP:-gdkit-class}
remove=0
if [ "${1:-}" = --remove ]; then remove=1; shift; fi
list=${1:?usage: hub/users.sh [--remove] CLASS_FILE [PASSWORD_FILE]}
pwfile=${2:-${HUB_VAR:-/var/lib/gdkit-hub}/passwords.txt}
[ "$(id -u)" = 0 ] || { echo "hub-users: run as root (creates system accounts)" >&2; exit 1; }
[ -r "$list" ] || { echo "hub-users: cannot read class list $list" >&2; exit 1; }

names=()
while read -r name _; do
  case "$name" in ''|'#'*) continue ;; esac
  if ! [[ "$name" =~ ^[a-z_][a-z0-9_-]{0,30}$ ]]; then
    echo "hub-users: '$name' is not a valid user name (lower case letters, digits, _ and -, at most 31)" >&2
    exit 1
  fi
  names+=("$name")
done < "$list"
[ ${#names[@]} -gt 0 ] || { echo "hub-users: $list lists no student" >&2; exit 1; }

in_group() { id -nG "$1" 2>/dev/null | tr ' ' '\n' | grep -qx "$group"; }

if [ $remove = 1 ]; then
  for name in "${names[@]}"; do
    id "$name" >/dev/null 2>&1 || continue
    in_group "$name" || { echo "hub-users: $name is not in $group; not removing it" >&2; continue; }
    pkill -KILL -u "$name" 2>/dev/null || true
    userdel -r "$name" 2>/dev/null || userdel "$name"
    [ -f "$pwfile" ] && sed -i "/^$name /d" "$pwfile"
    echo "hub-users: removed $name"
  done
  exit 0
fi

getent group "$group" >/dev/null || groupadd --system "$group"
mkdir -p "$(dirname "$pwfile")"
touch "$pwfile"; chmod 600 "$pwfile"
created=0
for name in "${names[@]}"; do
  if id "$name" >/dev/null 2>&1; then
    in_group "$name" || { echo "hub-users: $name exists and is not in $group: refusing to hand it to the hub" >&2; exit 1; }
    continue
  fi
  useradd --create-home --shell /bin/bash --gid "$group" --key UMASK=077 "$name"
  chmod 700 "$(getent passwd "$name" | cut -d: -f6)"
  pw=$(head -c 18 /dev/urandom | base64 | tr -d '/+=' | head -c 16)
  echo "$name:$pw" | chpasswd
  echo "$name $pw" >> "$pwfile"
  created=$((created + 1))
done
echo "hub-users: ${#names[@]} students in $group ($created new; passwords of new accounts in $pwfile)"
