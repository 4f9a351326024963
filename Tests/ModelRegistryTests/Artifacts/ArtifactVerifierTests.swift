import Foundation
import Testing

@testable import ModelRegistry

/// `verify --artifacts` on folders built on disk: the `artifact-drift` and `artifacts-not-checked` rules, whose
/// invalid cases cannot be in-memory examples.
@Suite struct ArtifactVerifierTests {
    /// The valid example of `artifact-drift`, with its model file and its folder.
    struct Fixture {
        let root: ArtifactFolder
        let document: ModelDocument
        var modelFolder: String { root.path + "/artifacts/tiny-embedder" }

        init(modelPath: String? = nil) throws {
            root = try ArtifactFolder()
            var text = try #require(ArtifactDriftRule.description.valid.first?.files.first?.text)
            if let modelPath { text += "\nbackend:\n  kind: onnx\n  model_path: \(modelPath)\n" }
            guard case .document(let document) = DocumentLoader().load(bytes: Array(text.utf8), displayPath: "registry/tiny-embedder.yaml")
            else { throw ToolError("the example does not load") }
            self.document = document
            try root.write("artifacts/tiny-embedder/model.onnx", "hello")
            try root.write("artifacts/tiny-embedder/config.json", "world")
        }

        func verify() -> ArtifactVerification {
            var hasher = root.hasher()
            hasher.cacheFolder = root.path + "/.modelreg"
            let locator = ArtifactLocator(projectRoot: root.path, artifactsRoot: root.path + "/artifacts")
            return ArtifactVerifier(hasher: hasher, locator: locator).verify([document])
        }
    }

    @Test func theDocumentedExampleVerifies() throws {
        let fixture = try Fixture()
        defer { fixture.root.remove() }
        let result = fixture.verify()
        #expect(result.findings.isEmpty, "\(result.findings.map(\.description))")
        #expect(result.checks.map(\.outcome) == [.verified])
        #expect(result.summary == "artifacts: 1 locked model: 1 verified")
    }

    @Test func aChangedFileIsReportedAtItsHashWithBothHashes() throws {
        let fixture = try Fixture()
        defer { fixture.root.remove() }
        try fixture.root.write("artifacts/tiny-embedder/model.onnx", "hellO")
        let result = fixture.verify()
        let finding = try #require(result.findings.first)
        #expect(result.findings.count == 1)
        #expect(finding.ruleID == "artifact-drift" && finding.severity == .error)
        #expect(finding.location.line == 13 && finding.location.column == 15, "\(finding)")  // model.onnx's sha256
        #expect(finding.message.contains("`model.onnx` changed: expected sha256 2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824, found "))
        #expect(result.checks.map(\.outcome) == [.drifted(1)])
    }

    @Test func missingAndExtraFiles() throws {
        let fixture = try Fixture()
        defer { fixture.root.remove() }
        try FileManager.default.removeItem(atPath: fixture.modelFolder + "/config.json")
        try fixture.root.write("artifacts/tiny-embedder/tokenizer.json", "{}")
        let result = fixture.verify()
        #expect(result.findings.count == 2, "\(result.findings.map(\.description))")
        let missing = try #require(result.findings.first { $0.message.contains("missing") })
        #expect(missing.location.line == 9 && missing.message.hasPrefix("`config.json` is missing from \(fixture.modelFolder)"))
        let extra = try #require(result.findings.first { $0.message.contains("not in the lock") })
        #expect(extra.location.line == 8 && extra.location.column == 3, "at the `files:` key: \(extra)")
        #expect(extra.message.contains("`tokenizer.json`"))
        #expect(result.summary == "artifacts: 1 locked model: 0 verified, 1 drifted")
    }

    @Test func absentFilesAreNotCheckedNeverPassed() throws {
        let fixture = try Fixture()
        defer { fixture.root.remove() }
        try FileManager.default.removeItem(atPath: fixture.modelFolder)
        let result = fixture.verify()
        let finding = try #require(result.findings.first)
        #expect(finding.ruleID == "artifacts-not-checked" && finding.severity == .warning)
        #expect(finding.location.line == 17, "at version_lock.locked: \(finding)")
        #expect(finding.message.contains("not checked") && finding.message.contains(fixture.modelFolder))
        #expect(result.checks.map(\.outcome) == [.notChecked])
        #expect(result.summary.contains("0 verified") && result.summary.contains("1 not checked"))
    }

    @Test func backendModelPathIsRelativeToTheProjectRoot() throws {
        let fixture = try Fixture(modelPath: "weights/tiny")
        defer { fixture.root.remove() }
        // The artifacts root would verify; model_path wins, and it is absent.
        #expect(fixture.verify().checks.map(\.outcome) == [.notChecked])
        try fixture.root.write("weights/tiny/model.onnx", "hello")
        try fixture.root.write("weights/tiny/config.json", "world")
        #expect(fixture.verify().checks.map(\.outcome) == [.verified])
    }

    @Test func aFolderThatCannotBeHashedIsAnErrorNotAPass() throws {
        let fixture = try Fixture()
        defer { fixture.root.remove() }
        try fixture.root.link("artifacts/tiny-embedder/escape", to: "/etc/hostname")
        let result = fixture.verify()
        #expect(result.checks.map(\.outcome) == [.failed])
        #expect(result.findings.first?.message.contains("could not be verified") == true)
        #expect(result.findings.first?.message.contains("escape: a symbolic link to /etc/hostname") == true, "\(result.findings)")
    }

    @Test func unlockedEntriesAreNotChecked() throws {
        let text = Workspace_model
        guard case .document(let document) = DocumentLoader().load(bytes: Array(text.utf8), displayPath: "registry/x.yaml") else {
            Issue.record("does not load")
            return
        }
        let verifier = ArtifactVerifier(hasher: ArtifactHasher(), locator: ArtifactLocator(projectRoot: "/nonexistent", artifactsRoot: "/nonexistent"))
        #expect(verifier.verify([document]).checks.isEmpty)
    }

    private var Workspace_model: String {
        ArtifactsNotCheckedRule.description.valid[0].files[0].text
    }

    @Test func lockRecordWritesFilesAggregateAndLock() throws {
        var editor = try YAMLEditor(text: "schema_version: 1\nid: x\nname: X\ntype: dense\nlicense: mit\ndescription: d\n")
        let files = [
            HashedFile(path: "model.onnx", sha256: "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824", size: 5),
            HashedFile(path: "config.json", sha256: "486ea46224d1bb4fb680f34f7c9ad96a8f24ec88be73ea8e5a6c65260e9cb8a7", size: 5),
        ]
        let aggregate = try ArtifactRecord.lock(files, in: &editor, at: Date(timeIntervalSince1970: 1_768_471_200))
        #expect(aggregate == "e783f0543cce3ec6cba37a52164ca6dc44aa2912f5985c600a86f28a969699eb")
        let findings = Linter(schema: .builtIn).checkDocument(try #require(Self.document(editor.text)))
        #expect(findings.isEmpty, "\(findings.map(\.description))")
        #expect(editor.value(at: ["version_lock", "last_verified"]) == .string("2026-01-15T10:00:00Z"), "\(editor.text)")
        #expect(try ArtifactRecord.unlock(in: &editor))
        #expect(editor.value(at: ["version_lock", "locked"]) == .bool(false))
        #expect(editor.value(at: ["version_lock", "expected_aggregate_sha256"]) == .string(aggregate))
        #expect(try !ArtifactRecord.unlock(in: &editor))
    }

    static func document(_ text: String) -> ModelDocument? {
        guard case .document(let document) = DocumentLoader().load(bytes: Array(text.utf8), displayPath: "registry/x.yaml") else { return nil }
        return document
    }
}
