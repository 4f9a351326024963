/// The usable context cannot exceed what the position embeddings cover.
public struct ContextWithinPositionsRule: DocumentRule {
    public static let description = RuleDescription(
        id: "context-within-positions",
        summary: "`specs.context_length` is at most `specs.max_position_embeddings`.",
        rationale: """
            A model cannot attend past its last position embedding; a longer context length promises inputs that the \
            model will truncate or fail on.
            """,
        valid: [
            RuleExample(
                """
                schema_version: 1
                id: tiny-embedder
                name: Tiny Embedder
                type: dense
                license: apache-2.0
                description: Trained on 256 tokens, positions up to 512.
                specs:
                  context_length: 256
                  max_position_embeddings: 512
                """)
        ],
        invalid: [
            RuleExample(
                """
                schema_version: 1
                id: tiny-embedder
                name: Tiny Embedder
                type: dense
                license: apache-2.0
                description: Claims more context than it has positions.
                specs:
                  context_length: ↓8192
                  max_position_embeddings: 512
                """)
        ]
    )

    public init() {}

    public func check(_ document: ModelDocument, context: LintContext, into findings: inout [Finding]) {
        guard let length = document.value.member(path: "specs.context_length")?.asInt,
            let positions = document.value.member(path: "specs.max_position_embeddings")?.asInt,
            length > positions
        else { return }
        findings.append(
            document.finding(
                Self.self, at: document.location(of: "specs.context_length"),
                "`specs.context_length` (\(length)) exceeds `specs.max_position_embeddings` (\(positions))",
                notes: [FindingNote(location: document.location(of: "specs.max_position_embeddings"), message: "positions are set here")]))
    }
}
