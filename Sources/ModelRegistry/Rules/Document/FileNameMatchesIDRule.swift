import Foundation
/// `registry/<id>.yaml`: the file name is the id, so a model is found by name without parsing anything.
public struct FileNameMatchesIDRule: DocumentRule {
    public static let description = RuleDescription(
        id: "file-name-matches-id",
        summary: "A model file is named after its id: `registry/<id>.yaml`.",
        rationale: """
            People and tools find a model by its file name, and git history is kept per file. A file whose name \
            differs from its id is a model that cannot be found where it should be.
            """,
        valid: [
            RuleExample(
                """
                schema_version: 1
                id: tiny-embedder
                name: Tiny Embedder
                type: dense
                license: mit
                description: Lives in registry/tiny-embedder.yaml.
                """)
        ],
        invalid: [
            RuleExample(
                """
                schema_version: 1
                id: ↓tiny-embedder
                name: Tiny Embedder
                type: dense
                license: mit
                description: Lives in the wrong file.
                """, path: "registry/small-embedder.yaml"),
            RuleExample(
                """
                schema_version: 1
                id: ↓tiny-embedder
                name: Tiny Embedder
                type: dense
                license: mit
                description: Uses the .yml extension.
                """, path: "registry/tiny-embedder.yml"),
        ]
    )

    public init() {}

    /// Whether the last component of `path` is exactly `<id>.yaml`, compared as bytes (no string is made).
    static func isFileName(of id: String, path: String) -> Bool {
        var id = id, path = path
        return id.withUTF8 { id in
            path.withUTF8 { path in
                let suffix = StaticString(".yaml")
                let nameLength = id.count + suffix.utf8CodeUnitCount
                guard path.count >= nameLength, !id.contains(UInt8(ascii: "/")) else { return false }
                let nameStart = path.count - nameLength
                if nameStart > 0 && path[nameStart - 1] != UInt8(ascii: "/") { return false }
                return (id.isEmpty || memcmp(path.baseAddress! + nameStart, id.baseAddress!, id.count) == 0)
                    && memcmp(path.baseAddress! + nameStart + id.count, suffix.utf8Start, suffix.utf8CodeUnitCount) == 0
            }
        }
    }

    public func check(_ document: ModelDocument, context: LintContext, into findings: inout [Finding]) {
        guard let id = document.id, !Self.isFileName(of: id, path: document.path) else { return }
        let expected = "\(id).yaml"
        let path = document.path.utf8
        let name = path.lastIndex(of: UInt8(ascii: "/")).map { path[path.index(after: $0)...] } ?? path[...]
        let fileName = String(Substring(name))
        findings.append(
            document.finding(
                Self.self, at: document.location(of: "id"),
                "id `\(id)` does not match the file name `\(fileName)`; name the file `\(expected)`"))
    }
}
