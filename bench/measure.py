#!/usr/bin/env python3
"""Timing and peak-memory driver for bench/run.sh.

    measure.py run --name NAME --out FILE.json [--reps R] [--warmup W] [--files N]
                   [--expect-stderr REGEX] [--log FILE] -- COMMAND [ARG...]
    measure.py alternate [--reps R] [--warmup W] -- NAME OUT LOG FILES EXPECT COMMAND [ARG...]
                   [::: NAME OUT LOG FILES EXPECT COMMAND [ARG...]]...
    measure.py report --files N --dir OUTDIR [--note TEXT] [--instr FILE.json] RESULT.json...
    measure.py instr --out FILE.json --modelreg BIN --bare BIN --registry DIR --schema FILE

`run` starts COMMAND (no shell) W times unmeasured, then R times measured. For
each measured run it records the wall time (time.perf_counter around spawn and
wait) and the child's own rusage from os.wait4: user and system CPU time and
ru_maxrss, the peak resident set size. The command must exit 0 (and, with
--expect-stderr, print a matching line on stderr), otherwise the run fails.
The results go to FILE.json; the last run's stdout/stderr go to --log.

`alternate` does what `run` does for several commands at once, in turns: round i
runs each command once (the order rotated every round), so that a machine whose
speed drifts during the measurement (this one does, by tens of per cent within
minutes) slows them alike. EXPECT is a regex or `-`. The report then also gives
the median of the rounds' ratios.

`report` reads the result files written by `run`, prints a table and the ratios
that bench/README.md talks about, and writes them to OUTDIR/results.{md,json}.

`instr` counts the instructions modelreg and the bare parser execute under
valgrind's callgrind, on the registry and on its first file alone (to take the
start-up out): a comparison that a busy machine does not skew. The callgrind
profiles are kept beside FILE.json (callgrind_annotate --inclusive=yes shows
the hot spots).
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def run_once(command: list[str]) -> dict:
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=err, stdin=subprocess.DEVNULL)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return {
            "wall": wall,
            "user": usage.ru_utime,
            "sys": usage.ru_stime,
            "max_rss_kb": usage.ru_maxrss,  # kilobytes on Linux
            "rc": process.returncode,
            "stdout": out.read().decode("utf-8", "replace"),
            "stderr": err.read().decode("utf-8", "replace"),
        }


def accept(name: str, command: list[str], result: dict, expect: str | None, log: str | None) -> bool:
    """Keeps the run's output in LOG and checks that it succeeded; says why not on stderr."""
    if log:
        Path(log).write_text(
            f"$ {' '.join(command)}\n# exit {result['rc']}\n# --- stdout\n{result['stdout']}\n# --- stderr\n{result['stderr']}")
    if result["rc"] != 0:
        tail = "\n".join(result["stderr"].splitlines()[-15:])
        print(f"measure.py: {name} exited {result['rc']}\n{tail}", file=sys.stderr)
        return False
    if expect and not re.search(expect, result["stderr"], re.MULTILINE):
        tail = "\n".join(result["stderr"].splitlines()[-15:])
        print(f"measure.py: {name}: stderr does not match {expect!r}\n{tail}", file=sys.stderr)
        return False
    return True


def say_run(name: str, label: str, result: dict) -> None:
    print(f"  {name}: {label}: {result['wall']:.3f} s wall, {result['user'] + result['sys']:.3f} s cpu, "
          f"{result['max_rss_kb'] / 1024:.1f} MiB peak", file=sys.stderr)


def summarize(name, command, files, reps, warmup, runs, last_stderr, series=None) -> dict:
    walls = [r["wall"] for r in runs]
    summary = {
        "name": name,
        "command": command,
        "files": files,
        "reps": reps,
        "warmup": warmup,
        "wall_median": statistics.median(walls),
        "wall_min": min(walls),
        "wall_max": max(walls),
        "cpu_median": statistics.median(r["user"] + r["sys"] for r in runs),
        "max_rss_kb": max(r["max_rss_kb"] for r in runs),
        "runs": runs,
        "last_stderr_tail": last_stderr.splitlines()[-3:],
    }
    if series:
        summary["series"] = series
    return summary


def command_run(args) -> int:
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        print("measure.py run: no command", file=sys.stderr)
        return 2
    runs = []
    last_stderr = ""
    for index in range(args.warmup + args.reps):
        result = run_once(command)
        measured = index >= args.warmup
        say_run(args.name, f"run {index - args.warmup + 1}" if measured else f"warm-up {index + 1}", result)
        if not accept(args.name, command, result, args.expect_stderr, args.log):
            return 1
        if measured:
            runs.append({k: v for k, v in result.items() if k not in ("stdout", "stderr")})
            last_stderr = result["stderr"]
    summary = summarize(args.name, command, args.files, args.reps, args.warmup, runs, last_stderr)
    Path(args.out).write_text(json.dumps(summary, indent=2) + "\n")
    return 0


def command_alternate(args) -> int:
    """Runs several commands in turns (each round in a rotated order), so that a machine whose speed drifts
    during the measurement slows all of them alike; run i of every command belongs to round i."""
    words = args.groups[1:] if args.groups[:1] == ["--"] else args.groups
    groups: list[list[str]] = [[]]
    for word in words:
        if word == ":::":
            groups.append([])
        else:
            groups[-1].append(word)
    specs = []
    for group in groups:
        if len(group) < 6:
            print("measure.py alternate: each group is NAME OUT LOG FILES EXPECT COMMAND...", file=sys.stderr)
            return 2
        name, out, log, files, expect, *command = group
        specs.append({"name": name, "out": out, "log": log, "files": int(files),
                      "expect": None if expect == "-" else expect, "command": command, "runs": [], "stderr": ""})
    series = "+".join(spec["name"] for spec in specs)
    for round_index in range(args.warmup + args.reps):
        measured = round_index >= args.warmup
        shift = round_index % len(specs)
        for spec in specs[shift:] + specs[:shift]:
            result = run_once(spec["command"])
            say_run(spec["name"], f"round {round_index - args.warmup + 1}" if measured else f"warm-up {round_index + 1}",
                    result)
            if not accept(spec["name"], spec["command"], result, spec["expect"], spec["log"]):
                return 1
            if measured:
                spec["runs"].append({k: v for k, v in result.items() if k not in ("stdout", "stderr")})
                spec["stderr"] = result["stderr"]
    for spec in specs:
        summary = summarize(spec["name"], spec["command"], spec["files"], args.reps, args.warmup, spec["runs"],
                            spec["stderr"], series=series)
        Path(spec["out"]).write_text(json.dumps(summary, indent=2) + "\n")
    return 0


def callgrind_total(command: list[str], out_file: Path) -> int:
    """Instructions executed by COMMAND under valgrind's callgrind (the `I refs` total; all threads)."""
    result = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out_file}", *command],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    match = re.search(r"I\s+refs:\s+([0-9,]+)", result.stderr)
    if not match:
        raise SystemExit(f"measure.py: no callgrind total for {' '.join(command)}\n{result.stderr[-2000:]}")
    return int(match.group(1).replace(",", ""))


def command_instr(args) -> int:
    """Instruction counts: load-independent, unlike wall and CPU time on a shared machine."""
    import shutil
    registry = Path(args.registry)
    schema = Path(args.schema)
    out = Path(args.out).parent
    files = sorted(registry.glob("*.yaml"))
    with tempfile.TemporaryDirectory() as tmp:
        one = Path(tmp) / "registry"
        one.mkdir()
        shutil.copy(files[0], one)
        counts = {}
        for label, command in (
            ("modelreg", [args.modelreg, "verify", "--registry", str(registry), "--schema", str(schema)]),
            ("modelreg-1file", [args.modelreg, "verify", "--registry", str(one), "--schema", str(schema)]),
            ("bare-parse", [args.bare, "-j", "1", "-d", str(registry)]),
            ("bare-parse-1file", [args.bare, "-j", "1", "-d", str(one)]),
        ):
            counts[label] = callgrind_total(command, out / f"callgrind.{label}.out")
            print(f"  {label}: {counts[label]:,} instructions", file=sys.stderr)
    n = len(files)
    per_file_m = (counts["modelreg"] - counts["modelreg-1file"]) / (n - 1)
    per_file_b = (counts["bare-parse"] - counts["bare-parse-1file"]) / (n - 1)
    data = {"files": n, "counts": counts, "per_file_modelreg": per_file_m, "per_file_bare": per_file_b,
            "ratio_total": counts["modelreg"] / counts["bare-parse"], "ratio_per_file": per_file_m / per_file_b}
    Path(args.out).write_text(json.dumps(data, indent=2) + "\n")
    return 0


def fmt_time(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds < 10 else f"{seconds:.1f} s"


def command_report(args) -> int:
    results = {}
    for path in args.results:
        data = json.loads(Path(path).read_text())
        results[data["name"]] = data
    n = args.files
    lines: list[str] = []
    say = lines.append

    def per_n(result):
        """Median wall time for all N files, scaled linearly when the tool ran on fewer."""
        return result["wall_median"] * n / result["files"]

    say(f"# modelreg benchmark: {n} files")
    say("")
    say(f"- date: {datetime.datetime.now().astimezone().isoformat(timespec='seconds')}")
    say(f"- machine: {platform.machine()}, {os.cpu_count()} cores, {platform.platform()}")
    if args.load:
        say(f"- load average before the runs: {args.load}")
    for note in args.note or []:
        say(f"- {note}")
    say("")
    say("| tool | files run | reps | median wall | min wall | median CPU (user+sys) | files/s | peak RSS | wall for N |")
    say("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    order = ["modelreg", "bare-parse-1t", "bare-parse-2t", "check-jsonschema", "check-jsonschema-1file"]
    for name in order + sorted(set(results) - set(order)):
        if name not in results:
            continue
        r = results[name]
        files_per_s = r["files"] / r["wall_median"]
        scaled = fmt_time(per_n(r)) + ("" if r["files"] == n else " (scaled)")
        if name == "check-jsonschema-1file":
            scaled = "(startup only)"
        say(f"| {name} | {r['files']} | {r['reps']} | {fmt_time(r['wall_median'])} | {fmt_time(r['wall_min'])} | "
            f"{fmt_time(r['cpu_median'])} | {files_per_s:,.0f} | {r['max_rss_kb'] / 1024:.1f} MiB | {scaled} |")
    say("")

    verdicts = {}
    say("## Ratios and targets")
    say("")
    if "modelreg" in results:
        m = results["modelreg"]
        t_m = per_n(m)
        if "check-jsonschema" in results:
            c = results["check-jsonschema"]
            t_c = per_n(c)
            speedup = t_c / t_m
            verdicts["speedup_vs_check_jsonschema"] = speedup
            how = ("ran on all N files" if c["files"] == n else
                   f"ran on a {c['files']}-file subset and scaled linearly to {n} files "
                   f"({fmt_time(c['wall_median'])} x {n}/{c['files']})")
            say(f"- modelreg vs check-jsonschema: **{speedup:.0f}x** faster (target >= 60x: "
                f"{'met' if speedup >= 60 else 'NOT met'}); check-jsonschema {how}.")
            if "check-jsonschema-1file" in results and c["files"] != n:
                startup = results["check-jsonschema-1file"]["wall_median"]
                per_file = (c["wall_median"] - startup) / max(c["files"] - 1, 1)
                t_c2 = startup + per_file * (n - 1)
                verdicts["speedup_vs_check_jsonschema_startup_corrected"] = t_c2 / t_m
                say(f"  - Counting check-jsonschema's start-up ({fmt_time(startup)}, measured on 1 file) only once: "
                    f"{fmt_time(t_c2)} for {n} files, **{t_c2 / t_m:.0f}x**.")
        for key, label in (("bare-parse-2t", "2 threads"), ("bare-parse-1t", "1 thread")):
            if key in results:
                b = results[key]
                ratio = t_m / per_n(b)
                cpu_ratio = m["cpu_median"] / b["cpu_median"]
                verdicts[f"ratio_vs_{key}"] = ratio
                say(f"- modelreg vs bare libyaml parse ({label}): **{ratio:.2f}x** the wall time "
                    f"(target <= 2x: {'met' if ratio <= 2 else 'NOT met'}); {cpu_ratio:.2f}x the CPU time.")
                if m.get("series") and m.get("series") == b.get("series") and len(m["runs"]) == len(b["runs"]):
                    rounds = [x["wall"] / y["wall"] for x, y in zip(m["runs"], b["runs"])]
                    verdicts[f"round_ratio_vs_{key}"] = statistics.median(rounds)
                    say(f"  - run in turns with it: median of the {len(rounds)} rounds' ratios **{statistics.median(rounds):.2f}x** "
                        f"(lowest {min(rounds):.2f}x, highest {max(rounds):.2f}x).")
        say(f"- modelreg throughput: **{n / t_m:,.0f} files/s** (median wall {fmt_time(m['wall_median'])} "
            f"for {m['files']} files).")
        rss = m["max_rss_kb"] / 1024
        verdicts["modelreg_peak_rss_mib"] = rss
        say(f"- modelreg peak memory: **{rss:.1f} MiB** (target < 200 MB: {'met' if rss * 1.048576 < 200 else 'NOT met'}).")
        t10k = t_m * 10000 / n
        verdicts["modelreg_seconds_per_10k"] = t10k
        scaled_note = "" if n == 10000 else f" (scaled from {n} files)"
        say(f"- 10,000 files in < 1 s: **{'yes' if t10k < 1 else 'no'}** ({t10k:.3f} s{scaled_note}).")
        if "bare-parse-1t" in results:
            say("- bare parse internal timing (without process start-up): " + ", ".join(
                f"{k}: {results[k]['last_stderr_tail'][-1]}" for k in ("bare-parse-1t", "bare-parse-2t") if k in results))
        say(f"- modelreg's own summary line: `{' / '.join(m['last_stderr_tail'][-1:])}`")
    if args.instr and Path(args.instr).exists():
        data = json.loads(Path(args.instr).read_text())
        verdicts["instructions_ratio_per_file"] = data["ratio_per_file"]
        say(f"- Instructions (callgrind, independent of machine load) on a separate {data['files']}-file registry: "
            f"modelreg {data['counts']['modelreg']:,}, bare parse {data['counts']['bare-parse']:,}: "
            f"**{data['ratio_total']:.2f}x** in total; per file, without start-up "
            f"({data['counts']['modelreg-1file']:,} for modelreg on 1 file): {data['per_file_modelreg']:,.0f} vs "
            f"{data['per_file_bare']:,.0f}, **{data['ratio_per_file']:.2f}x**.")
    say("")
    say("Commands:")
    say("")
    for r in results.values():
        command = " ".join(r["command"])
        if len(command) > 240:
            command = command[:240] + " ..."
        say(f"- {r['name']}: `{command}`")
    text = "\n".join(lines) + "\n"
    print(text)
    out = Path(args.dir)
    out.mkdir(parents=True, exist_ok=True)
    (out / "results.md").write_text(text)
    (out / "results.json").write_text(json.dumps({"files": n, "verdicts": verdicts, "results": results}, indent=2) + "\n")
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="timing and peak-memory driver for bench/run.sh")
    sub = parser.add_subparsers(dest="mode", required=True)
    run = sub.add_parser("run")
    run.add_argument("--name", required=True)
    run.add_argument("--out", required=True)
    run.add_argument("--reps", type=int, default=5)
    run.add_argument("--warmup", type=int, default=1)
    run.add_argument("--files", type=int, required=True, help="how many files the command checks")
    run.add_argument("--expect-stderr", help="regex the last run's stderr must match")
    run.add_argument("--log", help="where to keep the last run's output")
    run.add_argument("command", nargs=argparse.REMAINDER)
    alternate = sub.add_parser("alternate")
    alternate.add_argument("--reps", type=int, default=5)
    alternate.add_argument("--warmup", type=int, default=1)
    alternate.add_argument("groups", nargs=argparse.REMAINDER,
                           help="-- NAME OUT LOG FILES EXPECT COMMAND... [::: NAME OUT LOG FILES EXPECT COMMAND...]")
    report = sub.add_parser("report")
    report.add_argument("--files", type=int, required=True, help="N, the registry size")
    report.add_argument("--dir", required=True)
    report.add_argument("--load")
    report.add_argument("--note", action="append")
    report.add_argument("--instr", help="instruction counts written by `instr`")
    report.add_argument("results", nargs="+")
    instr = sub.add_parser("instr")
    instr.add_argument("--out", required=True)
    instr.add_argument("--modelreg", required=True)
    instr.add_argument("--bare", required=True)
    instr.add_argument("--registry", required=True)
    instr.add_argument("--schema", required=True)
    args = parser.parse_args(argv)
    return {"run": command_run, "alternate": command_alternate, "report": command_report,
            "instr": command_instr}[args.mode](args)


if __name__ == "__main__":
    sys.exit(main())
