#!/usr/bin/env python3
"""The Python baseline of bench/query.sh: what `modelreg list --where EXPR --format ids` does, done by
hand with PyYAML's C loader.

    query_filter.py REGISTRY_DIR

Loads every `*.yaml` file of the folder with `yaml.load(f, Loader=yaml.CSafeLoader)` (libyaml through
PyYAML's C extension), keeps the entries that pass the filter below and prints their ids, sorted, one
per line. The filter is the bench's expression, written out in Python with modelreg's semantics:

    type in [dense, colbert] and specs.embedding_dim <= 768
        and capabilities.languages contains multilingual

and, as `modelreg list` does without --include-deprecated, no deprecated entry (`deprecated` absent,
null or false).
"""

import os
import sys

import yaml

if not getattr(yaml, "__with_libyaml__", False):
    sys.exit("query_filter.py: this PyYAML has no libyaml (yaml.__with_libyaml__ is False)")


def keep(entry: dict) -> bool:
    if entry.get("deprecated") not in (None, False):
        return False
    if entry.get("type") not in ("dense", "colbert"):
        return False
    dimension = (entry.get("specs") or {}).get("embedding_dim")
    if isinstance(dimension, bool) or not isinstance(dimension, (int, float)) or dimension > 768:
        return False
    languages = (entry.get("capabilities") or {}).get("languages")
    return isinstance(languages, list) and "multilingual" in languages


def main() -> int:
    folder = sys.argv[1]
    kept = []
    for name in sorted(os.listdir(folder)):
        if name.startswith(".") or not name.endswith(".yaml"):
            continue
        with open(os.path.join(folder, name), "rb") as file:
            entry = yaml.load(file, Loader=yaml.CSafeLoader)
        if isinstance(entry, dict) and keep(entry):
            kept.append(str(entry.get("id", name[:-5])))
    sys.stdout.write("".join(f"{id}\n" for id in sorted(kept)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
