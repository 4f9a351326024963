/// `fine_tuned_from` names a model in the registry.
public struct LineageReferenceRule: RegistryRule {
    public static let description = RuleDescription(
        id: "lineage-reference",
        summary: "`fine_tuned_from` names the id of an entry in the registry.",
        rationale: """
            Lineage answers "which models inherit this base model's license and flaws"; a dangling reference cuts \
            the chain. Register the base model (it may be deprecated) before its fine-tunes.
            """,
        scope: .registry,
        valid: [
            RuleExample(models: [
                """
                schema_version: 1
                id: base-lm
                name: Base LM
                type: causal-lm
                license: apache-2.0
                description: The base.
                """,
                """
                schema_version: 1
                id: tuned-lm
                name: Tuned LM
                type: causal-lm
                license: apache-2.0
                description: A fine-tune.
                fine_tuned_from: base-lm
                """,
            ])
        ],
        invalid: [
            RuleExample(models: [
                """
                schema_version: 1
                id: tuned-lm
                name: Tuned LM
                type: causal-lm
                license: apache-2.0
                description: Its base is not registered.
                fine_tuned_from: ↓base-lm
                """
            ])
        ]
    )

    public init() {}

    public func check(_ registry: RegistrySnapshot, into findings: inout [Finding]) {
        let entries = registry.entries
        for position in entries.indices {
            guard let parent = entries[position].fineTunedFrom, !registry.contains(id: parent.value) else { continue }
            findings.append(
                Self.finding(
                    at: parent.location, "`fine_tuned_from` names `\(parent.value)`, which is not an id in the registry"))
        }
    }
}
