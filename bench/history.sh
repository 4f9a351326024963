#!/usr/bin/env bash
# Times `modelreg history` and `modelreg set` against the git CLI on one generated repository
# (default 10,000 entries, 20,000 commits; see bench/make_history_repo.py), in one run:
#
#   bash bench/history.sh
#
#   1. cold `modelreg history ID` (no .modelreg/ folder, so the history index is built from scratch)
#      vs `git log --format='%H %an %ad %s' -- registry/ID.yaml` (and with --follow) without a
#      commit-graph;
#   2. warm `modelreg history ID` (index present) vs the same `git log` after
#      `git commit-graph write --reachable --changed-paths` (Bloom filters);
#   3. `modelreg set ID metadata.bench_note=V` (one verified commit through libgit2) vs
#      `sed -i` + `git add registry/ID.yaml` + `git commit -q -m ...`;
#   4. correctness: the commit ids of `modelreg history ID --format json` against
#      `git log --format=%H [--follow] -- registry/ID.yaml`, for the timed entries and a sample.
#
# Environment knobs:
#   MODELREG_BIN   modelreg binary to use (default: swift build -c release --static-swift-stdlib --scratch-path .build-histbench)
#   ENTRIES        entries in the generated repository (default 10000)
#   COMMITS        commits in it (default 20000)
#   SEED           generator seed (default 7)
#   HISTBENCH_REPO where the repository lives (default /tmp/modelreg-histbench-ENTRIES-COMMITS); it is
#                  generated when missing or built with other parameters, else reused (reset to its
#                  `bench-base` tag, commit-graph removed)
#   REBUILD=1      regenerate the repository even if it exists
#   COLD_REPS      repetitions of the cold runs, each side (default 3; the median is reported)
#   REPS           repetitions of the warm runs and of the one-field commits (default 7, after 1 warm-up)
#   CHECK_SAMPLE   extra random entries whose history is checked against git log (default 8)
#   PROFILE=1      also record `modelreg set` with perf (bench/out/history-set.perf.txt)
#
# Results: a table on stdout, bench/out/history-results.md and bench/out/history-results.json;
# each tool's last output under bench/out/history-logs/.
set -uo pipefail

ENTRIES="${ENTRIES:-10000}"
COMMITS="${COMMITS:-20000}"
SEED="${SEED:-7}"
COLD_REPS="${COLD_REPS:-3}"
REPS="${REPS:-7}"
CHECK_SAMPLE="${CHECK_SAMPLE:-8}"
bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$bench")"
out="$bench/out"
logs="$out/history-logs"
repo="${HISTBENCH_REPO:-/tmp/modelreg-histbench-$ENTRIES-$COMMITS}"
rm -rf "$logs"; mkdir -p "$logs"

step() { printf '\n== %s\n' "$*" >&2; }
die() { printf 'history.sh: %s\n' "$*" >&2; exit 1; }

# -- timing helpers ------------------------------------------------------------------------------
# now_us: wall clock in microseconds (bash 5 $EPOCHREALTIME).
now_us() { local t="$EPOCHREALTIME"; echo "${t/[.,]/}"; }
# cpu_ms FILE: user + system CPU of finished children, in ms, from a saved `times` output (line 2).
cpu_ms() {
    awk 'NR == 2 { t = 0; for (i = 1; i <= NF; i++) { split($i, p, "m"); t += p[1] * 60 + p[2] }; printf "%d", t * 1000 }' "$1"
}
# timed NAME CMD...: runs CMD (stdout to $logs/NAME.out, stderr to $logs/NAME.err), appends its wall time
# in ms to the array NAME and its CPU time (user + system over all threads and child processes, from the
# `times` builtin, which has to run in this shell) to NAME_cpu; fails the benchmark when CMD fails.
timed() {
    local name="$1"; shift
    declare -p "$name" &>/dev/null || declare -ga "$name=()"
    declare -p "${name}_cpu" &>/dev/null || declare -ga "${name}_cpu=()"
    local start end
    times >"$logs/.times0"
    start="$EPOCHREALTIME"
    "$@" >"$logs/$name.out" 2>"$logs/$name.err" || { cat "$logs/$name.err" >&2; die "failed: $*"; }
    end="$EPOCHREALTIME"
    times >"$logs/.times1"
    local -n samples="$name" cpus="${name}_cpu"
    samples+=("$(( (${end/[.,]/} - ${start/[.,]/}) / 1000 ))")
    cpus+=("$(( $(cpu_ms "$logs/.times1") - $(cpu_ms "$logs/.times0") ))")
    printf '%s\t%s\t%s\n' "$name" "${samples[-1]}" "${cpus[-1]}" >>"$logs/samples.tsv"
}
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
fmt_ms() { awk -v ms="$1" 'BEGIN { if (ms >= 1000) printf "%.2f s", ms / 1000; else printf "%d ms", ms }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "inf"; else printf "%.2f", a / b }'; }

# -- the modelreg binary ---------------------------------------------------------------------------
if [ -n "${MODELREG_BIN:-}" ]; then
    modelreg="$MODELREG_BIN"
    step "using MODELREG_BIN=$modelreg"
else
    step "building modelreg (release, scratch path .build-histbench)"
    (cd "$root" && swift build -c release --static-swift-stdlib --scratch-path .build-histbench) >&2 || die "swift build failed"
    modelreg="$(cd "$root" && swift build -c release --static-swift-stdlib --scratch-path .build-histbench --show-bin-path)/modelreg"
fi
[ -x "$modelreg" ] || die "no modelreg binary at $modelreg"

# -- the repository --------------------------------------------------------------------------------
info="$repo/.git/info/bench.json"
wanted="$ENTRIES $COMMITS $SEED"
have=""
[ -f "$info" ] && have="$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["entries"], d.get("requested_commits", d["commits"]), d["seed"])' "$info" 2>/dev/null)"
if [ "${REBUILD:-0}" = 1 ] || [ "$have" != "$wanted" ]; then
    avail_kb="$(df -Pk "$(dirname "$repo")" | awk 'NR == 2 { print $4 }')"
    [ "$avail_kb" -gt $((3 * 1024 * 1024)) ] || die "less than 3 GiB free under $(dirname "$repo")"
    step "generating $repo ($ENTRIES entries, $COMMITS commits, seed $SEED)"
    gen_start="$(now_us)"
    python3 "$bench/make_history_repo.py" "$repo" --entries "$ENTRIES" --commits "$COMMITS" --seed "$SEED" --force \
        || die "generation failed"
    gen_ms=$(( ($(now_us) - gen_start) / 1000 ))
    echo "generated in $(fmt_ms "$gen_ms")" >&2
else
    step "reusing $repo"
fi
cd "$repo" || die "no repository at $repo"
git reset -q --hard bench-base || die "no bench-base tag in $repo"
git clean -qfdx -e .modelreg
rm -f .git/objects/info/commit-graph
rm -rf .git/objects/info/commit-graphs
nogit=(git -c core.commitGraph=false)

read -r tip commit_count pack_mb < <(python3 - "$info" "$repo" <<'EOF'
import json, sys, pathlib
d = json.load(open(sys.argv[1]))
size = sum(f.stat().st_size for f in pathlib.Path(sys.argv[2], ".git", "objects").rglob("*") if f.is_file())
print(d["tip"], d["commits"], round(size / 1e6))
EOF
)
[ "$(git rev-parse HEAD)" = "$tip" ] || die "HEAD is not the recorded tip"

# The entries to time: one edited several times (a typical entry), the most edited one, and the
# renamed entry with the longest history (its old name is in `renamed_from`).
read -r typical hot renamed renamed_from < <(python3 - "$info" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
print(d["typical"]["id"], d["most_edited"][0]["id"], d["renames"][0]["new"], d["renames"][0]["old"])
EOF
)
mapfile -t sample < <(git ls-tree --name-only bench-base registry/ | awk -v seed="$SEED" -v k="$CHECK_SAMPLE" '
    BEGIN { srand(seed) } { names[NR] = $0 } END { for (i = 0; i < k && NR > 0; i++) { j = int(rand() * NR) + 1; sub(/^registry\//, "", names[j]); sub(/\.yaml$/, "", names[j]); print names[j] } }')

load="$(cut -d' ' -f1-3 /proc/loadavg)"
step "repository: $commit_count commits, $ENTRIES entries, objects $pack_mb MB; load average $load"
echo "typical entry: $typical; most edited: $hot; renamed: $renamed_from -> $renamed" >&2

# Keep the object files in the page cache for both tools: "cold" means no index / no commit-graph.
cat .git/objects/pack/* >/dev/null

step "verifying the registry at HEAD (modelreg verify)"
timed verify "$modelreg" verify
echo "verify: $(fmt_ms "${verify[0]}") wall, $(fmt_ms "${verify_cpu[0]}") CPU" >&2

path() { echo "registry/$1.yaml"; }
gitfmt='--format=%H %an %ad %s'

# -- 1. cold ------------------------------------------------------------------------------------------
step "cold: modelreg history $typical (no .modelreg/) vs git log without commit-graph (x$COLD_REPS)"
for _ in $(seq "$COLD_REPS"); do
    rm -rf .modelreg
    timed cold_modelreg "$modelreg" history "$typical"
    timed cold_git "${nogit[@]}" log "$gitfmt" -- "$(path "$typical")"
    timed cold_git_follow "${nogit[@]}" log --follow "$gitfmt" -- "$(path "$typical")"
    echo "  wall (cpu) ms: modelreg ${cold_modelreg[-1]} (${cold_modelreg_cpu[-1]}), git log ${cold_git[-1]} (${cold_git_cpu[-1]})," \
        "git log --follow ${cold_git_follow[-1]} (${cold_git_follow_cpu[-1]})" >&2
done
index_kb="$(du -ck .modelreg/history-*.index 2>/dev/null | tail -1 | cut -f1)"
# The renamed entry with --follow, cold, on the git side only (modelreg's index does not depend on the entry).
timed cold_git_follow_renamed "${nogit[@]}" log --follow "$gitfmt" -- "$(path "$renamed")"

# -- 2. warm ------------------------------------------------------------------------------------------
step "writing the commit-graph with Bloom filters"
timed commit_graph_write git commit-graph write --reachable --changed-paths
echo "commit-graph write: $(fmt_ms "${commit_graph_write[0]}")" >&2

step "warm: modelreg history vs git log with Bloom filters (x$REPS after a warm-up)"
for role in typical hot renamed; do
    id="${!role}"
    "$modelreg" history "$id" >/dev/null
    git log "$gitfmt" -- "$(path "$id")" >/dev/null
    for _ in $(seq "$REPS"); do
        timed "warm_modelreg_$role" "$modelreg" history "$id"
        timed "warm_git_$role" git log "$gitfmt" -- "$(path "$id")"
    done
    for _ in $(seq 3); do timed "warm_git_follow_$role" git log --follow "$gitfmt" -- "$(path "$id")"; done
    declare -n a="warm_modelreg_$role" b="warm_git_$role" c="warm_git_follow_$role"
    echo "  $id: wall ms, modelreg [${a[*]}], git log [${b[*]}], git log --follow [${c[*]}]" >&2
    unset -n a b c
    grep -c '^[0-9a-f]\{7,\}' "$logs/warm_modelreg_$role.out" >"$logs/revisions_$role.txt" || true
done
timed warm_modelreg_json "$modelreg" history "$typical" --format json

# -- 3. correctness -------------------------------------------------------------------------------------
step "correctness: modelreg history --format json vs git log --format=%H"
: >"$logs/correctness.txt"
check_entry() {  # check_entry ID FOLLOW(0/1) ROLE
    local id="$1" follow="$2" role="$3" flag=()
    [ "$follow" = 1 ] && flag=(--follow)
    if ! "$modelreg" history "$id" --format json >"$logs/check-modelreg.json" 2>"$logs/check-modelreg.err"; then
        printf '%s\t%s\t%s\n' "$id" "$role" "DIFFERENT: modelreg history failed: $(head -c 200 "$logs/check-modelreg.err")" >>"$logs/correctness.txt"
        return
    fi
    git log --format=%H "${flag[@]}" -- "$(path "$id")" >"$logs/check-git.txt"
    python3 - "$logs/check-modelreg.json" "$logs/check-git.txt" "$id" "$role${flag:+ (git --follow)}" <<'EOF' | tee -a "$logs/correctness.txt" >&2
import json, sys
doc = json.load(open(sys.argv[1]))
mine = [r["commit"] for r in doc["revisions"]]
theirs = open(sys.argv[2]).read().split()
if mine == theirs:
    verdict = f"same {len(mine)} commits, same order"
elif sorted(mine) == sorted(theirs):
    verdict = f"same {len(mine)} commits, different order"
else:
    only_m = [c[:10] for c in mine if c not in set(theirs)]
    only_g = [c[:10] for c in theirs if c not in set(mine)]
    verdict = f"DIFFERENT: modelreg {len(mine)}, git {len(theirs)}; only modelreg {only_m[:5]}, only git {only_g[:5]}"
if not doc.get("complete", True):
    verdict += " (modelreg says incomplete)"
print(f"{sys.argv[3]}\t{sys.argv[4]}\t{verdict}")
EOF
}
check_entry "$typical" 0 typical
check_entry "$hot" 0 "most edited"
check_entry "$renamed" 1 renamed
for id in "${sample[@]}"; do check_entry "$id" 0 random; done
# Entries changed on the topic branches that were merged (the generator records them).
mapfile -t merged < <(python3 -c 'import json,sys; print("\n".join(json.load(open(sys.argv[1])).get("merged_entries", [])[:3]))' "$info")
for id in "${merged[@]}"; do [ -n "$id" ] && check_entry "$id" 0 "merged branch"; done

# -- 4. one-field commit ------------------------------------------------------------------------------
step "one-field commit: modelreg set vs sed + git add + git commit (x$REPS after a warm-up)"
set_status_clean=1
file="$(path "$typical")"
git_edit() {  # git_edit VALUE: the same one-field change with the git CLI
    sed -i "s/^  bench_note: .*/  bench_note: $1/" "$file" &&
        git add "$file" && git commit -q -m "set($typical): metadata.bench_note" -m "Model-Id: $typical"
}
"$modelreg" set "$typical" metadata.bench_note=warmup >/dev/null 2>"$logs/set-warmup.err" || { cat "$logs/set-warmup.err" >&2; die "modelreg set failed"; }
git_edit g0 >/dev/null
for i in $(seq "$REPS"); do
    timed set_modelreg "$modelreg" set "$typical" "metadata.bench_note=m$i"
    # .modelreg/ is modelreg's cache; newer builds write a .gitignore of `*` into it.
    [ -z "$(git status --porcelain | grep -v '^?? \.modelreg/$')" ] || set_status_clean=0
    timed set_git git_edit "g$i"
    echo "  wall (cpu) ms: modelreg set ${set_modelreg[-1]} (${set_modelreg_cpu[-1]}), git ${set_git[-1]} (${set_git_cpu[-1]})" >&2
done
set_commits="$(git rev-list --count bench-base..HEAD)"
fsck_ok=1
git fsck --strict --connectivity-only >/dev/null 2>"$logs/fsck.err" || fsck_ok=0

if [ "${PROFILE:-0}" = 1 ]; then
    step "profiling modelreg set with perf (DWARF call graphs)"
    perf record -q -F 250 --call-graph dwarf,32768 -o "$out/history-set.perf.data" \
        "$modelreg" set "$typical" metadata.bench_note=perf >/dev/null 2>"$logs/perf.err"
    perf report -i "$out/history-set.perf.data" --children --sort symbol --stdio -g none 2>/dev/null |
        grep -E '^ +[0-9]' | head -80 | { command -v swift >/dev/null && swift demangle --simplified || cat; } \
        >"$out/history-set.perf.txt"
    echo "perf report: $out/history-set.perf.txt" >&2
fi
git reset -q --hard bench-base

# -- report -----------------------------------------------------------------------------------------
export ENTRIES SEED COLD_REPS REPS load commit_count pack_mb typical hot renamed renamed_from modelreg index_kb \
    set_status_clean set_commits fsck_ok
report="$out/history-results.md"
python3 - "$logs" "$out/history-results.json" >"$report" <<'EOF'
import json, os, statistics, subprocess, sys
from collections import defaultdict
logs, json_out = sys.argv[1], sys.argv[2]
E = os.environ
wall, cpu = defaultdict(list), defaultdict(list)
for line in open(os.path.join(logs, "samples.tsv")):
    name, w, c = line.rstrip("\n").split("\t")
    wall[name].append(int(w)); cpu[name].append(int(c))
def med(d, name): return int(statistics.median(d[name])) if d[name] else None
def ms(v):
    if v is None: return "–"
    return f"{v / 1000:.2f} s" if v >= 1000 else f"{v} ms"
def ratio(a, b): return "–" if a is None or not b else f"{a / b:.2f}"
def revs(role):
    try: return open(os.path.join(logs, f"revisions_{role}.txt")).read().strip()
    except OSError: return "?"
def yes(flag): return "yes" if flag else "**NO**"

W, C = (lambda n: med(wall, n)), (lambda n: med(cpu, n))
cold_m, cold_g = W("cold_modelreg"), W("cold_git")
warm_m, warm_g = W("warm_modelreg_typical"), W("warm_git_typical")
set_m, set_g = W("set_modelreg"), W("set_git")
targets = {
    "cold_not_slower_than_git_log": cold_m <= cold_g,
    "warm_under_100ms": warm_m < 100,
    "warm_20x_faster_than_git_log_bloom": warm_m > 0 and warm_g / warm_m >= 20 if warm_m else True,
    "set_not_slower_than_git_add_commit": set_m <= set_g,
}
rows = [
    # label, modelreg sample, git sample, target text, met
    (f"history, **cold** (no `.modelreg/`) vs `git log -- path`, no commit-graph; median of {E['COLD_REPS']}",
     "cold_modelreg", "cold_git", "≤ 1", yes(targets["cold_not_slower_than_git_log"])),
    ("history, cold, vs `git log --follow -- path`, no commit-graph", "cold_modelreg", "cold_git_follow", "", ""),
    (f"history, **warm** (index present) vs `git log -- path` with Bloom filters, `{E['typical']}`; median of {E['REPS']}",
     "warm_modelreg_typical", "warm_git_typical", "< 100 ms and ≤ 0.05",
     f"{yes(targets['warm_under_100ms'])} / {yes(targets['warm_20x_faster_than_git_log_bloom'])}"),
    (f"history, warm, most edited `{E['hot']}`", "warm_modelreg_hot", "warm_git_hot", "", ""),
    (f"history, warm, renamed `{E['renamed']}` vs `git log --follow` (Bloom filters)", "warm_modelreg_renamed",
     "warm_git_follow_renamed", "", ""),
    (f"**one-field commit**: `modelreg set` vs sed + `git add` + `git commit`; median of {E['REPS']}",
     "set_modelreg", "set_git", "≤ 1", yes(targets["set_not_slower_than_git_add_commit"])),
]
git_version = subprocess.run(["git", "--version"], capture_output=True, text=True).stdout.strip()
out = []
p = out.append
p(f"Repository: {E['commit_count']} commits, {E['ENTRIES']} entries in one flat `registry/` folder, "
  f"objects {E['pack_mb']} MB (seed {E['SEED']}); {os.cpu_count()} cores, load average at start {E['load']}; {git_version}.")
p(f"Entries: typical `{E['typical']}` ({revs('typical')} revisions), most edited `{E['hot']}` ({revs('hot')}), "
  f"renamed `{E['renamed_from']}` → `{E['renamed']}` ({revs('renamed')}).")
p("")
p("| measurement | modelreg wall (CPU) | git wall (CPU) | wall ratio | CPU ratio | target (wall ratio) | met |")
p("|---|---:|---:|---:|---:|---|:-:|")
for label, m, g, target, met in rows:
    p(f"| {label} | {ms(W(m))} ({ms(C(m))}) | {ms(W(g))} ({ms(C(g))}) | {ratio(W(m), W(g))} | {ratio(C(m), C(g))} | {target} | {met} |")
p("")
p("CPU = user + system time of all threads and child processes. Other figures: "
  f"`git log --follow` cold on the renamed entry {ms(W('cold_git_follow_renamed'))}; "
  f"`git log --follow` with Bloom filters on `{E['typical']}` {ms(W('warm_git_follow_typical'))}; "
  f"`git commit-graph write --reachable --changed-paths` {ms(W('commit_graph_write'))}; "
  f"history index {E.get('index_kb') or '?'} KB; `modelreg verify` of the whole registry {ms(W('verify'))} ({ms(C('verify'))} CPU); "
  f"`modelreg history --format json` warm {ms(W('warm_modelreg_json'))}.")
p(f"After {E['set_commits']} one-field commits: `git status` clean after each `modelreg set`: {yes(E['set_status_clean'] == '1')}; "
  f"`git fsck --strict`: {yes(E['fsck_ok'] == '1')}.")
checks = [line.rstrip("\n").split("\t") for line in open(os.path.join(logs, "correctness.txt")) if line.strip()]
same = sum(1 for c in checks if c[2].startswith("same"))
p("")
p(f"Correctness: {same} of {len(checks)} entries list the same commits as `git log --format=%H -- registry/ID.yaml`:")
for id_, role, verdict in checks:
    p(f"- `{id_}` ({role}): {verdict}")
print("\n".join(out))
json.dump({
    "entries": int(E["ENTRIES"]), "commits": int(E["commit_count"]), "seed": int(E["SEED"]), "load": E["load"],
    "ids": {"typical": E["typical"], "most_edited": E["hot"], "renamed": E["renamed"], "renamed_from": E["renamed_from"]},
    "wall_ms": wall, "cpu_ms": cpu, "targets_met": targets,
    "correctness": {"same": same, "checked": len(checks), "details": checks},
}, open(json_out, "w"), indent=1)
EOF
cat "$report"
