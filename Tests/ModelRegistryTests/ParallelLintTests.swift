import Foundation
import JSONSchema
import Testing

@testable import ModelRegistry

/// A registry large enough for every core to take part (each worker after the first with a schema compiled for it
/// alone) is checked exactly as its files are one by one.
@Suite struct ParallelLintTests {
    @Test func aSeparateCopyOfTheSchemaIsCompiledAnewAndJudgesAlike() throws {
        let schema = ModelSchema.builtIn
        let copy = schema.separateCopy()
        #expect(copy.compiled !== schema.compiled)
        #expect(copy.text == schema.text && copy.origin == schema.origin)
        let documents = [
            #"{"id": "x"}"#, #"{"schema_version": 1, "id": "ok", "name": "Ok", "type": "dense", "license": "mit", "description": "d"}"#,
            #"{"schema_version": 1, "id": "Bad Id", "type": "nope", "extra": true}"#, "[1]",
        ]
        for text in documents {
            let value = try JSONParser.parse(Array(text.utf8))
            let original = schema.compiled.validate(value).map(\.message)
            #expect(copy.compiled.validate(value).map(\.message) == original, "\(text)")
        }
    }

    @Test func everyWorkerReportsWhatTheFileAloneGives() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("modelreg-parallel-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var inputs: [LintInput] = []
        for index in 0..<600 {
            let id = String(format: "model-%04d", index)
            // Every seventh file breaks a schema rule, every eleventh a document rule.
            let type = index % 7 == 0 ? "no-such-type" : "dense"
            let context = index % 11 == 0 ? "  context_length: 9000\n  max_position_embeddings: 512\n" : ""
            let text = """
                schema_version: 1
                id: \(id)
                name: Model \(index)
                type: \(type)
                license: mit
                description: A generated model.
                specs:
                  embedding_dim: 384
                \(context)
                """
            let path = folder + "/" + id + ".yaml"
            // Every thirteenth file cannot be read at all, leaving gaps among the extracts; the last file claims the
            // first one's id, which only the cross-file rules see.
            let written = index % 13 == 5 ? "id: [unclosed\n" : index == 599 ? text.replacingOccurrences(of: "id: \(id)", with: "id: model-0001") : text
            try written.write(toFile: path, atomically: true, encoding: .utf8)
            inputs.append(LintInput(path: path, displayPath: id + ".yaml"))
        }
        let linter = Linter(schema: .builtIn)
        let report = linter.verify(inputs, keepingDocuments: false)
        var expected: [Finding] = []
        var unreadable = 0
        for input in inputs {
            switch linter.loader.load(path: input.path, displayPath: input.displayPath) {
            case .document(let document): expected += linter.checkDocument(document)
            case .unreadable(let finding):
                expected.append(finding)
                unreadable += 1
            case .failed(let message): Issue.record("\(message)")
            }
        }
        let perFile = report.findings.filter { $0.ruleID != "id-unique" }
        #expect(perFile.count == expected.count)
        #expect(perFile == expected.sorted())
        let clash = report.findings.filter { $0.ruleID == "id-unique" }
        #expect(clash.map(\.location.path) == ["model-0599.yaml"], "the last file's id is the first's: \(clash)")
        #expect(unreadable == (0..<600).filter { $0 % 13 == 5 }.count)
        #expect(report.findings.filter { $0.ruleID == "schema" }.count == (0..<600).filter { $0 % 7 == 0 && $0 % 13 != 5 }.count)
        #expect(report.findings.contains { $0.ruleID == "context-within-positions" })
    }
}
