#!/usr/bin/env bash
# Makes sure Jupyter (notebook server + nbconvert + nbclient) is installed.
# On Debian/Ubuntu it installs Debian's packages when root or passwordless
# sudo is available; otherwise it says what to install and fails.
set -euo pipefail
pkgs=(jupyter-notebook jupyter-nbconvert python3-nbclient)
have() {
  command -v jupyter >/dev/null 2>&1 &&
    jupyter notebook --version >/dev/null 2>&1 &&
    jupyter nbconvert --version >/dev/null 2>&1
}
have && exit 0
if [ "$(id -u)" = 0 ]; then sudo=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo="sudo -n"
else sudo=none
fi
if command -v apt-get >/dev/null 2>&1 && [ "$sudo" != none ]; then
  echo "gdkit: installing Jupyter from Debian packages: ${pkgs[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${pkgs[@]}" >/dev/null
  have && exit 0
fi
cat >&2 <<MSG
gdkit: Jupyter is missing and could not be installed automatically.
Install the classic notebook server and nbconvert, then run make again:
  Debian/Ubuntu:  sudo apt-get install ${pkgs[*]}
  elsewhere:      pip install notebook nbconvert nbclient
MSG
exit 1
