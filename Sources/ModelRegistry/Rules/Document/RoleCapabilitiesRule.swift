/// Roles that need a modality are claimed only by models that have it.
public struct RoleCapabilitiesRule: DocumentRule {
    /// The modality each role needs.
    public static let requiredModality: [String: String] = [
        "caption": "vision",
        "keywords": "vision",
        "description": "vision",
    ]

    public static let description = RuleDescription(
        id: "role-capabilities",
        summary: "Roles that need a modality (`caption`, `keywords`, `description` need `vision`) are only claimed by models that have it.",
        rationale: """
            Role resolution hands requests to the model that claims the role; a text-only model that claims \
            `caption` would receive images it cannot read.
            """,
        valid: [
            RuleExample(
                """
                schema_version: 1
                id: small-vlm
                name: Small VLM
                type: vision-language
                license: apache-2.0
                description: Sees images.
                capabilities:
                  modalities: [text, vision]
                roles: [caption, chat]
                """)
        ],
        invalid: [
            RuleExample(
                """
                schema_version: 1
                id: small-lm
                name: Small LM
                type: causal-lm
                license: apache-2.0
                description: Reads text only.
                capabilities:
                  modalities: [text]
                roles: [chat, ↓caption]
                """),
            RuleExample(
                """
                schema_version: 1
                id: small-lm
                name: Small LM
                type: causal-lm
                license: apache-2.0
                description: Declares no modalities at all.
                roles:
                  - ↓keywords
                """),
        ]
    )

    public init() {}

    public func check(_ document: ModelDocument, context: LintContext, into findings: inout [Finding]) {
        guard let roles = document.value.member("roles")?.asArray else { return }
        let modalities = document.value.member(path: "capabilities.modalities")?.asArray ?? []
        for (index, role) in roles.enumerated() {
            guard let name = role.asString, let needed = Self.requiredModality[name],
                !modalities.contains(where: { $0.asString == needed })
            else { continue }
            findings.append(
                document.finding(
                    Self.self, at: document.location(of: [.key("roles"), .index(index)]),
                    "role `\(name)` needs the `\(needed)` modality; add it to `capabilities.modalities` or drop the role"))
        }
    }
}
