import Foundation
import Testing

@testable import ModelRegistry

/// Files derived from the code or from the schema must be in step with their source.
@Suite struct GeneratedFilesTests {
    @Test func builtInSchemaIsTheSchemaFile() throws {
        let file = try String(contentsOfFile: packageRoot + "/schemas/model.schema.json", encoding: .utf8)
        #expect(
            BundledSchema.text == file.trimmingCharacters(in: .newlines),
            "Sources/ModelRegistry/Schema/BundledSchema.swift is stale: run `make schema`")
    }

    @Test func rulesDocumentationIsCurrent() throws {
        let file = try String(contentsOfFile: packageRoot + "/docs/rules.md", encoding: .utf8)
        #expect(file == RuleDocumentation.markdown(), "docs/rules.md is stale: run `make docs`")
    }

    @Test func theBuiltInSchemaCompiles() {
        #expect(ModelSchema.builtIn.json.member("properties")?.member("id") != nil)
    }
}

/// The bundled registry is real and clean.
@Suite struct BundledRegistryTests {
    @Test func bundledRegistryVerifiesClean() throws {
        let directory = packageRoot + "/registry"
        let inputs = try RegistryLocator.modelFiles(in: directory).map { LintInput(path: $0, displayPath: $0) }
        #expect(inputs.count >= 15)
        let report = Linter(schema: try ModelSchema.load(path: packageRoot + "/schemas/model.schema.json")).verify(inputs)
        #expect(report.findings.isEmpty, "\(report.findings.map(\.description))")
        #expect(report.documents.count == inputs.count)
    }

    @Test func bundledRegistryCoversTheFeatures() throws {
        let directory = packageRoot + "/registry"
        let inputs = try RegistryLocator.modelFiles(in: directory).map { LintInput(path: $0, displayPath: $0) }
        let documents = Linter(schema: .builtIn).lint(inputs).documents
        let values = documents.map(\.value)
        #expect(values.contains { $0.member("fine_tuned_from") != nil }, "a fine-tune with lineage")
        #expect(values.contains { $0.member(path: "deprecated.replaced_by") != nil }, "a deprecated model with a replacement")
        #expect(values.contains { $0.member(path: "capabilities.matryoshka")?.asBool == true }, "a Matryoshka model")
        #expect(values.contains { ($0.member("roles")?.asArray ?? []).contains { $0.asString == "caption" } }, "a caption model")
        #expect(values.contains { $0.member(path: "version_lock.locked")?.asBool == true }, "a locked model")
        #expect(documents.allSatisfy { $0.id.map { "\($0).yaml" } == $0.path.split(separator: "/").last.map(String.init) })
    }
}
