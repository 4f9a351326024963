import Foundation
import Testing
import YAML

@Suite("Reader")
struct ReaderTests {
    @Test("a stream without a document is nil", arguments: ["", "\n\n", "# only\n# comments\n", "   ", "\u{FEFF}"])
    func empty(_ text: String) throws {
        #expect(try YAMLReader.parse(text) == nil)
    }

    @Test("an explicit empty document is a null scalar")
    func explicitEmptyDocument() throws {
        let root = try document("---\n")
        #expect(root.scalar?.resolved == .null)
    }

    @Test("the tree keeps source order and structure")
    func structure() throws {
        let root = try document(
            """
            name: bert
            version: 1.10
            tags: [nlp, "encoder"]
            files:
              - path: model.bin
                bytes: 0x10
            empty: {}
            none: []
            """)
        guard case .mapping(let pairs) = root.content else { throw TestFailure("not a mapping") }
        #expect(pairs.map { $0.key.scalar?.text } == ["name", "version", "tags", "files", "empty", "none"])
        #expect(root["version"]?.scalar?.resolved == .float(1.1))
        guard case .sequence(let tags)? = root["tags"]?.content else { throw TestFailure("tags") }
        #expect(tags.map { $0.scalar?.resolved } == [.string("nlp"), .string("encoder")])
        #expect(root["files"]?[0]?["bytes"]?.scalar?.resolved == .int(16))
        guard case .mapping(let empty)? = root["empty"]?.content, case .sequence(let none)? = root["none"]?.content
        else { throw TestFailure("empty collections") }
        #expect(empty.isEmpty && none.isEmpty)
    }

    @Test("a top-level scalar or sequence is a document too")
    func otherRoots() throws {
        #expect(try document("hello").scalar?.text == "hello")
        #expect(try document("- 1\n- 2\n")[1]?.scalar?.resolved == .int(2))
    }

    @Test("reads files, labelling locations with the display path")
    func readsFiles() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("yaml-read-\(UUID()).yaml")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data("name: ü\nsize: 3\n".utf8).write(to: url)
        let root = try #require(try YAMLReader.parse(contentsOf: url.path, displayPath: "models/x.yaml"))
        #expect(root["size"]?.start.description == "models/x.yaml:2:7")
        let plain = try #require(try YAMLReader.parse(contentsOf: url.path))
        #expect(plain.start.path == url.path)
        try Data().write(to: url)
        #expect(try YAMLReader.parse(contentsOf: url.path) == nil)
    }

    @Test("the same bytes parse the same way every time, from many tasks at once")
    func concurrent() async throws {
        let text = Array("a: [1, {b: ü}]\nc: |\n  x\n".utf8)
        try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    var total = 0
                    for _ in 0..<200 {
                        let root = try YAMLReader.parse(text, path: "t.yaml")
                        total += root?["c"]?.end.offset ?? 0
                    }
                    return total
                }
            }
            for try await total in group { #expect(total == 200 * text.count) }
        }
    }
}
