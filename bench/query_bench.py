#!/usr/bin/env python3
"""Timing driver of bench/query.sh: `modelreg list --where` cold and warm, a cold `modelreg verify`,
and the PyYAML baseline, on one registry, in one run.

    query_bench.py --root DIR --modelreg BIN --where EXPR [--reps R] [--cold-reps C]
                   [--python-reps P] [--out OUTDIR]

DIR holds `registry/` (and `schemas/`) inside a git work tree; every command runs in DIR. Each
measured run records the wall time (time.perf_counter around spawn and wait) and the child's user and
system CPU time and peak RSS (os.wait4). Cold runs delete `DIR/.modelreg/query/` first; warm runs
follow two unmeasured warm-up runs. Before timing, the ids modelreg lists are checked against the
ids the Python script prints: the two must agree. Prints the table and the ratios, and writes
OUTDIR/query-results.{md,json}.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent


def run_once(command: list[str], cwd: Path) -> dict:
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=err, stdin=subprocess.DEVNULL)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        code = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace")
    if code != 0:
        sys.exit(f"query_bench.py: `{' '.join(command)}` exited {code}\n{stderr[-2000:]}")
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss_mib": usage.ru_maxrss / 1024,
            "stdout": stdout, "stderr": stderr}


def measure(name: str, command: list[str], cwd: Path, reps: int, warmup: int = 0, before=None) -> dict:
    runs = []
    for index in range(warmup + reps):
        if before:
            before()
        result = run_once(command, cwd)
        if index >= warmup:
            runs.append(result)
        label = "warm-up" if index < warmup else f"run {index - warmup + 1}/{reps}"
        print(f"  {name}: {label}: {result['wall'] * 1000:.1f} ms wall, {result['cpu'] * 1000:.1f} ms cpu",
              file=sys.stderr)
    walls = [run["wall"] for run in runs]
    cpus = [run["cpu"] for run in runs]
    return {"name": name, "command": command, "runs": len(runs), "wall_median": statistics.median(walls),
            "wall_min": min(walls), "cpu_median": statistics.median(cpus),
            "rss_mib": max(run["rss_mib"] for run in runs), "walls": walls, "cpus": cpus}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--root", type=Path, required=True)
    parser.add_argument("--modelreg", required=True)
    parser.add_argument("--where", required=True)
    parser.add_argument("--reps", type=int, default=9)
    parser.add_argument("--cold-reps", type=int, default=3)
    parser.add_argument("--python-reps", type=int, default=3)
    parser.add_argument("--out", type=Path, default=BENCH / "out")
    args = parser.parse_args()
    root = args.root.resolve()
    cache = root / ".modelreg" / "query"
    files = len([name for name in os.listdir(root / "registry") if name.endswith(".yaml")])

    def drop_cache() -> None:
        shutil.rmtree(cache, ignore_errors=True)

    listing = [args.modelreg, "list", "--where", args.where, "--format", "ids"]
    python = [sys.executable, str(BENCH / "query_filter.py"), str(root / "registry")]

    print("== checking that modelreg and the Python script select the same entries", file=sys.stderr)
    drop_cache()
    ours = run_once(listing, root)
    theirs = run_once(python, root)
    if ours["stdout"] != theirs["stdout"]:
        mine, other = set(ours["stdout"].split()), set(theirs["stdout"].split())
        sys.exit(f"query_bench.py: the selections differ: only modelreg {sorted(mine - other)[:5]}, "
                 f"only Python {sorted(other - mine)[:5]}")
    selected = len(ours["stdout"].split())
    if ours["stderr"]:
        sys.exit(f"query_bench.py: modelreg warned, the registry is not clean:\n{ours['stderr']}")
    print(f"   both select {selected} of {files} entries", file=sys.stderr)

    print("== timing", file=sys.stderr)
    results = [
        measure("modelreg verify (cold)", [args.modelreg, "verify"], root, args.cold_reps, warmup=1),
        measure("modelreg list --where (cold)", listing, root, args.cold_reps, warmup=1, before=drop_cache),
        measure("modelreg list --where (warm)", listing, root, args.reps, warmup=2),
        measure("modelreg list --where, table (warm)", listing[:-2], root, args.reps, warmup=2),
        measure("python3 + PyYAML CSafeLoader", python, root, args.python_reps),
    ]
    verify, cold, warm, table, baseline = results

    lines = [
        f"{files} files, `--where '{args.where}'` selects {selected}; "
        f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at the end; "
        f"{platform.python_implementation()} {platform.python_version()}",
        "",
        "| command | runs | median wall | min wall | median CPU (user+sys) | peak RSS |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for result in results:
        lines.append(
            f"| {result['name']} | {result['runs']} | {result['wall_median'] * 1000:.1f} ms | "
            f"{result['wall_min'] * 1000:.1f} ms | {result['cpu_median'] * 1000:.1f} ms | {result['rss_mib']:.1f} MiB |")

    def target(ok: bool) -> str:
        return "met" if ok else "MISSED"

    cold_ratio = cold["wall_median"] / verify["wall_median"]
    cold_cpu_ratio = cold["cpu_median"] / verify["cpu_median"]
    speedup = baseline["wall_median"] / warm["wall_median"]
    speedup_cpu = baseline["cpu_median"] / warm["cpu_median"]
    warm_ms = warm["wall_median"] * 1000
    lines += [
        "",
        f"- cold list / cold verify: {cold_ratio:.2f}x wall, {cold_cpu_ratio:.2f}x CPU "
        f"(target <= 1.2x: {target(cold_ratio <= 1.2)})",
        f"- warm list: {warm_ms:.1f} ms median wall, {warm['cpu_median'] * 1000:.1f} ms CPU "
        f"(target < 50 ms: {target(warm_ms < 50)})",
        f"- Python / warm list: {speedup:.0f}x wall, {speedup_cpu:.0f}x CPU (target >= 20x: {target(speedup >= 20)})",
        f"- cold list / warm list: {cold['wall_median'] / warm['wall_median']:.0f}x wall",
    ]
    report = "\n".join(lines) + "\n"
    print()
    print(report)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "query-results.md").write_text(report)
    (args.out / "query-results.json").write_text(json.dumps(
        {"files": files, "where": args.where, "selected": selected, "results": results,
         "ratios": {"cold_over_verify": cold_ratio, "cold_over_verify_cpu": cold_cpu_ratio,
                    "warm_ms": warm_ms, "python_over_warm": speedup, "python_over_warm_cpu": speedup_cpu}},
        indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
