import Foundation
import Testing

/// `list`, `query`, `resolve`, `lineage` and `export`, run as the real binary against the
/// RegistryQuery fixture registry (and the bundled one for a smoke test).
@Suite struct QueryCommandsTests {
    static let fixtures = "Tests/RegistryQueryTests/Fixtures"
    static let registryOption = ["--registry", fixtures + "/registry"]

    func onFixtures(_ arguments: [String]) throws -> RunResult {
        try modelreg(arguments + Self.registryOption, in: packageRoot)
    }

    func golden(_ name: String) throws -> String {
        try String(contentsOfFile: packageRoot + "/" + Self.fixtures + "/golden/" + name, encoding: .utf8)
    }

    // MARK: list and query

    @Test func listHidesDeprecatedEntriesUnlessAsked() throws {
        let plain = try onFixtures(["list", "--format", "ids"])
        #expect(plain.status == 0)
        #expect(plain.stdout == "base-lm\nbase-lm-coder\nbig-colbert\nchat-lm\nmini-dense\nsmall-vlm\ntiny-colbert\nwhisper-tiny\n")
        let all = try onFixtures(["list", "--include-deprecated"])
        #expect(all.stdout == (try golden("list.txt")))
        let json = try onFixtures(["list", "--format", "json"])
        let items = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(items.count == 8)
        #expect(items.first?["id"] as? String == "base-lm")
    }

    @Test(arguments: [
        (["--type", "colbert"], "big-colbert tiny-colbert"),
        (["--type", "colbert,dense", "--max-embedding-dim", "128"], "big-colbert tiny-colbert"),
        (["--type", "colbert", "--type", "speech"], "big-colbert tiny-colbert whisper-tiny"),
        (["--language", "ru"], "base-lm big-colbert chat-lm small-vlm whisper-tiny"),
        (["--modality", "vision"], "small-vlm"),
        (["--role", "rerank"], "big-colbert tiny-colbert"),
        (["--organization", "example labs"], "base-lm mini-dense small-vlm tiny-colbert"),
        (["--license", "mit"], "tiny-colbert whisper-tiny"),
        (["--min-context", "8192"], "base-lm big-colbert small-vlm"),
        (["--matryoshka"], "big-colbert"),
        (["--multi-vector"], "big-colbert tiny-colbert"),
        (["--no-multi-vector", "--role", "retrieval"], "mini-dense"),
        (["--locked"], "mini-dense"),
        (["--no-locked", "--type", "dense", "--include-deprecated"], "old-dense"),
        (["--where", "priority exists", "--sort", "priority"], "big-colbert chat-lm tiny-colbert small-vlm"),
        (["--sort", "-specs.embedding_dim", "--type", "colbert,dense"], "mini-dense big-colbert tiny-colbert"),
        (["--sort=-specs.parameters", "--role", "chat"], "small-vlm base-lm chat-lm base-lm-coder"),
    ])
    func listFilters(arguments: [String], expected: String) throws {
        let result = try onFixtures(["list", "--format", "ids"] + arguments)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.split(separator: "\n").joined(separator: " ") == expected, "\(arguments)")
    }

    @Test func queryTakesAnExpression() throws {
        let result = try onFixtures([
            "query", "type in [colbert, dense] and specs.embedding_dim <= 384 and not deprecated", "--format", "ids",
        ])
        #expect(result.status == 0)
        #expect(result.stdout == "big-colbert\nmini-dense\ntiny-colbert\n")
        let deprecated = try onFixtures(["query", "deprecated", "--include-deprecated", "--format", "csv"])
        #expect(deprecated.stdout.split(separator: "\n").count == 3)
        #expect(deprecated.stdout.hasPrefix("id,name,type,license,"))
        let none = try onFixtures(["query", "type = sparse"])
        #expect(none.status == 0)
        #expect(none.stdout == "ID  TYPE  DIM  CONTEXT  ROLES  STATUS\n")
    }

    @Test func aMalformedExpressionIsALocatedUsageError() throws {
        let result = try onFixtures(["query", "type = dense and specs.embedding_dim <="])
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == """
            modelreg: error: query: column 40: expected a value after `<=`, found the end of the expression
              type = dense and specs.embedding_dim <=
                                                     ^

            """)
        let typo = try onFixtures(["list", "--where", "capabilities.languges contains de"])
        #expect(typo.status == 64)
        #expect(typo.stderr.hasPrefix("modelreg: error: --where: column 1: unknown field `capabilities.languges`; did you mean `capabilities.languages`?"))
        let sort = try onFixtures(["list", "--sort", "specs.dim"])
        #expect(sort.status == 64)
        #expect(sort.stderr.hasPrefix("modelreg: error: --sort: column 1: unknown field `specs.dim`"))
        let type = try onFixtures(["list", "--type", "colbret"])
        #expect(type.status == 64)
        #expect(type.stderr.contains("--type: `colbret` is not one of colbert, dense,"))
    }

    @Test func filesWithErrorsAreReportedOnStderr() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try workspace.write("registry/good.yaml", Workspace.model("good"))
        try workspace.write("registry/broken.yaml", "id: [unclosed\n")
        let result = try modelreg(["list", "--format", "ids"], in: workspace.root)
        #expect(result.status == 0)
        #expect(result.stdout == "good\n")
        #expect(result.stderr == "modelreg: warning: 1 file has errors, so entries may be missing or incomplete; run `modelreg verify`\n")
    }

    @Test func theBundledRegistryAnswers() throws {
        let list = try modelreg(["list", "--format", "ids"], in: packageRoot)
        #expect(list.status == 0)
        #expect(!list.stdout.split(separator: "\n").contains("e5-large"), "deprecated")
        let all = try modelreg(["list", "--include-deprecated"], in: packageRoot)
        #expect(all.stdout.split(separator: "\n").contains { $0.hasPrefix("e5-large ") && $0.hasSuffix("deprecated") })
        let captioner = try modelreg(["resolve", "caption"], in: packageRoot)
        #expect(captioner.status == 0)
        #expect(captioner.stdout == "qwen2-vl-2b-instruct\n")
        let lineage = try modelreg(["lineage", "vikhr-qwen-2.5-0.5b-instruct"], in: packageRoot)
        #expect(lineage.stdout == "qwen2.5-0.5b-instruct\n└── vikhr-qwen-2.5-0.5b-instruct  ← this model\n")
        let help = try modelreg(["--help"], in: packageRoot)
        for command in ["query", "resolve", "lineage", "export"] { #expect(help.stdout.contains("  \(command) ")) }
    }

    // MARK: resolve

    @Test func resolvePrintsTheModel() throws {
        #expect(try onFixtures(["resolve", "retrieval"]).stdout == "big-colbert\n")
        #expect(try onFixtures(["resolve", "chat"]).stdout == "chat-lm\n")
        #expect(try onFixtures(["resolve", "caption"]).stdout == "small-vlm\n")
        #expect(try onFixtures(["resolve", "rerank", "--require", "quantization:fp16"]).stdout == "tiny-colbert\n")
        #expect(try onFixtures(["resolve", "chat", "--require", "backend:vllm", "--require", "language:en"]).stdout == "small-vlm\n")
        #expect(try onFixtures(["resolve", "chat", "--prefer", "base-lm"]).stdout == "base-lm\n")
        #expect(try onFixtures(["resolve", "caption", "--prefer", "base-lm"]).stdout == "small-vlm\n")
    }

    @Test func resolveExplainsAndSpeaksJSON() throws {
        let explained = try onFixtures(["resolve", "retrieval", "--require", "language:en", "--explain"])
        #expect(explained.stdout == """
            retrieval → big-colbert
            requires: language:en
            candidates, by priority (lower first, none last) then id:
              big-colbert   chosen; priority 1
              tiny-colbert  qualifies, but big-colbert comes first; priority 2
              mini-dense    qualifies, but big-colbert comes first; no priority
              old-dense     passed over: deprecated, replaced by mini-dense

            """)
        let json = try onFixtures(["resolve", "caption", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["model"] as? String == "small-vlm")
        #expect(object["requires"] as? [String] == ["vision"])
        #expect((object["entry"] as? [String: Any])?["name"] as? String == "Small VLM | 2B")
        #expect((object["candidates"] as? [[String: Any]])?.first?["verdict"] as? String == "chosen")
    }

    @Test func resolveErrorsSayWhatIsMissing() throws {
        let none = try onFixtures(["resolve", "embedding", "--require", "multi-vector"])
        #expect(none.status == 1)
        #expect(none.stdout.isEmpty)
        #expect(none.stderr == """
            modelreg: error: no model serves `embedding` with `multi-vector`; closest:
              mini-dense: lacks multi-vector
              old-dense: deprecated, replaced by mini-dense; lacks multi-vector

            """)
        let json = try onFixtures(["resolve", "embedding", "--require", "multi-vector", "--format", "json"])
        #expect(json.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((object["closest"] as? [[String: Any]])?.map { $0["id"] as? String } == ["mini-dense", "old-dense"])
        let role = try onFixtures(["resolve", "captoin"])
        #expect(role.status == 1)
        #expect(role.stderr.hasPrefix("modelreg: error: no entry has the role `captoin`; did you mean `caption`?"))
        let capability = try onFixtures(["resolve", "chat", "--require", "telepathy"])
        #expect(capability.status == 64)
        #expect(capability.stderr.contains("unknown capability `telepathy`"))
        let preferred = try onFixtures(["resolve", "chat", "--prefer", "nobody"])
        #expect(preferred.status == 1)
        #expect(preferred.stderr.contains("--prefer: no model with id or alias `nobody`"))
    }

    // MARK: lineage

    @Test func lineageDrawsTheFamily() throws {
        let text = try onFixtures(["lineage", "base-lm"])
        #expect(text.status == 0)
        #expect(text.stdout == """
            base-lm  ← this model
            ├── base-lm-coder
            └── chat-lm
                └── chat-lm-ru (deprecated)

            """)
        let mermaid = try onFixtures(["lineage", "chat-lm-ru", "--format", "mermaid"])
        #expect(mermaid.stdout.hasPrefix("graph TD\n    n0[\"base-lm\"]\n    n1[\"chat-lm\"]\n    n2[\"chat-lm-ru\"]\n"))
        let dot = try onFixtures(["lineage", "chat-lm", "--format", "dot"])
        #expect(dot.stdout.contains("\"base-lm\" -> \"chat-lm\";\n"))
        let unknown = try onFixtures(["lineage", "chat-ln"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr == "modelreg: error: no model with id or alias `chat-ln`; did you mean `chat-lm`?\n")
    }

    @Test func lineageRefusesCycles() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try workspace.write("registry/a.yaml", Workspace.model("a", extra: "fine_tuned_from: b\n"))
        try workspace.write("registry/b.yaml", Workspace.model("b", extra: "fine_tuned_from: a\n"))
        let result = try modelreg(["lineage", "a"], in: workspace.root)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("modelreg: error: `fine_tuned_from` forms a cycle: a → b → a;"))
        #expect(try modelreg(["verify"], in: workspace.root).status == 1, "the verifier rejects the cycle too")
    }

    // MARK: export

    @Test(arguments: [("json", "index.json"), ("markdown", "MODELS.md"), ("swift", "Models.swift")])
    func exportMatchesTheGoldenFiles(format: String, file: String) throws {
        let result = try onFixtures(["export", "--format", format])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == (try golden(file)))
        let check = try onFixtures(["export", "--format", format, "--check", Self.fixtures + "/golden/" + file])
        #expect(check.status == 0, "\(check.stderr)")
    }

    @Test func exportWritesAndChecks() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try workspace.write("registry/a.yaml", Workspace.model("a", extra: "roles: [chat]\n"))
        let written = try modelreg(["export", "--format", "markdown", "--output", "MODELS.md"], in: workspace.root)
        #expect(written.status == 0)
        #expect(written.stdout.isEmpty)
        #expect(try modelreg(["export", "--format", "markdown", "--check", "MODELS.md"], in: workspace.root).status == 0)
        try workspace.write("registry/b.yaml", Workspace.model("b"))
        let stale = try modelreg(["export", "--format", "markdown", "--check", "MODELS.md"], in: workspace.root)
        #expect(stale.status == 1)
        #expect(stale.stderr.hasPrefix("modelreg: error: MODELS.md is stale (it first differs at line 5)"))
        #expect(stale.stderr.hasSuffix("regenerate it with `modelreg export --format markdown --output MODELS.md`\n"))
        let missing = try modelreg(["export", "--format", "swift", "--swift-access", "internal", "--check", "Models.swift"], in: workspace.root)
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("create it with `modelreg export --format swift --swift-access internal --output Models.swift`"))
        let internalAccess = try modelreg(["export", "--format", "swift", "--swift-access", "internal", "--swift-namespace", "Catalog"], in: workspace.root)
        #expect(internalAccess.stdout.contains("\nenum Catalog {\n"))
        #expect(internalAccess.stdout.contains("\n    static let a = RegistryModel("))
        let both = try modelreg(["export", "--output", "x", "--check", "y"], in: workspace.root)
        #expect(both.status == 64)
        let badName = try modelreg(["export", "--format", "swift", "--swift-type", "Not A Name"], in: workspace.root)
        #expect(badName.status == 64)
    }

    // MARK: the build-tool plugin

    /// Builds a copy of Examples/ModelCatalog (its RegistryCodegen plugin compiles the registry in), runs
    /// it, adds a model file and checks the rebuilt program sees it. It compiles the whole package once
    /// more, so it runs only with MODELREG_TEST_EXAMPLE=1.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["MODELREG_TEST_EXAMPLE"] == "1"))
    func thePluginBuildsTheExample() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let example = packageRoot + "/Examples/ModelCatalog"
        let manifest = try String(contentsOfFile: example + "/Package.swift", encoding: .utf8)
            .replacingOccurrences(of: "path: \"../..\"", with: "path: \"\(packageRoot)\"")
        try workspace.write("Package.swift", manifest)
        let source = try String(contentsOfFile: example + "/Sources/ModelCatalog/ModelCatalog.swift", encoding: .utf8)
        try workspace.write("Sources/ModelCatalog/ModelCatalog.swift", source)
        for name in try FileManager.default.contentsOfDirectory(atPath: packageRoot + "/registry") where name.hasSuffix(".yaml") {
            try workspace.write("registry/" + name, try String(contentsOfFile: packageRoot + "/registry/" + name, encoding: .utf8))
        }
        let count = try FileManager.default.contentsOfDirectory(atPath: workspace.root + "/registry").count
        let build = { try run("/usr/bin/env", ["swift", "build", "--package-path", workspace.root], in: workspace.root) }
        let first = try build()
        #expect(first.status == 0, "\(first.stdout)\(first.stderr)")
        let program = workspace.root + "/.build/debug/ModelCatalog"
        let output = try run(program, [], in: workspace.root)
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.hasPrefix("\(count) models compiled in\ncolbertv2 is colbert-v2: 128-dimensional, mit\n"))
        #expect(output.stdout.contains("caption → qwen2-vl-2b-instruct\n"))
        try workspace.write("registry/zz-new.yaml", Workspace.model("zz-new"))
        let second = try build()
        #expect(second.status == 0, "\(second.stdout)\(second.stderr)")
        #expect(try run(program, [], in: workspace.root).stdout.hasPrefix("\(count + 1) models compiled in\n"))
    }
}
