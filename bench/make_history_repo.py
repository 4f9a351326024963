#!/usr/bin/env python3
"""Build a git repository holding a synthetic registry with a long history, for `bench/history.sh`.

    python3 bench/make_history_repo.py OUTDIR [--entries N] [--commits M] [--seed S] [--force]

1. `bench/generate_registry.py N` writes N model files that verify clean.
2. One `git fast-import` stream builds the history on `refs/heads/main`:
   - commit 1 adds `registry/` (all N files), `schemas/model.schema.json` and a README;
   - the other M-1 commits each edit 1-3 entries, the way people do: bump
     `metadata.revision_note`, change a `performance` figure, add an alias, change the
     license; the edits keep every file valid (unique aliases, references intact);
   - a few renames (the file is deleted and re-added under a new id, its `id:` line
     changed, and every `fine_tuned_from` / `replaced_by` naming the old id updated in the
     same commit, like `modelreg rename`);
   - a few merges of short topic branches (2-4 commits each, `merge` in the stream, merge
     commits made with --no-ff; `main` moves on in between, on other files);
   - a "hot" set of entries is edited more often than the rest, so some entries have
     dozens of revisions; commit dates increase, authors rotate, messages are a mix of
     modelreg-style subjects (`set(<id>): ...` with trailers) and free-form ones.
3. The working tree is checked out; `.git/info/bench.json` records what the benchmark needs
   (the tip, the most edited entries, the renamed ones with their old ids).

The repository depends only on N, M and the seed. No commit-graph is written, and gc.auto is
off, so that `git log` runs against the repository exactly as fast-import left it (packed).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent

AUTHORS = [
    ("Ada Lovelace", "ada@example.org"),
    ("Grace Hopper", "grace@example.org"),
    ("Alan Turing", "alan@example.org"),
    ("Katherine Johnson", "katherine@example.org"),
    ("Edsger Dijkstra", "edsger@example.org"),
    ("Barbara Liskov", "barbara@example.org"),
    ("Donald Knuth", "don@example.org"),
    ("Frances Allen", "frances@example.org"),
    ("CI Bot", "ci-bot@example.org"),
]
LICENSES = ["apache-2.0", "mit", "cc-by-4.0", "cc-by-nc-4.0", "other"]
START_TIME = 1_672_531_200  # 2023-01-01T00:00:00Z

PERF_LINE = re.compile(r"^(  [A-Za-z0-9_.-]+): ([0-9]+\.[0-9]+)$")
REF_LINE = re.compile(r"^(\s*(?:fine_tuned_from|replaced_by)): (\S+)$", re.M)


class Entry:
    """One model file, kept as a list of lines."""

    __slots__ = ("id", "lines", "aliases_added", "notes")

    def __init__(self, model_id: str, text: str):
        self.id = model_id
        self.lines = text.split("\n")  # ends with "" (the file ends with a newline)
        self.aliases_added = 0
        self.notes = 0

    def text(self) -> str:
        return "\n".join(self.lines)

    # -- edits: each returns the dotted field it changed, or None when it does not apply -----

    def set_revision_note(self, rng: random.Random, serial: int) -> str:
        self.notes += 1
        value = f'"r{self.notes} ({serial})"'
        for k, line in enumerate(self.lines):
            if line.startswith("  revision_note: "):
                self.lines[k] = f"  revision_note: {value}"
                return "metadata.revision_note"
        # metadata is the last section of every generated file: append to it.
        assert self.lines[-1] == ""
        self.lines.insert(len(self.lines) - 1, f"  revision_note: {value}")
        return "metadata.revision_note"

    def bump_performance(self, rng: random.Random) -> str | None:
        try:
            start = self.lines.index("performance:")
        except ValueError:
            return None
        candidates = []
        for k in range(start + 1, len(self.lines)):
            line = self.lines[k]
            if not line.startswith("  "):
                break
            match = PERF_LINE.match(line)
            if match:
                candidates.append((k, match))
        if not candidates:
            return None
        k, match = rng.choice(candidates)
        value = min(99.99, max(0.01, float(match.group(2)) + rng.uniform(-1.5, 1.5)))
        self.lines[k] = f"{match.group(1)}: {value:.2f}"
        return "performance." + match.group(1).strip()

    def add_alias(self, rng: random.Random) -> str | None:
        if self.aliases_added >= 6:
            return None
        start = self.lines.index("aliases:")
        k = start + 1
        while self.lines[k].startswith("  - "):
            k += 1
        self.aliases_added += 1
        # `<id>-alt<k>` cannot collide with an id (renames append `-r<k>`) nor with a generated alias.
        self.lines.insert(k, f"  - {self.id}-alt{self.aliases_added}")
        return "aliases"

    def change_license(self, rng: random.Random) -> str | None:
        for k, line in enumerate(self.lines):
            if line.startswith("license: "):
                current = line[len("license: "):]
                self.lines[k] = "license: " + rng.choice([l for l in LICENSES if l != current])
                return "license"
        return None

    def rename_to(self, new_id: str) -> None:
        for k, line in enumerate(self.lines):
            if line == f"id: {self.id}":
                self.lines[k] = f"id: {new_id}"
                break
        else:
            raise AssertionError(f"no id line in {self.id}")
        # Aliases added earlier keep their old-id text: they are still unique names.
        self.id = new_id


def path_of(model_id: str) -> str:
    return f"registry/{model_id}.yaml"


class Stream:
    """Writes a git fast-import stream."""

    def __init__(self, out):
        self.out = out
        self.mark = 0
        self.blobs: dict[str, str] = {}  # blob id -> a path it was written at (for repacking)

    def write(self, text: str) -> None:
        self.out.write(text.encode("utf-8"))

    def data(self, payload: str) -> None:
        raw = payload.encode("utf-8")
        self.out.write(b"data %d\n" % len(raw))
        self.out.write(raw)
        self.out.write(b"\n")

    def commit(self, ref: str, author, when: int, message: str, parent: int | None, merge: int | None,
               changes: list[tuple[str, str | None]], deleteall: bool = False) -> int:
        """changes: (path, text) to write, or (path, None) to delete. Returns the commit's mark."""
        self.mark += 1
        name, email = author
        self.write(f"commit {ref}\nmark :{self.mark}\n")
        self.write(f"author {name} <{email}> {when} +0000\n")
        self.write(f"committer {name} <{email}> {when} +0000\n")
        self.data(message)
        if parent is not None:
            self.write(f"from :{parent}\n")
        if merge is not None:
            self.write(f"merge :{merge}\n")
        if deleteall:
            self.write("deleteall\n")
        for path, text in changes:
            if text is None:
                self.write(f"D {path}\n")
            else:
                self.write(f"M 100644 inline {path}\n")
                raw = text.encode("utf-8")
                self.blobs.setdefault(hashlib.sha1(b"blob %d\0" % len(raw) + raw).hexdigest(), path)
                self.data(text)
        return self.mark


class History:
    def __init__(self, entries: dict[str, Entry], commits: int, seed: int):
        self.rng = random.Random(seed)
        self.entries = entries  # id -> Entry, the state of main
        self.ids = sorted(entries)  # ids on main, for random choice (kept in sync on renames)
        self.commits = commits
        self.time = START_TIME
        self.serial = 0
        # A hot set gets a quarter of the edits, so some entries have many revisions.
        self.hot = self.rng.sample(self.ids, min(len(self.ids), 40))
        self.edit_counts: dict[str, int] = {}
        self.renames: list[tuple[str, str]] = []  # (old id, new id)
        self.merges = 0
        self.rename_serial = 0
        self.merged: list[str] = []  # entries changed on a topic branch, in merge order

    def tick(self) -> int:
        self.time += self.rng.randint(60, 5400)
        return self.time

    def author(self):
        return self.rng.choice(AUTHORS)

    def pick(self, avoid: set[str]) -> str:
        while True:
            model_id = self.rng.choice(self.hot) if self.rng.random() < 0.25 else self.rng.choice(self.ids)
            if model_id not in avoid:
                return model_id

    def edit(self, entry: Entry) -> str:
        """Applies one random edit to entry; returns the field it changed."""
        self.serial += 1
        roll = self.rng.random()
        field = None
        if roll < 0.45:
            field = entry.set_revision_note(self.rng, self.serial)
        elif roll < 0.80:
            field = entry.bump_performance(self.rng)
        elif roll < 0.93:
            field = entry.add_alias(self.rng)
        else:
            field = entry.change_license(self.rng)
        if field is None:
            field = entry.set_revision_note(self.rng, self.serial)
        return field

    def message(self, ids: list[str], fields: list[str]) -> str:
        if len(ids) == 1 and self.rng.random() < 0.6:
            subject = f"set({ids[0]}): {fields[0]}"
            return (f"{subject}\n\nModel-Id: {ids[0]}\nRegistry-Action: set\n"
                    f"Changed-Fields: {', '.join(sorted(set(fields)))}\n")
        verbs = ["Update", "Refresh", "Tweak", "Sync", "Fix"]
        what = ", ".join(ids[:2]) + (" and more" if len(ids) > 2 else "")
        return f"{self.rng.choice(verbs)} {', '.join(sorted(set(fields)))} of {what}\n"

    def edit_commit(self, stream: Stream, ref: str, parent: int, state: dict[str, Entry], avoid: set[str],
                    count: int | None = None) -> tuple[int, set[str]]:
        """One commit editing 1-3 entries of `state` (not in avoid). Returns (mark, touched ids)."""
        n = count or self.rng.choices([1, 2, 3], [70, 20, 10])[0]
        touched: list[str] = []
        fields: list[str] = []
        while len(touched) < n:
            model_id = self.pick(avoid | set(touched))
            if model_id not in state:
                state[model_id] = self.clone(self.entries[model_id])
            fields.append(self.edit(state[model_id]))
            touched.append(model_id)
            self.edit_counts[model_id] = self.edit_counts.get(model_id, 0) + 1
        changes = [(path_of(i), state[i].text()) for i in touched]
        mark = stream.commit(ref, self.author(), self.tick(), self.message(touched, fields), parent, None, changes)
        return mark, set(touched)

    @staticmethod
    def clone(entry: Entry) -> Entry:
        copy = Entry(entry.id, "")
        copy.lines = list(entry.lines)
        copy.aliases_added = entry.aliases_added
        copy.notes = entry.notes
        return copy

    def rename_commit(self, stream: Stream, parent: int) -> int:
        # Prefer an entry with some history already, so its history crosses the rename.
        candidates = [i for i in self.ids if self.edit_counts.get(i, 0) >= 2 and "-r" not in i[-4:]]
        old = self.rng.choice(candidates or self.ids)
        self.rename_serial += 1
        new = f"{old}-r{self.rename_serial}"
        entry = self.entries.pop(old)
        entry.rename_to(new)
        self.entries[new] = entry
        self.ids[self.ids.index(old)] = new
        if old in self.hot:
            self.hot[self.hot.index(old)] = new
        self.edit_counts[new] = self.edit_counts.pop(old, 0)
        changes: list[tuple[str, str | None]] = [(path_of(old), None), (path_of(new), entry.text())]
        # References to the old id move with it, in the same commit.
        needle_a, needle_b = f"fine_tuned_from: {old}", f"replaced_by: {old}"
        for other in self.entries.values():
            if other is entry:
                continue
            hit = False
            for k, line in enumerate(other.lines):
                stripped = line.strip()
                if stripped == needle_a or stripped == needle_b:
                    other.lines[k] = line[: len(line) - len(old)] + new
                    hit = True
            if hit:
                changes.append((path_of(other.id), other.text()))
        self.renames.append((old, new))
        author = self.author()
        message = (f"rename({old}): {old} -> {new}\n\nModel-Id: {new}\nRegistry-Action: rename\n"
                   f"Renamed-From: {old}\n")
        return stream.commit("refs/heads/main", author, self.tick(), message, parent, None, changes)

    def merge_round(self, stream: Stream, parent: int, budget: int) -> tuple[int, int]:
        """A topic branch of 2-4 commits off `parent`, main moving on meanwhile, then a merge.
        Returns (main's new tip, commits used)."""
        self.merges += 1
        topic = f"refs/heads/topic-{self.merges}"
        branch_len = self.rng.randint(2, 4)
        main_len = self.rng.randint(0, 3)
        if branch_len + main_len + 1 > budget:
            return parent, 0
        overlay: dict[str, Entry] = {}
        branch_touched: set[str] = set()
        tip = parent
        for _ in range(branch_len):
            tip, touched = self.edit_commit(stream, topic, tip, overlay, set())
            branch_touched |= touched
        main_tip = parent
        for _ in range(main_len):
            main_tip, _ = self.edit_commit(stream, "refs/heads/main", main_tip, self.entries, branch_touched)
        # The merge brings the branch's files over: they were not touched on main since the fork.
        for model_id in branch_touched:
            self.entries[model_id] = overlay[model_id]
        self.merged.extend(sorted(branch_touched))
        changes = [(path_of(i), self.entries[i].text()) for i in sorted(branch_touched)]
        message = f"Merge pull request #{100 + self.merges} from {self.author()[1].split('@')[0]}/topic-{self.merges}\n"
        merge = stream.commit("refs/heads/main", self.author(), self.tick(), message, main_tip, tip, changes)
        return merge, branch_len + main_len + 1

    def build(self, stream: Stream, extra_files: list[tuple[str, str]]) -> int:
        first = [(path, text) for path, text in extra_files]
        first += [(path_of(i), self.entries[i].text()) for i in self.ids]
        tip = stream.commit("refs/heads/main", AUTHORS[0], self.tick(),
                            f"Import the registry ({len(self.ids)} models)\n", None, None, first)
        made = 1
        renames_left = max(3, self.commits // 1000)
        merges_left = max(2, self.commits // 400)
        while made < self.commits:
            left = self.commits - made
            roll = self.rng.random()
            if renames_left and roll < renames_left / left:
                tip = self.rename_commit(stream, tip)
                renames_left -= 1
                made += 1
                continue
            if merges_left and roll < (renames_left + merges_left * 4) / left:
                tip, used = self.merge_round(stream, tip, left)
                if used:
                    merges_left -= 1
                    made += used
                    continue
            tip, _ = self.edit_commit(stream, "refs/heads/main", tip, self.entries, set())
            made += 1
        return tip


def repack_blobs(repo: Path, blobs: dict[str, str]) -> None:
    """fast-import deltifies every blob against the blob written just before it, whatever its path, so
    the current version of most files sits at the end of a long chain through unrelated files. A clone
    or `git gc` would not leave that: repack the blobs with git's own delta search (by path), keep the
    commits and trees with the deltas fast-import made (against the previous version of the same tree;
    recomputing those with `git repack -f` takes several minutes)."""
    pack_dir = repo / ".git" / "objects" / "pack"
    old = sorted(pack_dir.glob("pack-*"))
    listing = subprocess.run(["git", "cat-file", "--batch-all-objects", "--batch-check=%(objectname) %(objecttype)"],
                             cwd=repo, check=True, capture_output=True, text=True).stdout.split("\n")
    others = []
    for line in listing:
        if line:
            oid, kind = line.split()
            if kind == "blob":
                assert oid in blobs, f"blob {oid} not written by the stream"
            else:
                others.append(oid)
    base = str(pack_dir / "pack")
    blob_list = "".join(f"{oid} {path}\n" for oid, path in blobs.items())
    run(["git", "pack-objects", "-q", "--no-reuse-delta", "--delta-base-offset", base], repo,
        input=blob_list, text=True, stdout=subprocess.DEVNULL)
    run(["git", "pack-objects", "-q", "--delta-base-offset", base], repo,
        input="".join(f"{oid}\n" for oid in others), text=True, stdout=subprocess.DEVNULL)
    for file in old:
        file.unlink()


def run(cmd, cwd, **kw):
    return subprocess.run(cmd, cwd=cwd, check=True, **kw)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir", type=Path, help="the repository to create")
    parser.add_argument("--entries", "-n", type=int, default=10_000)
    parser.add_argument("--commits", "-m", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--force", action="store_true", help="replace OUTDIR if it exists")
    args = parser.parse_args(argv)
    if args.commits < 1 or args.entries < 2:
        parser.error("need at least 2 entries and 1 commit")

    out: Path = args.outdir.resolve()
    if out.exists():
        if not args.force:
            parser.error(f"{out} exists (use --force to replace it)")
        shutil.rmtree(out)
    out.mkdir(parents=True)
    free = shutil.disk_usage(out).free
    if free < 2 * 1024**3:
        print(f"only {free / 1024**3:.1f} GiB free under {out}; need about 2", file=sys.stderr)
        return 1

    started = time.monotonic()
    scratch = out / ".git-gen"
    run([sys.executable, str(BENCH / "generate_registry.py"), str(args.entries), str(scratch), "--seed", str(args.seed)], out)
    entries: dict[str, Entry] = {}
    for file in sorted((scratch / "registry").glob("*.yaml")):
        entries[file.stem] = Entry(file.stem, file.read_text(encoding="utf-8"))
    schema = (scratch / "schemas" / "model.schema.json").read_text(encoding="utf-8")
    shutil.rmtree(scratch)
    readme = (f"# Benchmark registry\n\nSynthetic: {args.entries} models, {args.commits} commits, seed {args.seed}.\n"
              "Built by bench/make_history_repo.py.\n")
    print(f"[{time.monotonic() - started:5.1f}s] generated {len(entries)} entries", file=sys.stderr)

    run(["git", "init", "-q", "-b", "main", str(out)], out)
    for key, value in [("user.name", "Bench User"), ("user.email", "bench@example.org"), ("gc.auto", "0"),
                       ("gc.writeCommitGraph", "false"), ("fetch.writeCommitGraph", "false"),
                       ("core.commitGraph", "true"), ("maintenance.auto", "false")]:
        run(["git", "config", key, value], out)

    history = History(entries, args.commits, args.seed)
    importer = subprocess.Popen(["git", "fast-import", "--quiet", "--done"], cwd=out, stdin=subprocess.PIPE)
    stream = Stream(importer.stdin)
    tip_mark = history.build(stream, [("schemas/model.schema.json", schema), ("README.md", readme)])
    stream.write("done\n")
    importer.stdin.close()
    if importer.wait() != 0:
        print("git fast-import failed", file=sys.stderr)
        return 1
    print(f"[{time.monotonic() - started:5.1f}s] fast-import done", file=sys.stderr)

    repack_blobs(out, stream.blobs)
    print(f"[{time.monotonic() - started:5.1f}s] blobs repacked", file=sys.stderr)

    # Topic branches were merged; drop their refs as a merged pull request's branch would be.
    topics = subprocess.run(["git", "for-each-ref", "--format=delete %(refname)", "refs/heads/topic-*"],
                            cwd=out, check=True, capture_output=True, text=True).stdout
    run(["git", "update-ref", "--stdin"], out, input=topics, text=True)
    run(["git", "checkout", "-q", "-f", "main"], out)
    run(["git", "tag", "bench-base"], out)
    tip = subprocess.run(["git", "rev-parse", "HEAD"], cwd=out, check=True, capture_output=True, text=True).stdout.strip()
    count = int(subprocess.run(["git", "rev-list", "--count", "HEAD"], cwd=out, check=True, capture_output=True,
                               text=True).stdout)

    most_edited = sorted(((n, i) for i, n in history.edit_counts.items() if i in history.entries), reverse=True)[:10]
    # A typical entry edited several times: the most edited one outside the hot set, not renamed, not merged.
    renamed = {new for _, new in history.renames}
    ordinary = sorted(((n, i) for i, n in history.edit_counts.items()
                       if i in history.entries and i not in history.hot and i not in renamed and i not in history.merged),
                      reverse=True)
    renames = sorted(history.renames, key=lambda pair: -history.edit_counts.get(pair[1], 0))
    merged = [i for i in dict.fromkeys(reversed(history.merged)) if i in history.entries and i not in renamed]
    info = {
        "entries": args.entries,
        "requested_commits": args.commits,
        "commits": count,
        "seed": args.seed,
        "tip": tip,
        "merges": history.merges,
        "most_edited": [{"id": i, "edits": n} for n, i in most_edited],
        "typical": {"id": ordinary[0][1], "edits": ordinary[0][0]},
        "renames": [{"old": o, "new": n, "edits": history.edit_counts.get(n, 0)} for o, n in renames],
        "merged_entries": merged[:20],
    }
    (out / ".git" / "info" / "bench.json").write_text(json.dumps(info, indent=2) + "\n")
    pack = sum(f.stat().st_size for f in (out / ".git" / "objects").rglob("*") if f.is_file())
    print(f"[{time.monotonic() - started:5.1f}s] {out}: {count} commits, {len(history.entries)} entries, "
          f"{history.merges} merges, {len(history.renames)} renames, objects {pack / 1e6:.0f} MB", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
