import Foundation
import Testing

/// End-to-end: the real binary on real files, checking output and exit codes.
@Suite struct VerifyCommandTests {
    @Test func bundledRegistryIsClean() throws {
        let result = try modelreg(["verify"], in: packageRoot)
        #expect(result.status == 0, "\(result.stderr)")
        let count = try FileManager.default.contentsOfDirectory(atPath: packageRoot + "/registry").filter { $0.hasSuffix(".yaml") }.count
        #expect(result.stderr == "\(count) files, 0 errors, 0 warnings\n")
    }

    @Test func findsTheRegistryFromASubfolderAndNamesFilesRelatively() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try workspace.write("registry/good.yaml", Workspace.model("good"))
        try workspace.write("registry/bad.yaml", Workspace.model("bad", extra: "specs:\n  embedding_dim: 0\n"))
        try FileManager.default.createDirectory(atPath: workspace.root + "/docs/deep", withIntermediateDirectories: true)
        let result = try modelreg(["verify"], in: workspace.root + "/docs/deep")
        #expect(result.status == 1)
        #expect(
            result.stderr == """
                ../../registry/bad.yaml:8:18: error: `specs.embedding_dim` must be positive, found 0 [positive-dimensions]
                2 files, 1 error, 0 warnings

                """)
    }

    @Test func crossFileFindingsCarryNotes() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try workspace.write("registry/a.yaml", Workspace.model("a", extra: "aliases: [shared]\n"))
        try workspace.write("registry/b.yaml", Workspace.model("b", extra: "aliases: [Shared]\nfine_tuned_from: nowhere\n"))
        let result = try modelreg(["verify"], in: workspace.root)
        #expect(result.status == 1)
        #expect(
            result.stderr == """
                registry/b.yaml:7:11: error: alias `Shared` is already a name of `a` [id-unique]
                registry/a.yaml:7:11: note: first used here
                registry/b.yaml:8:18: error: `fine_tuned_from` names `nowhere`, which is not an id in the registry [lineage-reference]
                2 files, 2 errors, 0 warnings

                """)
    }

    @Test func warningsPassUnlessStrict() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try workspace.write("registry/a.yaml", Workspace.model("a", extra: "huggingface_id: org/model\n"))
        try workspace.write("registry/b.yaml", Workspace.model("b", extra: "huggingface_id: org/model\n"))
        let relaxed = try modelreg(["verify"], in: workspace.root)
        #expect(relaxed.status == 0)
        #expect(relaxed.stderr.contains("registry/b.yaml:7:17: warning: `org/model` is already registered as `a` [huggingface-id-unique]"))
        #expect(relaxed.stderr.hasSuffix("2 files, 0 errors, 1 warning\n"))
        let strict = try modelreg(["verify", "--strict"], in: workspace.root)
        #expect(strict.status == 1)
    }

    @Test(arguments: [
        // (file text, expected line:column, rule id)
        ("schema_version: 1\nid: x\nname: [oops\n", "4:1", "yaml-syntax"),
        ("schema_version: 1\nid: x\nid: y\n", "3:1", "yaml-duplicate-key"),
        ("schema_version: 1\n---\nid: x\n", "2:1", "yaml-multiple-documents"),
        ("schema_version: 1\nid: &a x\n", "2:5", "yaml-alias"),
        ("schema_version: 1\nid: !!python/object x\n", "2:5", "yaml-tag"),
        ("- a\n- b\n", "1:1", "top-level-mapping"),
        ("", "1:1", "top-level-mapping"),
    ])
    func badInputIsLocated(text: String, position: String, ruleID: String) throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try workspace.write("registry/x.yaml", text)
        let result = try modelreg(["verify"], in: workspace.root)
        #expect(result.status == 1)
        let first = result.stderr.split(separator: "\n").first.map(String.init) ?? ""
        #expect(first.hasPrefix("registry/x.yaml:\(position): error: "), "\(result.stderr)")
        #expect(first.hasSuffix("[\(ruleID)]"), "\(result.stderr)")
    }

    @Test func deepNestingAndHugeFilesAreRefusedNotCrashed() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try workspace.write("registry/deep.yaml", "metadata: " + String(repeating: "[", count: 20_000) + String(repeating: "]", count: 20_000) + "\n")
        try workspace.write("registry/huge.yaml", "metadata:\n" + String(repeating: "  k: \(String(repeating: "v", count: 100))\n", count: 12_000))
        var bytes = Array(Workspace.model("latin1").utf8)
        bytes.append(contentsOf: [0x6E, 0x6F, 0x74, 0x65, 0x3A, 0x20, 0xE9, 0x0A])
        try workspace.writeBytes("registry/latin1.yaml", bytes)
        let result = try modelreg(["verify"], in: workspace.root)
        #expect(result.status == 1)
        #expect(result.stderr.contains("registry/deep.yaml:1:") && result.stderr.contains("[yaml-depth]"), "\(result.stderr)")
        #expect(result.stderr.contains("registry/huge.yaml:1:1: error: ") && result.stderr.contains("[yaml-size]"))
        #expect(result.stderr.contains("registry/latin1.yaml:7:7: error: ") && result.stderr.contains("[yaml-encoding]"), "\(result.stderr)")
    }

    @Test func noRegistryIsExitTwo() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let result = try modelreg(["verify", "--registry", workspace.root + "/missing"], in: workspace.root)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("modelreg: error: no registry folder at "))
    }

    @Test func usageErrorIsExit64() throws {
        let result = try modelreg(["verify", "--no-such-flag"], in: packageRoot)
        #expect(result.status == 64)
    }

    @Test func schemaBesideTheRegistryIsUsed() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try workspace.write("registry/a.yaml", Workspace.model("a"))
        let tightened = """
            {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object", "required": ["huggingface_id"]}
            """
        try workspace.write("schemas/model.schema.json", tightened)
        let result = try modelreg(["verify"], in: workspace.root)
        #expect(result.status == 1)
        #expect(result.stderr.contains("registry/a.yaml:1:1: error: ") && result.stderr.contains("huggingface_id"))
        #expect(result.stderr.contains("[schema]"))
        // --schema wins over the one beside the registry; the built-in one is used when neither exists.
        try FileManager.default.removeItem(atPath: workspace.root + "/schemas/model.schema.json")
        #expect(try modelreg(["verify"], in: workspace.root).status == 0)
    }

    @Test func unusableSchemaIsExitTwo() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try workspace.write("registry/a.yaml", Workspace.model("a"))
        try workspace.write("s.json", #"{"unevaluatedProperties": false}"#)
        let result = try modelreg(["verify", "--schema", "s.json"], in: workspace.root)
        #expect(result.status == 2)
        #expect(result.stderr.contains("unevaluatedProperties"))
    }
}
