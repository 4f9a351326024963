#!/usr/bin/env bash
# Times `modelreg gate` on a pull request that touches 3 files of an N-entry registry (default 10000)
# against a full `modelreg verify` of the same registry, and prints the ratio (target: gate < 20% of verify).
#
#   bash bench/gate.sh [N]
#
# Environment knobs:
#   MODELREG_BIN   use this modelreg binary instead of building one
#                  (default: swift build -c release --static-swift-stdlib --scratch-path .build-gatebench)
#   REPS           measured repetitions of each command (default 7, after 1 warm-up)
#   SEED           generator seed (default 42)
#
# The registry goes to bench/out/gate-N/ (git-ignored) as a git repository with two branches: `main` (the
# generated registry) and `pr` (3 files edited). Three timings, each the median wall time of REPS runs:
#   verify      modelreg verify                             (every rule on every file)
#   gate        modelreg gate --base main --head pr         (extract cache in .modelreg/ warm, as on a developer's
#                                                            machine or a CI job that restores .modelreg/)
#   gate-cold   modelreg gate --base main --head pr --no-cache   (every unchanged file parsed for its extract)
set -euo pipefail

N="${1:-10000}"
REPS="${REPS:-7}"
SEED="${SEED:-42}"
bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$bench")"
data="$bench/out/gate-$N"

step() { printf '\n== %s\n' "$*" >&2; }

if [ -n "${MODELREG_BIN:-}" ]; then
    modelreg="$MODELREG_BIN"
else
    step "building modelreg (release, scratch path .build-gatebench)"
    (cd "$root" && swift build -c release --static-swift-stdlib --scratch-path .build-gatebench >&2)
    modelreg="$(cd "$root" && swift build -c release --static-swift-stdlib --scratch-path .build-gatebench --show-bin-path)/modelreg"
fi
[ -x "$modelreg" ] || { echo "no modelreg binary at $modelreg" >&2; exit 1; }

step "generating $N files (seed $SEED) in a git repository at $data"
rm -rf "$data"
python3 "$bench/generate_registry.py" "$N" "$data" --seed "$SEED" >&2
cd "$data"
git init -q -b main && git config gc.auto 0  # no background gc racing the one below
git -c user.name=bench -c user.email=bench@example.com add -A
git -c user.name=bench -c user.email=bench@example.com commit -q --no-gpg-sign -m "generated registry"
git gc --quiet  # a clone is packed; so is this repository
git checkout -q -b pr
# The pull request: three entries spread over the registry get a new display name.
for index in 00007 $(printf '%05d' $((N / 2 + 1))) $(printf '%05d' $((N - 3))); do
    file=$(ls registry/model-"$index"-*.yaml)
    sed -i 's/^name: \(.*\)$/name: \1 (edited)/' "$file"
done
git -c user.name=bench -c user.email=bench@example.com commit -q --no-gpg-sign -am "edit three entries"
printf '.modelreg/\n' > .git/info/exclude
echo "changed: $(git diff --name-only main pr | tr '\n' ' ')" >&2

# verify, the gate and the cold gate in turns (measure.py alternate: REPS rounds after a warm-up round, each running the
# three once, the order rotated), so that the machine's drift slows them alike; medians in milliseconds, and the
# median of the rounds' gate/verify ratios.
step "measuring ($REPS rounds in turns, after a warm-up round)"
python3 "$bench/measure.py" alternate --reps "$REPS" -- \
    verify "$data/verify.json" "$data/verify.log" "$N" - "$modelreg" verify \
    ::: gate "$data/gate.json" "$data/gate.log" "$N" - "$modelreg" gate --base main --head pr \
    ::: cold "$data/cold.json" "$data/cold.log" "$N" - "$modelreg" gate --base main --head pr --no-cache >&2
read -r verify_ms gate_ms cold_ms round_ratio < <(python3 - "$data" <<'PY'
import json, statistics, sys
d = sys.argv[1]
v, g, c = (json.load(open(f"{d}/{name}.json")) for name in ("verify", "gate", "cold"))
rounds = [b["wall"] / a["wall"] for a, b in zip(v["runs"], g["runs"])]
print(round(v["wall_median"] * 1000), round(g["wall_median"] * 1000), round(c["wall_median"] * 1000),
      f"{100 * statistics.median(rounds):.1f}")
PY
)

summary=$("$modelreg" gate --base main --head pr 2>&1 | tail -1)
ratio=$(awk -v g="$gate_ms" -v v="$verify_ms" 'BEGIN { printf "%.1f", 100 * g / v }')
cold_ratio=$(awk -v g="$cold_ms" -v v="$verify_ms" 'BEGIN { printf "%.1f", 100 * g / v }')
verdict=$(awk -v r="$round_ratio" 'BEGIN { print (r < 20 ? "met" : "NOT met") }')
cat <<EOF

modelreg gate benchmark: $N entries, a pull request touching 3 files ($(nproc) cores, $REPS rounds in turns, median wall)
  modelreg verify                                 $verify_ms ms
  modelreg gate --base main --head pr             $gate_ms ms   ($ratio% of verify; median of the rounds' ratios $round_ratio%; target < 20%: $verdict)
  modelreg gate ... --no-cache (cold extracts)    $cold_ms ms   ($cold_ratio% of verify)
  gate says: $summary
EOF
