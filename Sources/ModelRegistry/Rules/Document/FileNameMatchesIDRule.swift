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

    public func check(_ document: ModelDocument, context: LintContext, into findings: inout [Finding]) {
        guard let id = document.id else { return }
        let expected = "\(id).yaml"
        let path = document.path.utf8
        let name = path.lastIndex(of: UInt8(ascii: "/")).map { path[path.index(after: $0)...] } ?? path[...]
        guard !name.elementsEqual(expected.utf8) else { return }
        let fileName = String(Substring(name))
        findings.append(
            document.finding(
                Self.self, at: document.location(of: "id"),
                "id `\(id)` does not match the file name `\(fileName)`; name the file `\(expected)`"))
    }
}
