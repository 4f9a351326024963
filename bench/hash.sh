#!/usr/bin/env bash
# modelreg hash against openssl dgst -sha256 and sha256sum, on files in the page cache.
#
#   bash bench/hash.sh              # build (release), create the files once, measure, print the table
#   REPS=5 bash bench/hash.sh       # best of 5 runs instead of 3
#   MODELREG_BIN=... bash bench/hash.sh   # use this binary instead of building
#
# Data: $HASHBENCH_DIR (default /tmp/modelreg-hashbench): one/big.bin (2 GiB), eight/shard-{0..7}.bin
# (256 MiB each) and small/one.bin (256 MiB, for the memory comparison); random bytes, created once.
# Every file is read once before measuring, so every tool reads from the page cache.
# Results: bench/out/hash-results.md (git-ignored), and the same table on stdout.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
REPS=${REPS:-3}
DATA=${HASHBENCH_DIR:-/tmp/modelreg-hashbench}
OUT=$ROOT/bench/out
mkdir -p "$OUT"
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "hash.sh: GNU time (/usr/bin/time) is needed for peak memory" >&2; exit 2; }

# 1. Disk space: 4.25 GiB of data, plus room to spare.
need_kib=$((5 * 1024 * 1024))
mkdir -p "$DATA"
avail_kib=$(df -Pk "$DATA" | awk 'NR == 2 { print $4 }')
existing_kib=$(du -sk "$DATA" | awk '{ print $1 }')
if [ $((avail_kib + existing_kib)) -lt "$need_kib" ]; then
  echo "hash.sh: $DATA needs about 5 GiB; $(df -h "$DATA" | awk 'NR == 2 { print $4 }') available" >&2
  exit 2
fi
df -h "$DATA" | sed 's/^/# /'

# 2. The binary.
if [ -n "${MODELREG_BIN:-}" ]; then
  BIN=$MODELREG_BIN
else
  swift build -c release --static-swift-stdlib --scratch-path .build-hashbench --product modelreg 2>&1 | tail -1
  BIN=$ROOT/.build-hashbench/release/modelreg
fi

# 3. The files, created once.
make_file() { # path MiB
  local path=$1 mib=$2
  if [ ! -f "$path" ] || [ "$(stat -c %s "$path")" -ne $((mib * 1024 * 1024)) ]; then
    mkdir -p "$(dirname "$path")"
    head -c $((mib * 1024 * 1024)) /dev/urandom > "$path.tmp" && mv "$path.tmp" "$path"
  fi
}
make_file "$DATA/one/big.bin" 2048
for i in 0 1 2 3 4 5 6 7; do make_file "$DATA/eight/shard-$i.bin" 256; done
make_file "$DATA/small/one.bin" 256
cat "$DATA"/one/* "$DATA"/eight/* "$DATA"/small/* > /dev/null   # into the page cache
# The stat cache of earlier runs lives in each folder's .modelreg/ (no git repository around $DATA).
rm -rf "$DATA"/one/.modelreg "$DATA"/eight/.modelreg "$DATA"/small/.modelreg

# 4. Measuring: best wall time of REPS runs, and the peak RSS of that run (KiB).
measure() { # name command...
  local name=$1; shift
  local best="" best_rss=""
  for _ in $(seq "$REPS"); do
    "$TIME" -f '%e %M' -o "$OUT/hash-time.txt" "$@" > "$OUT/hash-$name.log"
    read -r seconds rss < "$OUT/hash-time.txt"
    if [ -z "$best" ] || awk -v a="$seconds" -v b="$best" 'BEGIN { exit !(a < b) }'; then
      best=$seconds; best_rss=$rss
    fi
  done
  echo "$name $best $best_rss" >> "$OUT/hash-raw.txt"
}
rm -f "$OUT/hash-raw.txt"
cd "$DATA"
measure one-openssl   openssl dgst -sha256 one/big.bin
measure one-sha256sum sha256sum one/big.bin
measure one-modelreg  "$BIN" hash --no-cache one
measure eight-openssl   openssl dgst -sha256 eight/shard-0.bin eight/shard-1.bin eight/shard-2.bin eight/shard-3.bin eight/shard-4.bin eight/shard-5.bin eight/shard-6.bin eight/shard-7.bin
measure eight-sha256sum sha256sum eight/shard-0.bin eight/shard-1.bin eight/shard-2.bin eight/shard-3.bin eight/shard-4.bin eight/shard-5.bin eight/shard-6.bin eight/shard-7.bin
measure eight-modelreg  "$BIN" hash --no-cache eight
measure small-modelreg  "$BIN" hash --no-cache small
# Cold cache (empty), then warm: the second run reads no file.
rm -rf eight/.modelreg
"$TIME" -f '%e %M' -o "$OUT/hash-time.txt" "$BIN" hash eight > "$OUT/hash-eight-cold.log"
read -r seconds rss < "$OUT/hash-time.txt"; echo "eight-cold $seconds $rss" >> "$OUT/hash-raw.txt"
measure eight-warm "$BIN" hash eight
cd "$ROOT"

# 5. The answers must agree.
grep -q "$(awk '{ print $1 }' "$OUT/hash-one-sha256sum.log")  big.bin" "$OUT/hash-one-modelreg.log" \
  || { echo "hash.sh: modelreg and sha256sum disagree on big.bin" >&2; exit 1; }
diff <(sed 's#eight/##' "$OUT/hash-eight-sha256sum.log") <(grep -v '^#' "$OUT/hash-eight-modelreg.log") > /dev/null \
  || { echo "hash.sh: modelreg and sha256sum disagree on the eight files" >&2; exit 1; }
cmp -s "$OUT/hash-eight-modelreg.log" "$OUT/hash-eight-warm.log" \
  || { echo "hash.sh: the warm-cache run printed something else" >&2; exit 1; }

# 6. The table.
awk -v cpu="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')" \
    -v cores="$(nproc)" -v shani="$(grep -q sha_ni /proc/cpuinfo && echo yes || echo no)" '
  { t[$1] = $2; m[$1] = $3 }
  function gbs(name, bytes) { return t[name] > 0 ? sprintf("%.2f", bytes / t[name] / 1e9) : "inf" }
  function mib(name) { return sprintf("%.1f", m[name] / 1024) }
  END {
    one = 2 * 1024 ^ 3; eight = 8 * 256 * 1024 ^ 2
    printf "# modelreg hash benchmark\n\n%s, %d cores, SHA-NI: %s; best of the runs, files in the page cache.\n\n", cpu, cores, shani
    printf "| case | tool | seconds | GB/s | vs openssl | peak RSS (MiB) |\n|---|---|---|---|---|---|\n"
    split("openssl sha256sum modelreg", tools, " ")
    for (i = 1; i <= 3; i++) { n = "one-" tools[i]; printf "| (a) 1 × 2 GiB | %s | %.2f | %s | %.2f× | %s |\n", tools[i], t[n], gbs(n, one), t["one-openssl"] / t[n], mib(n) }
    for (i = 1; i <= 3; i++) { n = "eight-" tools[i]; printf "| (b) 8 × 256 MiB | %s | %.2f | %s | %.2f× | %s |\n", tools[i], t[n], gbs(n, eight), t["eight-openssl"] / t[n], mib(n) }
    printf "| (b) cold cache | modelreg hash | %.2f | %s | | %s |\n", t["eight-cold"], gbs("eight-cold", eight), mib("eight-cold")
    printf "| (b) warm cache | modelreg hash | %.3f | | | %s |\n", t["eight-warm"], mib("eight-warm")
    printf "| 1 × 256 MiB | modelreg hash | %.2f | %s | | %s |\n", t["small-modelreg"], gbs("small-modelreg", 256 * 1024 ^ 2), mib("small-modelreg")
    a = t["one-openssl"] / t["one-modelreg"]; b = t["eight-openssl"] / t["eight-modelreg"]
    w = t["eight-warm"] > 0 ? t["eight-cold"] / t["eight-warm"] : 1e9
    printf "\nTargets:\n"
    printf "- (a) one file: %.2f× openssl (target ≥ 0.95×): %s\n", a, (a >= 0.95 ? "met" : "MISSED")
    printf "- (b) eight files: %.2f× openssl one after another (target ≥ 1.7×): %s\n", b, (b >= 1.7 ? "met" : "MISSED")
    printf "- warm cache: %.0f× faster than cold (target ≥ 50×): %s\n", w, (w >= 50 ? "met" : "MISSED")
    printf "- peak memory: %s MiB on 256 MiB, %s MiB on 2 GiB, %s MiB on 8 × 256 MiB: independent of file size\n", mib("small-modelreg"), mib("one-modelreg"), mib("eight-modelreg")
  }' "$OUT/hash-raw.txt" | tee "$OUT/hash-results.md"
