import ModelRegistry
import Testing
import YAML

/// Every operation at every path of a few files: each one either works (and the editor's own
/// read-back check passed) or is refused for a reason that is about the input, never because
/// the editor produced something it could not read back.
@Suite("YAMLEditor: every edit everywhere")
struct YAMLEditorRobustnessTests {
    static let awkward = """
        a:
        - x
        -   - y
            - z
        - k: v
          j:
          - 1
        b: |+
          t

        c: {p: [1, {q: 2}], r: }
        d:
          # c
          - e  # f

          - g
        """

    static let documents: [(String, String)] = [
        ("colbert", EditingFixtures.colbert),
        ("colbert-crlf", EditingFixtures.colbert.replacing("\n", with: "\r\n")),
        ("e5-no-final-break", String(EditingFixtures.e5Large.dropLast())),
        ("awkward", awkward),
        ("awkward-crlf", awkward.replacing("\n", with: "\r\n")),
    ]

    static let values: [EditValue] = [
        "x y", 7, 2.5, .null, true, [], ["a", "b"], ["k": "v", "n": ["m": 1]], [:], "two\nlines\n", "",
    ]

    @Test(arguments: documents.map(\.0))
    func everyEditWorksOrIsRefusedCleanly(name: String) throws {
        let text = try #require(Self.documents.first { $0.0 == name }?.1)
        let editor = try YAMLEditor(text: text, path: name)
        var paths: [[String]] = []
        func collect(_ node: YAMLNode, _ prefix: [String]) {
            if !prefix.isEmpty { paths.append(prefix) }
            switch node.content {
            case .mapping(let pairs):
                for pair in pairs {
                    if case .scalar(let key) = pair.key.content { collect(pair.value, prefix + [key.text]) }
                }
            case .sequence(let items):
                for (index, item) in items.enumerated() { collect(item, prefix + [String(index)]) }
            case .scalar:
                break
            }
        }
        collect(try #require(editor.root), [])

        var operations: [(String, (inout YAMLEditor) throws -> Void)] = []
        for path in paths {
            for value in Self.values {
                operations.append(("set \(path) \(value)", { try $0.set(path, to: value) }))
                operations.append(("set \(path + ["new"]) \(value)", { try $0.set(path + ["new"], to: value) }))
            }
            operations.append(("remove \(path)", { try $0.remove(path) }))
            operations.append(("prune \(path)", { try $0.remove(path, pruningEmptyParents: true) }))
            operations.append(("append \(path)", { try $0.append(path, ["k": 1]) }))
            operations.append(("remove items \(path)", { try $0.removeItems(path) { _ in true } }))
        }
        let crlf = name.hasSuffix("-crlf")
        for (label, operation) in operations {
            var copy = editor
            do {
                try operation(&copy)
            } catch let error as EditError {
                let message = error.message
                #expect(!message.contains("bug") && !message.contains("unreadable"), "\(label): \(message)")
                continue
            }
            let bytes = copy.bytes
            if crlf {
                let lone = bytes.indices.contains { bytes[$0] == 10 && ($0 == 0 || bytes[$0 - 1] != 13) }
                #expect(!lone, "\(label) wrote a bare LF into a CR LF file")
            }
            if text.hasPrefix("# yaml-language-server") {
                #expect(copy.text.hasPrefix("# yaml-language-server"), "\(label)")
            }
        }
    }
}
