/// Sizes and dimensions are positive integers.
public struct PositiveDimensionsRule: DocumentRule {
    static let fields = [
        "specs.embedding_dim", "specs.hidden_dim", "specs.context_length", "specs.max_position_embeddings",
        "specs.vocab_size", "specs.num_layers", "specs.parameters", "architecture.projection_dims",
    ]

    public static let description = RuleDescription(
        id: "positive-dimensions",
        summary: "Dimensions, lengths, sizes and counts are positive.",
        rationale: """
            A zero or negative dimension is always a typo, and consumers size buffers and indexes from these numbers.
            """,
        valid: [
            RuleExample(
                """
                schema_version: 1
                id: tiny-embedder
                name: Tiny Embedder
                type: dense
                license: mit
                description: Positive sizes.
                specs:
                  embedding_dim: 384
                  num_layers: 6
                architecture:
                  matryoshka_dims: [384, 128]
                capabilities:
                  matryoshka: true
                """)
        ],
        invalid: [
            RuleExample(
                """
                schema_version: 1
                id: tiny-embedder
                name: Tiny Embedder
                type: dense
                license: mit
                description: A zero dimension.
                specs:
                  embedding_dim: ↓0
                  vocab_size: ↓-30522
                """),
            RuleExample(
                """
                schema_version: 1
                id: tiny-embedder
                name: Tiny Embedder
                type: dense
                license: mit
                description: A negative Matryoshka dimension.
                specs:
                  embedding_dim: 384
                architecture:
                  matryoshka_dims: [384, ↓-1]
                capabilities:
                  matryoshka: true
                """),
        ]
    )

    public init() {}

    public func check(_ document: ModelDocument, context: LintContext, into findings: inout [Finding]) {
        for field in Self.fields {
            guard let value = document.value.member(path: field)?.asInt, value <= 0 else { continue }
            findings.append(
                document.finding(Self.self, at: document.location(of: field), "`\(field)` must be positive, found \(value)"))
        }
        if let dims = document.value.member(path: "architecture.matryoshka_dims")?.asArray {
            for (index, dim) in dims.enumerated() {
                guard let value = dim.asInt, value <= 0 else { continue }
                let location = document.location(of: [.key("architecture"), .key("matryoshka_dims"), .index(index)])
                findings.append(
                    document.finding(
                        Self.self, at: location, "`architecture.matryoshka_dims[\(index)]` must be positive, found \(value)"))
            }
        }
    }
}
