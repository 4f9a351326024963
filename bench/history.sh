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
#   MODELREG_BIN   modelreg binary to use (default: swift build -c release --scratch-path .build-histbench)
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
mkdir -p "$logs"

step() { printf '\n== %s\n' "$*" >&2; }
die() { printf 'history.sh: %s\n' "$*" >&2; exit 1; }

# -- timing helpers ------------------------------------------------------------------------------
# now_us: wall clock in microseconds (bash 5 $EPOCHREALTIME).
now_us() { local t="$EPOCHREALTIME"; echo "${t/[.,]/}"; }
# timed NAME CMD...: runs CMD (stdout to $logs/NAME.out, stderr to $logs/NAME.err), appends the wall
# time in ms to the array named NAME; fails the benchmark when CMD fails.
timed() {
    local name="$1"; shift
    local start end
    start="$(now_us)"
    "$@" >"$logs/$name.out" 2>"$logs/$name.err" || { cat "$logs/$name.err" >&2; die "failed: $*"; }
    end="$(now_us)"
    local -n samples="$name"
    samples+=("$(( (end - start) / 1000 ))")
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
    (cd "$root" && swift build -c release --scratch-path .build-histbench) >&2 || die "swift build failed"
    modelreg="$(cd "$root" && swift build -c release --scratch-path .build-histbench --show-bin-path)/modelreg"
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
timed verify_ms "$modelreg" verify || true
echo "verify: $(fmt_ms "${verify_ms[0]}")" >&2

path() { echo "registry/$1.yaml"; }
gitfmt='--format=%H %an %ad %s'

# -- 1. cold ------------------------------------------------------------------------------------------
step "cold: modelreg history $typical (no .modelreg/) vs git log without commit-graph (x$COLD_REPS)"
cold_modelreg=(); cold_git=(); cold_git_follow=()
for _ in $(seq "$COLD_REPS"); do
    rm -rf .modelreg
    timed cold_modelreg "$modelreg" history "$typical"
    timed cold_git "${nogit[@]}" log "$gitfmt" -- "$(path "$typical")"
    timed cold_git_follow "${nogit[@]}" log --follow "$gitfmt" -- "$(path "$typical")"
    echo "  modelreg ${cold_modelreg[-1]} ms, git log ${cold_git[-1]} ms, git log --follow ${cold_git_follow[-1]} ms" >&2
done
index_file="$(ls .modelreg/history-*.index 2>/dev/null | head -1)"
index_kb=$([ -n "$index_file" ] && du -k "$index_file" | cut -f1 || echo 0)
# The renamed entry, cold on the git side only (modelreg's index is entry-independent).
cold_git_renamed=()
timed cold_git_renamed "${nogit[@]}" log --follow "$gitfmt" -- "$(path "$renamed")"

# -- 2. warm ------------------------------------------------------------------------------------------
step "writing the commit-graph with Bloom filters"
graph_ms=()
timed graph_ms git commit-graph write --reachable --changed-paths
echo "commit-graph write: $(fmt_ms "${graph_ms[0]}")" >&2

step "warm: modelreg history vs git log with Bloom filters (x$REPS after a warm-up)"
declare -A warm_m warm_g warm_gf revcount
for id in "$typical" "$hot" "$renamed"; do
    key="${id//[.-]/_}"
    declare -a "wm_$key=()" "wg_$key=()" "wgf_$key=()"
    "$modelreg" history "$id" >/dev/null
    git log "$gitfmt" -- "$(path "$id")" >/dev/null
    for _ in $(seq "$REPS"); do
        timed "wm_$key" "$modelreg" history "$id"
        timed "wg_$key" git log "$gitfmt" -- "$(path "$id")"
    done
    for _ in $(seq 3); do timed "wgf_$key" git log --follow "$gitfmt" -- "$(path "$id")"; done
    declare -n a="wm_$key" b="wg_$key" c="wgf_$key"
    warm_m[$id]="$(median "${a[@]}")"; warm_g[$id]="$(median "${b[@]}")"; warm_gf[$id]="$(median "${c[@]}")"
    unset -n a b c
    revcount[$id]="$(grep -c '^[0-9a-f]\{7,\}' "$logs/wm_$key.out" || true)"
    echo "  $id: modelreg ${warm_m[$id]} ms, git log ${warm_g[$id]} ms, git log --follow ${warm_gf[$id]} ms" >&2
done
warm_json=()
timed warm_json "$modelreg" history "$typical" --format json

# -- 3. correctness -------------------------------------------------------------------------------------
step "correctness: modelreg history --format json vs git log --format=%H"
check_ok=0; check_total=0; check_notes=()
check_entry() {  # check_entry ID FOLLOW(0/1)
    local id="$1" follow="$2" flag=()
    [ "$follow" = 1 ] && flag=(--follow)
    "$modelreg" history "$id" --format json >"$logs/check-modelreg.json" || { check_notes+=("$id: modelreg failed"); return; }
    git log --format=%H "${flag[@]}" -- "$(path "$id")" >"$logs/check-git.txt"
    local verdict
    verdict="$(python3 - "$logs/check-modelreg.json" "$logs/check-git.txt" "$id" <<'EOF'
import json, sys
doc = json.load(open(sys.argv[1]))
mine = [r["commit"] for r in doc["revisions"]]
theirs = open(sys.argv[2]).read().split()
if mine == theirs:
    print(f"same {len(mine)} commits, same order")
elif sorted(mine) == sorted(theirs):
    print(f"same {len(mine)} commits, different order")
else:
    only_m = [c[:10] for c in mine if c not in set(theirs)]
    only_g = [c[:10] for c in theirs if c not in set(mine)]
    print(f"DIFFERENT: modelreg {len(mine)}, git {len(theirs)}; only modelreg {only_m[:5]}, only git {only_g[:5]}")
EOF
)"
    check_total=$((check_total + 1))
    case "$verdict" in same*) check_ok=$((check_ok + 1));; esac
    check_notes+=("$id$([ "$follow" = 1 ] && echo ' (--follow)'): $verdict")
    echo "  $id: $verdict" >&2
}
check_entry "$typical" 0
check_entry "$hot" 0
check_entry "$renamed" 1
for id in "${sample[@]}"; do check_entry "$id" 0; done
# The entries that went through a merge (the topic branches' files), when the generator recorded some.
mapfile -t merged < <(python3 -c 'import json,sys; print("\n".join(json.load(open(sys.argv[1])).get("merged_entries", [])[:3]))' "$info")
for id in "${merged[@]}"; do [ -n "$id" ] && check_entry "$id" 0; done

# -- 4. one-field commit ------------------------------------------------------------------------------
step "one-field commit: modelreg set vs sed + git add + git commit (x$REPS after a warm-up)"
set_modelreg=(); set_git=(); set_status_clean=1
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
done
m_set="$(median "${set_modelreg[@]}")"; g_set="$(median "${set_git[@]}")"
set_commits="$(git rev-list --count bench-base..HEAD)"
fsck_ok=1
git fsck --strict --connectivity-only >/dev/null 2>"$logs/fsck.err" || fsck_ok=0

if [ "${PROFILE:-0}" = 1 ]; then
    step "profiling modelreg set with perf"
    perf record -g -o "$out/history-set.perf.data" "$modelreg" set "$typical" metadata.bench_note=perf >/dev/null 2>"$logs/perf.err"
    perf report -i "$out/history-set.perf.data" --no-children --sort symbol --stdio 2>/dev/null | head -80 >"$out/history-set.perf.txt"
    echo "perf report: $out/history-set.perf.txt" >&2
fi
git reset -q --hard bench-base

# -- report -----------------------------------------------------------------------------------------
c_m="$(median "${cold_modelreg[@]}")"; c_g="$(median "${cold_git[@]}")"; c_gf="$(median "${cold_git_follow[@]}")"
w_m="${warm_m[$typical]}"; w_g="${warm_g[$typical]}"
pass() { [ "$1" = 1 ] && echo "yes" || echo "NO"; }
t_cold=$(awk -v a="$c_m" -v b="$c_g" 'BEGIN { print (a <= b) ? 1 : 0 }')
t_warm_abs=$(awk -v a="$w_m" 'BEGIN { print (a < 100) ? 1 : 0 }')
t_warm_rel=$(awk -v a="$w_m" -v b="$w_g" 'BEGIN { print (a > 0 && b / a >= 20) ? 1 : 0 }')
t_set=$(awk -v a="$m_set" -v b="$g_set" 'BEGIN { print (a <= b) ? 1 : 0 }')

report="$out/history-results.md"
{
    echo "## modelreg history / set vs git ($(date -u +%Y-%m-%dT%H:%MZ))"
    echo
    echo "Repository: $commit_count commits, $ENTRIES entries in one flat registry/ folder, objects $pack_mb MB (seed $SEED)."
    echo "Machine: $(nproc) cores, load average at start $load; $(git --version); modelreg $modelreg."
    echo "Entries: typical \`$typical\` (${revcount[$typical]} revisions), most edited \`$hot\` (${revcount[$hot]}), renamed \`$renamed_from\` → \`$renamed\` (${revcount[$renamed]})."
    echo
    echo "| measurement | modelreg | git | ratio (modelreg / git) | target | met |"
    echo "|---|---:|---:|---:|---|:-:|"
    echo "| history, cold (no index / no commit-graph), median of $COLD_REPS | $(fmt_ms "$c_m") | $(fmt_ms "$c_g") | $(ratio "$c_m" "$c_g") | ≤ 1 | $(pass "$t_cold") |"
    echo "| … vs \`git log --follow\` without commit-graph | $(fmt_ms "$c_m") | $(fmt_ms "$c_gf") | $(ratio "$c_m" "$c_gf") | | |"
    echo "| history, warm (index / Bloom filters), \`$typical\`, median of $REPS | $(fmt_ms "$w_m") | $(fmt_ms "$w_g") | $(ratio "$w_m" "$w_g") (git is $(ratio "$w_g" "$w_m")× slower) | < 100 ms and git ≥ 20× slower | $(pass "$t_warm_abs")/$(pass "$t_warm_rel") |"
    echo "| history, warm, most edited \`$hot\` | $(fmt_ms "${warm_m[$hot]}") | $(fmt_ms "${warm_g[$hot]}") | $(ratio "${warm_m[$hot]}" "${warm_g[$hot]}") | | |"
    echo "| history, warm, renamed \`$renamed\` (git: --follow) | $(fmt_ms "${warm_m[$renamed]}") | $(fmt_ms "${warm_gf[$renamed]}") | $(ratio "${warm_m[$renamed]}" "${warm_gf[$renamed]}") | | |"
    echo "| one-field commit (\`set\` vs sed + add + commit), median of $REPS | $(fmt_ms "$m_set") | $(fmt_ms "$g_set") | $(ratio "$m_set" "$g_set") | ≤ 1 | $(pass "$t_set") |"
    echo
    echo "Other figures: \`git log --follow\` cold on the renamed entry $(fmt_ms "${cold_git_renamed[0]}"); \`git log\` with Bloom filters, \`--follow\`, \`$typical\`: $(fmt_ms "${warm_gf[$typical]}");"
    echo "\`git commit-graph write --reachable --changed-paths\` $(fmt_ms "${graph_ms[0]}"); history index $index_kb KB; \`modelreg verify\` (whole registry) $(fmt_ms "${verify_ms[0]}");"
    echo "\`modelreg history --format json\` warm $(fmt_ms "${warm_json[0]}"). All runs: cold modelreg [${cold_modelreg[*]}] ms, cold git [${cold_git[*]}] ms,"
    echo "set modelreg [${set_modelreg[*]}] ms, set git [${set_git[*]}] ms. After the $set_commits one-field commits: git status clean after each modelreg set: $(pass "$set_status_clean"); git fsck: $(pass "$fsck_ok")."
    echo
    echo "Correctness ($check_ok of $check_total entries give the same commits as git log):"
    for note in "${check_notes[@]}"; do echo "- $note"; done
} >"$report"
python3 - "$out/history-results.json" <<EOF
import json, sys
json.dump({
    "entries": $ENTRIES, "commits": $commit_count, "seed": $SEED, "load": "$load",
    "ids": {"typical": "$typical", "most_edited": "$hot", "renamed": "$renamed", "renamed_from": "$renamed_from"},
    "cold_ms": {"modelreg": [${cold_modelreg[*]/%/,}], "git_log": [${cold_git[*]/%/,}], "git_log_follow": [${cold_git_follow[*]/%/,}]},
    "warm_ms_median": {"modelreg": $w_m, "git_log_bloom": $w_g, "modelreg_hot": ${warm_m[$hot]}, "git_log_bloom_hot": ${warm_g[$hot]},
                       "modelreg_renamed": ${warm_m[$renamed]}, "git_log_follow_bloom_renamed": ${warm_gf[$renamed]}},
    "set_ms": {"modelreg": [${set_modelreg[*]/%/,}], "git": [${set_git[*]/%/,}]},
    "verify_ms": ${verify_ms[0]}, "commit_graph_write_ms": ${graph_ms[0]}, "index_kb": $index_kb,
    "targets_met": {"cold": bool($t_cold), "warm_under_100ms": bool($t_warm_abs), "warm_20x": bool($t_warm_rel), "set": bool($t_set)},
    "correct": [$check_ok, $check_total],
}, open(sys.argv[1], "w"), indent=2)
EOF
cat "$report"
