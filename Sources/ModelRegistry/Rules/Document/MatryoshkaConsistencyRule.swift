/// Matryoshka truncation sizes agree with the capability flag and the embedding size.
public struct MatryoshkaConsistencyRule: DocumentRule {
    public static let description = RuleDescription(
        id: "matryoshka-consistency",
        summary: """
            `capabilities.matryoshka` is true exactly when `architecture.matryoshka_dims` is non-empty; the dims are \
            strictly descending and none exceeds `specs.embedding_dim`.
            """,
        rationale: """
            Consumers truncate vectors to the listed sizes; a size above the embedding width cannot be produced, and \
            a flag without sizes (or sizes without the flag) leaves them guessing.
            """,
        valid: [
            RuleExample(
                """
                schema_version: 1
                id: nested-embedder
                name: Nested Embedder
                type: dense
                license: apache-2.0
                description: Truncatable to smaller sizes.
                architecture:
                  matryoshka_dims: [768, 512, 256, 128, 64]
                specs:
                  embedding_dim: 768
                capabilities:
                  matryoshka: true
                """)
        ],
        invalid: [
            RuleExample(
                """
                schema_version: 1
                id: nested-embedder
                name: Nested Embedder
                type: dense
                license: apache-2.0
                description: The flag without sizes.
                specs:
                  embedding_dim: 768
                capabilities:
                  matryoshka: ↓true
                """),
            RuleExample(
                """
                schema_version: 1
                id: nested-embedder
                name: Nested Embedder
                type: dense
                license: apache-2.0
                description: Sizes without the flag.
                architecture:
                  matryoshka_dims: ↓[768, 256]
                specs:
                  embedding_dim: 768
                """),
            RuleExample(
                """
                schema_version: 1
                id: nested-embedder
                name: Nested Embedder
                type: dense
                license: apache-2.0
                description: A size above the embedding width, and sizes out of order.
                architecture:
                  matryoshka_dims: [↓1024, 256, ↓512]
                specs:
                  embedding_dim: 768
                capabilities:
                  matryoshka: true
                """),
        ]
    )

    public init() {}

    public func check(_ document: ModelDocument, context: LintContext, into findings: inout [Finding]) {
        let flag = document.value.member(path: "capabilities.matryoshka")?.asBool
        let dims = document.value.member(path: "architecture.matryoshka_dims")?.asArray
        let hasDims = !(dims?.isEmpty ?? true)
        if flag == true && !hasDims {
            findings.append(
                document.finding(
                    Self.self, at: document.location(of: "capabilities.matryoshka"),
                    "`capabilities.matryoshka` is true but `architecture.matryoshka_dims` is missing or empty"))
        }
        if flag != true && hasDims {
            findings.append(
                document.finding(
                    Self.self, at: document.location(of: "architecture.matryoshka_dims"),
                    "`architecture.matryoshka_dims` is set but `capabilities.matryoshka` is not true"))
        }
        guard let dims else { return }
        let embedding = document.value.member(path: "specs.embedding_dim")?.asInt
        var previous: Int?
        for (index, item) in dims.enumerated() {
            guard let value = item.asInt else { continue }
            // Located only when there is something to report.
            var location: SourceLocation {
                document.location(of: [.key("architecture"), .key("matryoshka_dims"), .index(index)])
            }
            if let embedding, value > embedding {
                findings.append(
                    document.finding(
                        Self.self, at: location, "Matryoshka size \(value) exceeds `specs.embedding_dim` (\(embedding))"))
            } else if let previous, value >= previous {
                findings.append(
                    document.finding(
                        Self.self, at: location,
                        "`architecture.matryoshka_dims` must be strictly descending: \(value) follows \(previous)"))
            }
            previous = value
        }
    }
}
