import Foundation
import JSONSchema
import Testing

@testable import ModelRegistry

/// The package root, derived from this file's path (Tests/ModelRegistryTests/TestSupport.swift).
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

/// A marker's position in an example, 1-based like every location.
struct MarkedPosition: Hashable, CustomStringConvertible {
    var path: String
    var line: Int
    var column: Int
    var description: String { "\(path):\(line):\(column)" }
}

/// An example with its markers removed and their positions recorded.
struct PreparedExample {
    var files: [(path: String, text: String)] = []
    /// The files before the change, for change rules (a marker here points into a deleted file).
    var baseFiles: [(path: String, text: String)] = []
    var markers: [MarkedPosition] = []

    init(_ example: RuleExample) {
        for file in example.files { files.append(prepare(file)) }
        for file in example.baseFiles { baseFiles.append(prepare(file)) }
    }

    private mutating func prepare(_ file: ExampleFile) -> (path: String, text: String) {
        var clean = ""
        var line = 1
        var column = 1
        for character in file.text {
            if character == RuleExample.marker {
                markers.append(MarkedPosition(path: file.path, line: line, column: column))
                continue
            }
            clean.append(character)
            if character == "\n" {
                line += 1
                column = 1
            } else {
                column += character.unicodeScalars.count
            }
        }
        return (file.path, clean)
    }
}

/// Runs every rule on an example, in memory, the way `verify` would.
func runAllRules(on example: PreparedExample, schema: ModelSchema = .builtIn) -> [Finding] {
    let linter = Linter(schema: schema)
    var findings: [Finding] = []
    var documents: [ModelDocument] = []
    for file in example.files {
        switch linter.loader.load(bytes: Array(file.text.utf8), displayPath: file.path) {
        case .unreadable(let finding):
            findings.append(finding)
        case .document(let document):
            documents.append(document)
            findings.append(contentsOf: linter.checkDocument(document))
        case .failed(let message):
            Issue.record("could not read an in-memory example: \(message)")
        }
    }
    findings.append(contentsOf: linter.checkRegistry(RegistrySnapshot(documents: documents)))
    if !example.baseFiles.isEmpty {
        let before = example.baseFiles.compactMap { file -> ModelDocument? in
            guard case .document(let document) = linter.loader.load(bytes: Array(file.text.utf8), displayPath: file.path)
            else { return nil }
            return document
        }
        let change = RegistryChange(base: before, head: documents)
        var changeFindings: [ChangeFinding] = []
        for rule in RuleCatalog.changeRules { rule.check(change, into: &changeFindings) }
        findings.append(contentsOf: changeFindings.map(\.finding))
    }
    return findings.sorted()
}
