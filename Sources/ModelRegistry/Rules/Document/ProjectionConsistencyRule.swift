/// A projection head's output size is the embedding size.
public struct ProjectionConsistencyRule: DocumentRule {
    public static let description = RuleDescription(
        id: "projection-consistency",
        summary: "`has_projection: true` requires `projection_dims` equal to `specs.embedding_dim`; `false` forbids it.",
        rationale: """
            A model with a projection head emits vectors of the projection's size; if the two numbers disagree, \
            consumers allocate indexes of the wrong width.
            """,
        valid: [
            RuleExample(
                """
                schema_version: 1
                id: late-interaction
                name: Late Interaction
                type: colbert
                license: mit
                description: A projection to 128 dimensions.
                architecture:
                  has_projection: true
                  projection_dims: 128
                specs:
                  embedding_dim: 128
                """),
            RuleExample(
                """
                schema_version: 1
                id: plain-encoder
                name: Plain Encoder
                type: dense
                license: mit
                description: No projection head.
                architecture:
                  has_projection: false
                specs:
                  embedding_dim: 768
                """),
        ],
        invalid: [
            RuleExample(
                """
                schema_version: 1
                id: late-interaction
                name: Late Interaction
                type: colbert
                license: mit
                description: The projection disagrees with the embedding size.
                architecture:
                  has_projection: true
                  projection_dims: ↓96
                specs:
                  embedding_dim: 128
                """),
            RuleExample(
                """
                schema_version: 1
                id: late-interaction
                name: Late Interaction
                type: colbert
                license: mit
                description: A projection without its size.
                architecture:
                  has_projection: ↓true
                specs:
                  embedding_dim: 128
                """),
            RuleExample(
                """
                schema_version: 1
                id: plain-encoder
                name: Plain Encoder
                type: dense
                license: mit
                description: Projection dims without a projection.
                architecture:
                  has_projection: false
                  projection_dims: ↓768
                """),
        ]
    )

    public init() {}

    public func check(_ document: ModelDocument, context: LintContext, into findings: inout [Finding]) {
        guard let hasProjection = document.value.member(path: "architecture.has_projection")?.asBool else { return }
        let projection = document.value.member(path: "architecture.projection_dims")
        if hasProjection {
            guard let projection else {
                findings.append(
                    document.finding(
                        Self.self, at: document.location(of: "architecture.has_projection"),
                        "`has_projection` is true but `architecture.projection_dims` is missing"))
                return
            }
            if let dims = projection.asInt, let embedding = document.value.member(path: "specs.embedding_dim")?.asInt,
                dims != embedding
            {
                findings.append(
                    document.finding(
                        Self.self, at: document.location(of: "architecture.projection_dims"),
                        "`architecture.projection_dims` is \(dims) but `specs.embedding_dim` is \(embedding); they must be equal",
                        notes: [
                            FindingNote(location: document.location(of: "specs.embedding_dim"), message: "embedding_dim is set here")
                        ]))
            }
        } else if projection != nil {
            findings.append(
                document.finding(
                    Self.self, at: document.location(of: "architecture.projection_dims"),
                    "`architecture.projection_dims` is set but `has_projection` is false"))
        }
    }
}
