#!/usr/bin/env bash
# Benchmarks `modelreg verify` against a bare libyaml parse and check-jsonschema,
# all on the same generated registry of N files (default 10000).
#
#   bash bench/run.sh [N]
#
# Environment knobs:
#   MODELREG_BIN   use this modelreg binary instead of building one
#                  (default: swift build -c release --static-swift-stdlib --scratch-path .build-bench)
#   SNAPSHOT       1 to build from a copy of the sources in bench/out/snapshot/ instead, for
#                  when others are editing the sources (a file changed mid-build fails the build)
#   REPS           measured rounds of modelreg and the bare parse, run in turns (default 7, after 1 warm-up)
#   CJS_FILES      how many files check-jsonschema checks: a number (default 1000, a spread-out
#                  subset, then scaled linearly to N) or "all"
#   CJS_REPS       repetitions for check-jsonschema (default 3; 1 when CJS_FILES=all)
#   SEED           generator seed (default 42)
#   CHECK          1 to also run bench/check_generated.py (jsonschema + PyYAML + the
#                  cross-file rules in Python) on the generated registry
#   INSTR          1 to also count instructions with valgrind's callgrind (independent of the
#                  machine's load) for modelreg and the bare parse, on a separate registry of
#                  INSTR_FILES files (default 1000; about 1 min per 1000 files)
#
# Everything goes to bench/out/ (git-ignored): the registry in bench/out/registry-N/,
# the bare parser binary, one JSON file per tool, the last run's output of each tool
# (*.log) and the summary in results.md / results.json.
set -euo pipefail

N="${1:-10000}"
REPS="${REPS:-7}"
CJS_FILES="${CJS_FILES:-1000}"
SEED="${SEED:-42}"
bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$bench")"
out="$bench/out"
data="$out/registry-$N"
mkdir -p "$out"

step() { printf '\n== %s\n' "$*" >&2; }

step "generating $N files (seed $SEED) in $data"
python3 "$bench/generate_registry.py" "$N" "$data" --seed "$SEED"
registry="$data/registry"
schema="$data/schemas/model.schema.json"
if [ "${CHECK:-0}" = 1 ]; then
    step "independent check (jsonschema + PyYAML + cross-file rules in Python)"
    python3 "$bench/check_generated.py" "$data"
fi

if [ -n "${MODELREG_BIN:-}" ]; then
    modelreg="$MODELREG_BIN"
    step "using MODELREG_BIN=$modelreg"
elif [ "${SNAPSHOT:-0}" = 1 ]; then
    # Build a copy of the sources, so that files edited during the (long) build cannot break it.
    snap="$out/snapshot"
    step "building modelreg (release) from a copy of the sources in $snap"
    mkdir -p "$snap"
    find "$snap" -mindepth 1 -maxdepth 1 ! -name .build-bench -exec rm -rf {} +
    (cd "$root" && tar --exclude=./.git --exclude='./.build*' --exclude=./bench/out --exclude=./bench/.venv -cf - .) \
        | tar -xf - -C "$snap"
    (cd "$snap" && swift build -c release --static-swift-stdlib --scratch-path .build-bench)
    modelreg="$(cd "$snap" && swift build -c release --static-swift-stdlib --scratch-path .build-bench --show-bin-path)/modelreg"
else
    step "building modelreg (release, scratch path .build-bench)"
    (cd "$root" && swift build -c release --static-swift-stdlib --scratch-path .build-bench)
    modelreg="$(cd "$root" && swift build -c release --static-swift-stdlib --scratch-path .build-bench --show-bin-path)/modelreg"
fi
[ -x "$modelreg" ] || { echo "no modelreg binary at $modelreg" >&2; exit 1; }

step "building the bare libyaml parser"
cc -O2 "$bench/bare_parse.c" -lyaml -lpthread -o "$out/bare_parse"

cjs="$bench/.venv/bin/check-jsonschema"
if [ ! -x "$cjs" ]; then
    step "installing check-jsonschema into bench/.venv"
    python3 -m venv "$bench/.venv"
    "$bench/.venv/bin/pip" install --quiet --disable-pip-version-check check-jsonschema
fi
cjs_version="$("$cjs" --version)"

# check-jsonschema's file set: all N, or CJS_FILES files spread evenly over the registry
# (every k-th file, so the subset has the same mix of types and optional sections).
if [ "$CJS_FILES" = all ] || [ "$CJS_FILES" -ge "$N" ]; then
    cjs_count="$N"
    cjs_reps="${CJS_REPS:-1}"
    mapfile -t cjs_list < <(ls "$registry"/*.yaml)
else
    cjs_count="$CJS_FILES"
    cjs_reps="${CJS_REPS:-3}"
    mapfile -t cjs_list < <(ls "$registry"/*.yaml | awk -v n="$N" -v k="$CJS_FILES" \
        'BEGIN { step = n / k } { if (int(taken * step) == NR - 1 && taken < k) { print; taken++ } }')
fi
[ "${#cjs_list[@]}" -eq "$cjs_count" ] || { echo "subset has ${#cjs_list[@]} files, wanted $cjs_count" >&2; exit 1; }

load="$(cut -d' ' -f1-3 /proc/loadavg)"
if awk -v l="${load%% *}" 'BEGIN { exit !(l > 0.5) }'; then
    echo "warning: load average is $load; other work on this machine makes the figures noisy" >&2
fi
measure() { python3 "$bench/measure.py" run "$@"; }

step "modelreg verify and the bare libyaml parse on 1 and 2 threads, in turns ($REPS rounds + 1 warm-up)"
# In turns rather than one after the other: this machine's speed drifts within minutes, and a ratio of two
# measurements taken minutes apart measures the drift as much as the tools.
python3 "$bench/measure.py" alternate --reps "$REPS" -- \
    modelreg "$out/modelreg.json" "$out/modelreg.log" "$N" "^$N files, 0 errors, 0 warnings\$" \
        "$modelreg" verify --registry "$registry" --schema "$schema" \
    ::: bare-parse-1t "$out/bare-parse-1t.json" "$out/bare-parse-1t.log" "$N" "^$N files, " \
        "$out/bare_parse" -j 1 -d "$registry" \
    ::: bare-parse-2t "$out/bare-parse-2t.json" "$out/bare-parse-2t.log" "$N" "^$N files, " \
        "$out/bare_parse" -j 2 -d "$registry"

step "check-jsonschema on $cjs_count files ($cjs_reps runs, no warm-up), and on 1 file (start-up cost)"
measure --name check-jsonschema --files "$cjs_count" --reps "$cjs_reps" --warmup 0 --out "$out/check-jsonschema.json" \
    --log "$out/check-jsonschema.log" -- "$cjs" --schemafile "$schema" "${cjs_list[@]}"
measure --name check-jsonschema-1file --files 1 --reps 3 --warmup 1 --out "$out/check-jsonschema-1file.json" \
    --log "$out/check-jsonschema-1file.log" -- "$cjs" --schemafile "$schema" "${cjs_list[0]}"

instr_args=()
if [ "${INSTR:-0}" = 1 ]; then
    m="${INSTR_FILES:-1000}"
    step "instruction counts with callgrind on a separate $m-file registry"
    python3 "$bench/generate_registry.py" "$m" "$out/registry-$m" --seed "$SEED"
    python3 "$bench/measure.py" instr --out "$out/instructions.json" --modelreg "$modelreg" --bare "$out/bare_parse" \
        --registry "$out/registry-$m/registry" --schema "$out/registry-$m/schemas/model.schema.json"
    instr_args=(--instr "$out/instructions.json")
fi

if [ "$cjs_count" = "$N" ]; then
    cjs_note="check-jsonschema ran on all $N files"
else
    cjs_note="check-jsonschema ran on a $cjs_count-file subset (every $((N / cjs_count))th file) and its time is scaled linearly to $N"
fi
step "report"
python3 "$bench/measure.py" report --files "$N" --dir "$out" --load "$load" "${instr_args[@]}" \
    --note "modelreg: $modelreg" \
    --note "$cjs_version; $cjs_note" \
    --note "registry: $registry ($(du -sh --apparent-size "$registry" | cut -f1), generated with seed $SEED)" \
    --note "wall = median over the measured runs, measured around process spawn and exit; peak RSS = ru_maxrss from wait4" \
    "$out/modelreg.json" "$out/bare-parse-1t.json" "$out/bare-parse-2t.json" \
    "$out/check-jsonschema.json" "$out/check-jsonschema-1file.json"
