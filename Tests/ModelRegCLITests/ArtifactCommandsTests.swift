import Foundation
import Testing

/// `modelreg hash`, `lock`, `unlock` and `verify --artifacts`, run as the real binary; `sha256sum` and `git`
/// are the witnesses.
@Suite struct ArtifactCommandsTests {
    /// A folder of model files outside any repository.
    struct Artifacts {
        let root: String

        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("modelreg-artifacts-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        }

        func write(_ relative: String, _ text: String) throws {
            let path = root + "/" + relative
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: false, encoding: .utf8)
        }

        func remove() { try? FileManager.default.removeItem(atPath: root) }

        /// `model/` with three files in two folders.
        static func model() throws -> Artifacts {
            let artifacts = try Artifacts()
            try artifacts.write("base-lm/model.onnx", "hello")
            try artifacts.write("base-lm/config.json", "world")
            try artifacts.write("base-lm/1_Pooling/config.json", "{\"pooling_mode_mean_tokens\": true}\n")
            return artifacts
        }
    }

    /// Files changed in the last second are not cached (see `ArtifactHasher.racyWindowNanoseconds`).
    static func settle() { usleep(1_100_000) }

    static func sh(_ command: String, in directory: String) throws -> RunResult {
        try run("/bin/sh", ["-c", command], in: directory)
    }

    // MARK: hash

    @Test func hashOutputIsCheckedBySha256sum() throws {
        let artifacts = try Artifacts.model()
        defer { artifacts.remove() }
        Self.settle()
        let result = try modelreg(["hash", "base-lm"], in: artifacts.root)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "", "nothing but the sums when stderr is not a terminal")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(lines[0].hasSuffix("  1_Pooling/config.json") && lines[1].hasSuffix("  config.json") && lines[2].hasSuffix("  model.onnx"))
        try result.stdout.write(toFile: artifacts.root + "/SHA256SUMS", atomically: true, encoding: .utf8)
        let check = try Self.sh("sha256sum -c --strict ../SHA256SUMS", in: artifacts.root + "/base-lm")
        #expect(check.status == 0, "\(check.stdout) \(check.stderr)")
        #expect(check.stdout == "1_Pooling/config.json: OK\nconfig.json: OK\nmodel.onnx: OK\n")
        let pipeline = try Self.sh("sha256sum 1_Pooling/config.json config.json model.onnx | LC_ALL=C sort | sha256sum", in: artifacts.root + "/base-lm")
        #expect(lines[3] == "# aggregate: " + pipeline.stdout.prefix(64))

        // The second run comes from the stat cache (in base-lm/.modelreg/, outside a repository) and says the same.
        let again = try modelreg(["hash", "base-lm"], in: artifacts.root)
        #expect(again.stdout == result.stdout)
        #expect(FileManager.default.fileExists(atPath: artifacts.root + "/base-lm/.modelreg/.gitignore"))
        let forced = try modelreg(["hash", "base-lm", "--no-cache"], in: artifacts.root)
        #expect(forced.stdout == result.stdout)
    }

    @Test func hashJSONAndGlobs() throws {
        let artifacts = try Artifacts.model()
        defer { artifacts.remove() }
        let result = try modelreg(["hash", "base-lm", "--format", "json", "--exclude", "1_Pooling/", "--no-cache"], in: artifacts.root)
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let files = try #require(json["files"] as? [[String: Any]])
        #expect(files.map { $0["path"] as? String } == ["config.json", "model.onnx"])
        #expect(files.last?["sha256"] as? String == "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824")
        #expect(files.last?["size"] as? Int == 5)
        #expect(json["aggregate_sha256"] as? String == "e783f0543cce3ec6cba37a52164ca6dc44aa2912f5985c600a86f28a969699eb")
        let included = try modelreg(["hash", "base-lm", "--include", "*.onnx", "--no-cache"], in: artifacts.root)
        #expect(included.stdout.hasPrefix("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824  model.onnx\n# aggregate: "))
    }

    @Test func hashRefusesWhatItCannotHashFaithfully() throws {
        let artifacts = try Artifacts.model()
        defer { artifacts.remove() }
        try FileManager.default.createSymbolicLink(atPath: artifacts.root + "/base-lm/passwd", withDestinationPath: "/etc/passwd")
        #expect(mkfifo(artifacts.root + "/base-lm/fifo", 0o644) == 0)
        let result = try modelreg(["hash", "base-lm"], in: artifacts.root)
        #expect(result.status == 2)
        #expect(result.stdout == "")
        #expect(result.stderr.contains("modelreg: error: cannot hash base-lm (2 problems):"), "\(result.stderr)")
        #expect(result.stderr.contains("  base-lm/passwd: a symbolic link to /etc/passwd, which is outside base-lm"))
        #expect(result.stderr.contains("  base-lm/fifo: is a FIFO"))
        let missing = try modelreg(["hash", "nope"], in: artifacts.root)
        #expect(missing.status == 2 && missing.stderr.contains("cannot hash nope: No such file or directory"))
    }

    // MARK: lock, verify --artifacts, unlock

    @Test func lockCommitsTheFilesAndVerifyChecksThem() throws {
        let repo = try GitWorkspace()
        let artifacts = try Artifacts.model()
        defer {
            repo.remove()
            artifacts.remove()
        }
        let head = try repo.git("rev-parse", "HEAD")
        Self.settle()
        let lock = try repo.modelreg("lock", "base-lm", "--artifacts-root", artifacts.root)
        #expect(lock.status == 0, "\(lock.stderr)")
        let aggregate = try Self.sh("sha256sum 1_Pooling/config.json config.json model.onnx | LC_ALL=C sort | sha256sum", in: artifacts.root + "/base-lm").stdout.prefix(64)
        #expect(try repo.git("rev-parse", "HEAD~1") == head)
        #expect(try repo.git("log", "-1", "--format=%s") == "lock(base-lm): 3 files, aggregate \(aggregate.prefix(12))")
        let body = try repo.git("log", "-1", "--format=%B")
        #expect(body.contains("Model-Id: base-lm\nRegistry-Action: lock\n"), "\(body)")
        #expect(body.contains("\nAggregate-SHA256: \(aggregate)"), "\(body)")
        #expect(try repo.git("show", "--name-only", "--format=", "HEAD") == "registry/base-lm.yaml")
        #expect(try repo.git("status", "--porcelain") == "", "the hash cache in .modelreg/ is ignored")
        #expect(FileManager.default.fileExists(atPath: repo.root + "/.modelreg/hash-cache"))
        try repo.expectFsckClean()

        let text = try #require(repo.workspace.read("registry/base-lm.yaml"))
        #expect(text.hasPrefix(try #require(GitWorkspace.defaultModels["base-lm"])), "the rest of the file stays")
        #expect(text.contains("    - path: model.onnx\n      sha256: 2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824\n      size: 5\n"), "\(text)")
        #expect(text.contains("  aggregate_sha256: \(aggregate)\n"))
        #expect(text.contains("version_lock:\n  locked: true\n  expected_aggregate_sha256: \(aggregate)\n  last_verified: "), "\(text)")

        #expect(try repo.modelreg("verify").status == 0)
        let verify = try repo.modelreg("verify", "--artifacts", "--artifacts-root", artifacts.root)
        #expect(verify.status == 0, "\(verify.stderr)")
        #expect(verify.stderr.contains("artifacts: 1 locked model: 1 verified"), "\(verify.stderr)")

        // One file changes: exit 1, at the line of its hash, with both hashes.
        try artifacts.write("base-lm/model.onnx", "HELLO")
        let drift = try repo.modelreg("verify", "--artifacts", "--artifacts-root", artifacts.root)
        #expect(drift.status == 1)
        let line = try #require(Self.line(of: "sha256: 2cf24dba", in: text))
        #expect(
            drift.stderr.contains(
                "registry/base-lm.yaml:\(line):15: error: `model.onnx` changed: expected sha256 2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824, found 3733cd977ff8eb18b987357e22ced99f46097f31ecb239e878ae63760e83e4d5 [artifact-drift]"),
            "\(drift.stderr)")
        #expect(drift.stderr.contains("1 drifted"))

        // GitHub annotations carry the same finding.
        let github = try repo.modelreg("verify", "--artifacts", "--artifacts-root", artifacts.root, "--format", "github")
        #expect(github.status == 1)
        #expect(github.stdout.contains("file=registry/base-lm.yaml,line=\(line)"), "\(github.stdout)")
    }

    @Test func missingExtraAndAbsentFiles() throws {
        let repo = try GitWorkspace()
        let artifacts = try Artifacts.model()
        defer {
            repo.remove()
            artifacts.remove()
        }
        #expect(try repo.modelreg("lock", "base-lm", "--dir", artifacts.root + "/base-lm").status == 0)
        try FileManager.default.removeItem(atPath: artifacts.root + "/base-lm/config.json")
        try artifacts.write("base-lm/tokenizer.json", "{}")
        let result = try repo.modelreg("verify", "--artifacts", "--artifacts-root", artifacts.root)
        #expect(result.status == 1)
        #expect(result.stderr.contains("error: `config.json` is missing from \(artifacts.root)/base-lm (locked with sha256 486ea46224d1bb4fb680f34f7c9ad96a8f24ec88be73ea8e5a6c65260e9cb8a7) [artifact-drift]"), "\(result.stderr)")
        #expect(result.stderr.contains("error: `tokenizer.json` in \(artifacts.root)/base-lm is not in the lock"), "\(result.stderr)")

        // Absent: not checked, a warning; never "verified".
        let elsewhere = try Artifacts()
        defer { elsewhere.remove() }
        let absent = try repo.modelreg("verify", "--artifacts", "--artifacts-root", elsewhere.root)
        #expect(absent.status == 0, "a warning: \(absent.stderr)")
        #expect(absent.stderr.contains("warning: not checked: the files of `base-lm` are not on this machine (nothing at \(elsewhere.root)/base-lm, from the artifacts root) [artifacts-not-checked]"), "\(absent.stderr)")
        #expect(absent.stderr.contains("artifacts: 1 locked model: 0 verified, 1 not checked (files absent)"))
        #expect(!absent.stderr.contains("1 verified"))
        let strict = try repo.modelreg("verify", "--artifacts", "--artifacts-root", elsewhere.root, "--strict")
        #expect(strict.status == 1)
        // $MODELREG_ARTIFACTS_ROOT is the default root.
        let fromEnvironment = try modelreg(["verify", "--artifacts"], in: repo.root, environment: ["MODELREG_ARTIFACTS_ROOT": elsewhere.root])
        #expect(fromEnvironment.stderr.contains("nothing at \(elsewhere.root)/base-lm"))
    }

    @Test func modelPathIsRelativeToTheRepositoryRoot() throws {
        let repo = try GitWorkspace(models: [
            "base-lm": Workspace.model("base-lm", extra: "backend:\n  kind: onnx\n  model_path: weights/base\n")
        ])
        defer { repo.remove() }
        try repo.workspace.write("weights/base/model.onnx", "hello")
        try repo.workspace.write(".gitignore", "weights/\n")
        try repo.git("add", ".gitignore")
        try repo.git("commit", "-q", "-m", "ignore weights")
        let subfolder = repo.root + "/registry"
        let lock = try modelreg(["lock", "base-lm"], in: subfolder)
        #expect(lock.status == 0, "\(lock.stderr)")
        #expect(try repo.git("show", "HEAD:registry/base-lm.yaml").contains("aggregate_sha256: d45241e4682ab41c40d959c6e5ed4ad85ce3f95b726aaf89ac78c349bd84dfa4"))
        #expect(try repo.git("status", "--porcelain") == "")
        let verify = try modelreg(["verify", "--artifacts"], in: subfolder)
        #expect(verify.status == 0 && verify.stderr.contains("1 verified"), "\(verify.stderr)")
    }

    @Test func relockRecordsThePreviousHashAndTheApprovalAndUnlockKeepsTheRecord() throws {
        let repo = try GitWorkspace()
        let artifacts = try Artifacts.model()
        defer {
            repo.remove()
            artifacts.remove()
        }
        #expect(try repo.modelreg("lock", "base-lm", "--artifacts-root", artifacts.root).status == 0)
        let first = try repo.git("show", "HEAD:registry/base-lm.yaml")
        try artifacts.write("base-lm/model.onnx", "hello, again")
        let relock = try repo.modelreg(
            "lock", "base-lm", "--artifacts-root", artifacts.root, "--approved-by", "Grace Hopper <grace@example.com>", "-m", "new export")
        #expect(relock.status == 0, "\(relock.stderr)")
        #expect(try repo.git("log", "-1", "--format=%s").hasPrefix("lock(base-lm): relock, 3 files, aggregate "))
        let body = try repo.git("log", "-1", "--format=%B")
        #expect(body.contains("new export"))
        #expect(body.contains("\nPrevious-Aggregate-SHA256: "))
        #expect(body.contains("\nRelock-Approved-By: Grace Hopper <grace@example.com>"))
        let second = try repo.git("show", "HEAD:registry/base-lm.yaml")
        #expect(second != first)
        // The file's hash and size, the aggregate, the expected hash and the date (unless in the same second).
        let numstat = try repo.git("diff", "--numstat", "HEAD~1", "HEAD")
        #expect(numstat == "5\t5\tregistry/base-lm.yaml" || numstat == "4\t4\tregistry/base-lm.yaml", "\(numstat)")

        let unlock = try repo.modelreg("unlock", "base-lm")
        #expect(unlock.status == 0, "\(unlock.stderr)")
        let unlocked = try repo.git("show", "HEAD:registry/base-lm.yaml")
        #expect(unlocked == second.replacingOccurrences(of: "  locked: true\n", with: "  locked: false\n"))
        let unlockBody = try repo.git("log", "-1", "--format=%B")
        #expect(unlockBody.contains("Registry-Action: unlock\n") && unlockBody.contains("Aggregate-SHA256: "))
        #expect(try repo.git("status", "--porcelain") == "")
        try repo.expectFsckClean()
        let again = try repo.modelreg("unlock", "base-lm")
        #expect(again.status == 0 && again.stderr.contains("nothing changed"))
        let verify = try repo.modelreg("verify", "--artifacts", "--artifacts-root", artifacts.root)
        #expect(verify.status == 0 && verify.stderr.contains("artifacts: 0 locked models"), "\(verify.stderr)")
    }

    @Test func lockWithoutFilesIsRefused() throws {
        let repo = try GitWorkspace()
        let artifacts = try Artifacts()
        defer {
            repo.remove()
            artifacts.remove()
        }
        let head = try repo.git("rev-parse", "HEAD")
        let absent = try repo.modelreg("lock", "base-lm", "--artifacts-root", artifacts.root)
        #expect(absent.status == 2)
        #expect(absent.stderr.contains("no files for `base-lm` at \(artifacts.root)/base-lm (from the artifacts root)"), "\(absent.stderr)")
        try FileManager.default.createDirectory(atPath: artifacts.root + "/base-lm", withIntermediateDirectories: true)
        let empty = try repo.modelreg("lock", "base-lm", "--artifacts-root", artifacts.root)
        #expect(empty.status == 2 && empty.stderr.contains("holds no files to lock"), "\(empty.stderr)")
        let unknown = try repo.modelreg("lock", "nope", "--artifacts-root", artifacts.root)
        #expect(unknown.status == 2 && unknown.stderr.contains("no model `nope`"))
        #expect(try repo.git("rev-parse", "HEAD") == head)
    }

    /// The 1-based line of the first line containing `text`.
    static func line(of text: String, in file: String) -> Int? {
        file.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(text) }.map { $0 + 1 }
    }
}
