"""Validates hub/k8s/values.yaml as Helm would: merged over the chart's own
values.yaml, against the chart's values.schema.yaml (Zero to JupyterHub).

usage: python check_values.py CHART_DIR [VALUES]
CHART_DIR is the jupyterhub/ folder of a zero-to-jupyterhub-k8s checkout.
"""
import os
import sys

import jsonschema
import yaml


def merge(base, over):
    """Helm's merge of values: maps merge key by key, anything else replaces."""
    if isinstance(base, dict) and isinstance(over, dict):
        out = dict(base)
        for k, v in over.items():
            out[k] = merge(base.get(k), v) if k in base else v
        return out
    return over


chart = sys.argv[1]
values = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), "values.yaml")
with open(os.path.join(chart, "values.yaml")) as f:
    defaults = yaml.safe_load(f)
with open(os.path.join(chart, "values.schema.yaml")) as f:
    schema = yaml.safe_load(f)
with open(values) as f:
    ours = yaml.safe_load(f)
validator = jsonschema.Draft7Validator(schema)
errors = sorted(validator.iter_errors(merge(defaults, ours)), key=lambda e: list(e.path))
for e in errors:
    print(f"{values}: {'.'.join(map(str, e.path)) or '(top)'}: {e.message}")
if errors:
    sys.exit(1)
print(f"{values}: valid against {chart}/values.schema.yaml")
