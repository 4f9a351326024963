#!/usr/bin/env python3
"""Independent check of a generated registry, without modelreg.

    python3 bench/check_generated.py OUTDIR

Validates every OUTDIR/registry/*.yaml against OUTDIR/schemas/model.schema.json
with the `jsonschema` package (Draft 2020-12) after loading it with PyYAML, then
re-implements modelreg's per-file and cross-file rules in Python: file name = id,
positive dimensions, projection and Matryoshka consistency, context within
positions, roles that need vision, artifact paths, aggregate hash, version lock,
unique ids/aliases (case-insensitive) and Hub ids, lineage references without
cycles, and replacements that exist and are not deprecated.

It also flags plain scalars that YAML 1.1 (PyYAML) and the YAML 1.2 core schema
resolve to different types, since validators disagree on those.
Prints a summary and exits 1 on any problem.
"""

from __future__ import annotations

import hashlib
import json
import re
import statistics
import sys
from pathlib import Path

import jsonschema
import yaml

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
VISION_ROLES = {"caption", "keywords", "description"}

# YAML 1.2 core schema resolution of plain scalars.
CORE = [
    ("null", re.compile(r"(?:null|Null|NULL|~|)\Z")),
    ("bool", re.compile(r"(?:true|True|TRUE|false|False|FALSE)\Z")),
    ("int", re.compile(r"(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)\Z")),
    ("float", re.compile(r"(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)\Z")),
]
RESOLVER = yaml.resolver.Resolver()


def core_type(value: str) -> str:
    for name, pattern in CORE:
        if pattern.match(value):
            return name
    return "str"


def version_dependent_scalars(text: str) -> list[str]:
    """Plain scalars that YAML 1.1 (PyYAML) and the YAML 1.2 core schema type differently."""
    found = []
    for event in yaml.parse(text, Loader=Loader):
        if isinstance(event, yaml.ScalarEvent) and not event.style and event.tag is None:
            tag = RESOLVER.resolve(yaml.ScalarNode, event.value, (True, False)).rsplit(":", 1)[-1]
            if tag != core_type(event.value):
                found.append(f"{event.value!r} is {tag} in YAML 1.1 but {core_type(event.value)} in 1.2")
    return found


def get(doc, dotted):
    for part in dotted.split("."):
        if not isinstance(doc, dict) or part not in doc:
            return None
        doc = doc[part]
    return doc


def is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def check_document(path: Path, doc: dict, problems: list[str]) -> None:
    def bad(message):
        problems.append(f"{path.name}: {message}")

    if doc.get("id") + ".yaml" != path.name:
        bad("file name does not match id")
    for field in ("specs.embedding_dim", "specs.hidden_dim", "specs.context_length", "specs.max_position_embeddings",
                  "specs.vocab_size", "specs.num_layers", "specs.parameters", "architecture.projection_dims"):
        value = get(doc, field)
        if is_int(value) and value <= 0:
            bad(f"{field} not positive")
    has_projection = get(doc, "architecture.has_projection")
    projection = get(doc, "architecture.projection_dims")
    if has_projection is True and projection != get(doc, "specs.embedding_dim"):
        bad("projection_dims != embedding_dim")
    if has_projection is False and projection is not None:
        bad("projection_dims without projection")
    dims = get(doc, "architecture.matryoshka_dims") or []
    if (get(doc, "capabilities.matryoshka") is True) != bool(dims):
        bad("matryoshka flag and dims disagree")
    embedding = get(doc, "specs.embedding_dim")
    for a, b in zip(dims, dims[1:]):
        if not a > b:
            bad("matryoshka dims not strictly descending")
    if dims and embedding is not None and max(dims) > embedding:
        bad("matryoshka dim above embedding_dim")
    context, positions = get(doc, "specs.context_length"), get(doc, "specs.max_position_embeddings")
    if context is not None and positions is not None and context > positions:
        bad("context_length > max_position_embeddings")
    modalities = set(get(doc, "capabilities.modalities") or [])
    if VISION_ROLES & set(doc.get("roles") or []) and "vision" not in modalities:
        bad("vision role without vision modality")
    files = get(doc, "artifacts.files")
    if files is not None:
        paths = [f["path"] for f in files]
        if len(set(paths)) != len(paths):
            bad("duplicate artifact path")
        for p in paths:
            parts = p.split("/")
            if p.startswith("/") or "\\" in p or ".." in parts or "." in parts or "" in parts:
                bad(f"artifact path {p!r} not normalized")
        lines = sorted(f"{f['sha256']}  {f['path']}\n".encode() for f in files)
        if hashlib.sha256(b"".join(lines)).hexdigest() != get(doc, "artifacts.aggregate_sha256"):
            bad("aggregate_sha256 wrong")
    if get(doc, "version_lock.locked") is True:
        if not files or get(doc, "version_lock.expected_aggregate_sha256") != get(doc, "artifacts.aggregate_sha256"):
            bad("version lock inconsistent")


def main(argv) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    out = Path(argv[1])
    schema = json.loads((out / "schemas" / "model.schema.json").read_text())
    validator = jsonschema.Draft202012Validator(schema)
    problems: list[str] = []
    docs: dict[str, dict] = {}
    line_counts = []
    types: dict[str, int] = {}
    files = sorted((out / "registry").glob("*.yaml"))
    for path in files:
        text = path.read_text(encoding="utf-8")
        line_counts.append(text.count("\n"))
        if not text.startswith("# yaml-language-server: $schema=../schemas/model.schema.json\n"):
            problems.append(f"{path.name}: missing yaml-language-server line")
        doc = yaml.load(text, Loader=Loader)
        for note in version_dependent_scalars(text):
            problems.append(f"{path.name}: {note}")
        for error in validator.iter_errors(doc):
            problems.append(f"{path.name}: schema: {'/'.join(map(str, error.absolute_path))}: {error.message}")
        check_document(path, doc, problems)
        docs[doc["id"]] = doc
        types[doc["type"]] = types.get(doc["type"], 0) + 1

    # Cross-file rules.
    names: dict[str, str] = {}
    hubs: dict[str, str] = {}
    for model_id, doc in docs.items():
        for name in [model_id] + list(doc.get("aliases") or []):
            key = name.lower()
            if key in names:
                problems.append(f"{model_id}: name {name} already used by {names[key]}")
            names[key] = model_id
        if "huggingface_id" in doc:
            key = doc["huggingface_id"].lower() + "@" + doc.get("revision", "")
            if key in hubs:
                problems.append(f"{model_id}: huggingface_id already used by {hubs[key]}")
            hubs[key] = model_id

    def deprecated(d):
        return "deprecated" in d

    counts = {"fine_tuned_from": 0, "deprecated": 0, "replaced_by": 0, "artifacts": 0, "version_lock": 0,
              "matryoshka": 0, "has_projection": 0, "backend": 0, "performance": 0}
    for model_id, doc in docs.items():
        for key in counts:
            if key in doc or get(doc, "deprecated.replaced_by") and key == "replaced_by" \
                    or get(doc, "capabilities.matryoshka") is True and key == "matryoshka" \
                    or get(doc, "architecture.has_projection") is True and key == "has_projection":
                counts[key] += 1
        parent = doc.get("fine_tuned_from")
        if parent is not None and parent not in docs:
            problems.append(f"{model_id}: fine_tuned_from {parent} missing")
        seen, current = {model_id}, parent
        while current in docs:
            if current in seen:
                problems.append(f"{model_id}: lineage cycle")
                break
            seen.add(current)
            current = docs[current].get("fine_tuned_from")
        target = get(doc, "deprecated.replaced_by")
        if target is not None and (target not in docs or deprecated(docs[target])):
            problems.append(f"{model_id}: replaced_by {target} missing or deprecated")

    n = len(files)
    print(f"{n} files; lines min {min(line_counts)} median {statistics.median(line_counts)} "
          f"mean {statistics.mean(line_counts):.1f} max {max(line_counts)}")
    print("types: " + ", ".join(f"{k} {v}" for k, v in sorted(types.items())))
    print("fields: " + ", ".join(f"{k} {v} ({100 * v / n:.1f}%)" for k, v in counts.items()))
    for problem in problems[:50]:
        print("PROBLEM " + problem)
    print(f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
