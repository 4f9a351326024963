#!/usr/bin/env bash
# Benchmarks the query cache: `modelreg list --where` cold (no cache) and warm (cached), a cold
# `modelreg verify` for reference, and a Python script doing the same filter with PyYAML's C loader,
# all on one generated registry of N files (default 10000) in a git repository, in one run.
#
#   bash bench/query.sh [N]
#
# Environment knobs:
#   MODELREG_BIN   use this modelreg binary instead of building one
#                  (default: swift build -c release --static-swift-stdlib --scratch-path .build-querybench)
#   REPS           measured warm runs (default 9, after 2 warm-ups); COLD_REPS (default 3) cold runs
#                  and verify runs; PYTHON_REPS (default 3) runs of the Python script
#   WHERE          the expression (default below; query_filter.py implements the default only)
#   SEED           generator seed (default 42)
#
# Everything goes to bench/out/ (git-ignored): the registry, as a git repository, in
# bench/out/query-registry-N/, and the table in bench/out/query-results.{md,json}.
set -euo pipefail

N="${1:-10000}"
SEED="${SEED:-42}"
WHERE="${WHERE:-type in [dense, colbert] and specs.embedding_dim <= 768 and capabilities.languages contains multilingual}"
bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$bench")"
out="$bench/out"
data="$out/query-registry-$N"
mkdir -p "$out"

step() { printf '\n== %s\n' "$*" >&2; }

python3 -c 'import yaml, sys; sys.exit(0 if yaml.__with_libyaml__ else 1)' 2>/dev/null || {
    echo "PyYAML with libyaml is needed: apt-get install python3-yaml, or" >&2
    echo "pip install --force-reinstall --no-binary pyyaml pyyaml (with libyaml-dev installed)" >&2
    exit 1
}

if [ ! -d "$data/.git" ] || [ "$(cat "$data/.seed" 2>/dev/null)" != "$SEED" ]; then
    step "generating $N files (seed $SEED) in $data, committed to a git repository"
    rm -rf "$data"
    python3 "$bench/generate_registry.py" "$N" "$data" --seed "$SEED" >&2
    echo "$SEED" > "$data/.seed"
    git -C "$data" init -q
    git -C "$data" add registry schemas
    git -C "$data" -c user.name=bench -c user.email=bench@example.com -c commit.gpgsign=false \
        commit -q -m "generated registry"
fi

if [ -n "${MODELREG_BIN:-}" ]; then
    modelreg="$MODELREG_BIN"
    step "using MODELREG_BIN=$modelreg"
else
    step "building modelreg (release, scratch path .build-querybench)"
    (cd "$root" && swift build -c release --static-swift-stdlib --scratch-path .build-querybench >&2)
    modelreg="$(cd "$root" && swift build -c release --static-swift-stdlib --scratch-path .build-querybench --show-bin-path)/modelreg"
fi
[ -x "$modelreg" ] || { echo "no modelreg binary at $modelreg" >&2; exit 1; }

# File stamps are trusted 2 s after a change; let the generated files settle as they would in use.
sleep 2
python3 "$bench/query_bench.py" --root "$data" --modelreg "$modelreg" --where "$WHERE" \
    --reps "${REPS:-9}" --cold-reps "${COLD_REPS:-3}" --python-reps "${PYTHON_REPS:-3}" --out "$out"
