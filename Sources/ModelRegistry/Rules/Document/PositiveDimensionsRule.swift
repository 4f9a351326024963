/// Sizes and dimensions are positive integers.
public struct PositiveDimensionsRule: DocumentRule {
    /// The fields that must be positive, by the section that holds them.
    static let fields: [(section: String, names: Set<String>)] = [
        ("specs", [
            "embedding_dim", "hidden_dim", "context_length", "max_position_embeddings", "vocab_size", "num_layers",
            "parameters",
        ]),
        ("architecture", ["projection_dims"]),
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
        // Each section's members are looked at once; a name is looked up only for a value that is not positive.
        for (section, names) in Self.fields {
            guard let object = document.value.member(section)?.asObject else { continue }
            for (key, member) in zip(object.keys, object.values) {
                guard let value = member.asInt, value <= 0, names.contains(key) else { continue }
                let field = section + "." + key
                findings.append(
                    document.finding(
                        Self.self, at: document.location(of: field), "`\(field)` must be positive, found \(value)"))
            }
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
