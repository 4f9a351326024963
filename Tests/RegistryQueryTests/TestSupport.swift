import Foundation
import ModelRegistry
import Testing

@testable import RegistryQuery

/// This test target's folder, derived from this file's path.
let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path

/// The fixtures: a small registry covering every feature, and the golden files.
let fixturesDirectory = testsDirectory + "/Fixtures"

/// The fixture registry, read and checked as `modelreg verify` would.
let fixtureRegistry: Registry = {
    do {
        return try Registry.open(
            directory: fixturesDirectory + "/registry", relativeTo: fixturesDirectory, schema: .builtIn)
    } catch {
        fatalError("cannot open the fixture registry: \(error)")
    }
}()

/// A registry built from YAML texts, keyed by id (the file is `registry/<id>.yaml`).
func registry(_ files: [String: String]) -> Registry {
    Registry(files: files.map { RegistryFile(path: "registry/\($0.key).yaml", text: $0.value) })
}

/// A minimal valid model file with extra YAML lines.
func model(_ id: String, type: String = "dense", _ extra: String = "") -> String {
    """
    schema_version: 1
    id: \(id)
    name: \(id)
    type: \(type)
    license: mit
    description: A test model.

    """ + extra
}

/// Compares `actual` with the golden file `Fixtures/golden/<name>`; `UPDATE_GOLDENS=1` rewrites it.
func expectGolden(_ actual: String, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let path = fixturesDirectory + "/golden/" + name
    if ProcessInfo.processInfo.environment["UPDATE_GOLDENS"] == "1" {
        try? actual.write(toFile: path, atomically: true, encoding: .utf8)
        return
    }
    guard let expected = FileManager.default.contents(atPath: path).map({ String(decoding: $0, as: UTF8.self) }) else {
        Issue.record("missing golden file \(path): run the tests with UPDATE_GOLDENS=1", sourceLocation: sourceLocation)
        return
    }
    if actual != expected {
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let first = zip(actualLines, expectedLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(actualLines.count, expectedLines.count)
        let got = first < actualLines.count ? String(actualLines[first]) : "<end>"
        let want = first < expectedLines.count ? String(expectedLines[first]) : "<end>"
        Issue.record(
            "\(name) differs from its golden file at line \(first + 1):\n  got:  \(got)\n  want: \(want)\n(UPDATE_GOLDENS=1 rewrites it)",
            sourceLocation: sourceLocation)
    }
}

/// The ids of entries.
func ids(_ entries: [ModelEntry]) -> [String] { entries.map(\.id) }
