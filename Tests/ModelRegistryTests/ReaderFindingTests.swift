import Foundation
import Testing

@testable import ModelRegistry
import YAML

/// Bad input the examples cannot show as text: each becomes a located finding, never a crash.
@Suite struct ReaderFindingTests {
    func finding(for bytes: [UInt8], limits: YAMLLimits = .default) -> Finding? {
        if case .unreadable(let finding) = DocumentLoader(limits: limits).load(bytes: bytes, displayPath: "registry/x.yaml") {
            return finding
        }
        return nil
    }

    @Test func invalidUTF8IsLocated() throws {
        var bytes = Array("schema_version: 1\nname: ab".utf8)
        bytes.append(0xFF)
        bytes.append(contentsOf: Array("c\n".utf8))
        let found = try #require(finding(for: bytes))
        #expect(found.ruleID == "yaml-encoding")
        #expect(found.location.line == 2)
        #expect(found.location.column == 9)
    }

    @Test func oversizedFileIsRefusedBeforeParsing() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("modelreg-big-\(UUID().uuidString).yaml").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let text = "metadata:\n" + String(repeating: "  k: \(String(repeating: "v", count: 60))\n", count: 20_000)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        guard case .unreadable(let found) = DocumentLoader().load(path: path, displayPath: "big.yaml") else {
            Issue.record("a 1.3 MB file was accepted")
            return
        }
        #expect(found.ruleID == "yaml-size")
        #expect(found.location.path == "big.yaml")
        // The limit is configurable.
        guard case .unreadable(let again) = DocumentLoader(limits: YAMLLimits(maxDepth: 64, maxBytes: 4 << 20)).load(path: path, displayPath: "big.yaml")
        else { return }
        #expect(again.ruleID != "yaml-size")
    }

    @Test func emptyFileIsNotAModel() throws {
        let found = try #require(finding(for: Array("# only a comment\n".utf8)))
        #expect(found.ruleID == "top-level-mapping")
        #expect(found.message.contains("empty"))
    }

    @Test func billionLaughsIsRefusedQuickly() throws {
        var text = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        for level in 1..<10 { text += "\(Character(UnicodeScalar(97 + level)!)): &\(Character(UnicodeScalar(97 + level)!)) [" + Array(repeating: "*\(Character(UnicodeScalar(96 + level)!))", count: 9).joined(separator: ",") + "]\n" }
        let found = try #require(finding(for: Array(text.utf8)))
        #expect(found.ruleID == "yaml-alias")
        #expect(found.location.line == 1)
    }

    @Test func versionLikeNumberGetsAQuotingHint() throws {
        let text = """
            schema_version: 1
            id: x
            name: X
            type: dense
            license: mit
            description: d
            architecture:
              variant: 1.10
            """
        guard case .document(let document) = DocumentLoader().load(bytes: Array(text.utf8), displayPath: "registry/x.yaml") else {
            Issue.record("did not parse")
            return
        }
        let findings = Linter(schema: .builtIn).checkDocument(document).filter { $0.ruleID == "schema" }
        let finding = try #require(findings.first)
        #expect(finding.location.line == 8 && finding.location.column == 12)
        #expect(finding.message.contains("quote it (\"1.10\")"), "\(finding.message)")
    }

    @Test func yesIsAStringNotABoolean() throws {
        let text = """
            schema_version: 1
            id: x
            name: X
            type: dense
            license: mit
            description: d
            capabilities:
              multi_vector: yes
            """
        guard case .document(let document) = DocumentLoader().load(bytes: Array(text.utf8), displayPath: "registry/x.yaml") else {
            Issue.record("did not parse")
            return
        }
        let finding = try #require(Linter(schema: .builtIn).checkDocument(document).first { $0.ruleID == "schema" })
        #expect(finding.message.contains("write true or false"), "\(finding.message)")
    }
}

/// A FIFO named like a model file is refused, not waited on: opening it for reading would block until a writer came.
@Suite struct SpecialFileTests {
    @Test func aFIFONamedLikeAModelFileIsAFailureNotAHang() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("modelreg-fifo-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(mkfifo(folder + "/pipe.yaml", 0o644) == 0)
        guard case .failed(let message) = DocumentLoader().load(path: folder + "/pipe.yaml", displayPath: "pipe.yaml") else {
            Issue.record("a FIFO was read as a model file")
            return
        }
        #expect(message.contains("pipe.yaml"), "\(message)")
    }
}
