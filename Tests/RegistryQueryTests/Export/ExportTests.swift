import Foundation
import JSONSchema
import Testing

@testable import RegistryQuery

/// The derived files, compared with golden files in Fixtures/golden (`UPDATE_GOLDENS=1` rewrites them).
@Suite struct ExportTests {
    @Test func jsonIndexGolden() {
        expectGolden(ExportFormat.json.render(fixtureRegistry), "index.json")
    }

    @Test func markdownCatalogGolden() {
        expectGolden(ExportFormat.markdown.render(fixtureRegistry), "MODELS.md")
    }

    @Test func swiftSourceGolden() {
        expectGolden(ExportFormat.swift.render(fixtureRegistry), "Models.swift")
    }

    @Test func listingGoldens() {
        let entries = fixtureRegistry.select(EntryFilter(includeDeprecated: true))
        expectGolden(EntryListing.render(entries, format: .table), "list.txt")
        expectGolden(EntryListing.render(entries, format: .csv), "list.csv")
        #expect(EntryListing.render(entries, format: .ids).split(separator: "\n").count == 10)
        #expect(EntryListing.render([], format: .table) == "ID  TYPE  DIM  CONTEXT  ROLES  STATUS\n")
    }

    @Test func jsonIndexMaps() throws {
        let index = JSONIndex.value(of: fixtureRegistry)
        #expect(index.member("models")?.asArray?.count == 10)
        #expect(index.member("aliases")?.member("TinyColBERT")?.asString == "tiny-colbert")
        #expect(index.member("aliases")?.member("legacy-dense")?.asString == "old-dense")
        #expect(index.member("roles")?.member("chat") == .array(["chat-lm", "small-vlm", "base-lm", "base-lm-coder", "chat-lm-ru"].map(JSONValue.string)))
        #expect(index.member("types")?.member("colbert") == .array([.string("big-colbert"), .string("tiny-colbert")]))
        #expect(index.member("huggingface")?.member("example/base-lm")?.asString == "base-lm")
        #expect(index.member("roles")?.asObject?.keys == fixtureRegistry.roles)
    }

    @Test func swiftIdentifiers() {
        #expect(SwiftSource.identifier(for: "colbert-v2") == "colbertV2")
        #expect(SwiftSource.identifier(for: "qwen2.5-0.5b-instruct") == "qwen2_5_0_5bInstruct")
        #expect(SwiftSource.identifier(for: "3b-model") == "_3bModel")
        #expect(SwiftSource.constantNames(for: ["all", "default", "a-b", "aB"]) == ["all_2", "`default`", "aB", "aB_2"])
        #expect(SwiftSource.literal("a \"b\" \\ c\n\u{1}é") == #""a \"b\" \\ c\n\u{1}é""#)
    }

    /// The generated source compiles, and its lookups answer as the registry does.
    @Test(.enabled(if: swiftCompiler != nil)) func generatedSwiftCompilesAndRuns() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("registryquery-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try ExportFormat.swift.render(fixtureRegistry).write(to: directory.appendingPathComponent("Models.swift"), atomically: true, encoding: .utf8)
        try """
            precondition(RegistryModels.all.count == 10)
            precondition(RegistryModels.model(named: "tinycolbert")?.id == "tiny-colbert")
            precondition(RegistryModels.model(id: "TinyColBERT") == nil)
            precondition(RegistryModels.oldDense.deprecation?.replacedBy == "mini-dense")
            precondition(RegistryModels.smallVlm.name == "Small VLM | 2B")
            precondition(RegistryModels.smallVlm.description.contains("backslash \\\\ and a pipe |"))
            print("ok")

            """.write(to: directory.appendingPathComponent("main.swift"), atomically: true, encoding: .utf8)
        let binary = directory.appendingPathComponent("check").path
        let compile = try runTool(swiftCompiler!, ["-swift-version", "6", "-o", binary, directory.appendingPathComponent("Models.swift").path, directory.appendingPathComponent("main.swift").path])
        #expect(compile.status == 0, "\(compile.output)")
        guard compile.status == 0 else { return }
        let run = try runTool(binary, [])
        #expect(run.status == 0 && run.output == "ok\n", "\(run.output)")
    }
}

/// `swiftc` on the PATH, if any.
let swiftCompiler: String? = {
    for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
        let candidate = directory + "/swiftc"
        if FileManager.default.isExecutableFile(atPath: String(candidate)) { return String(candidate) }
    }
    return nil
}()

func runTool(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}
