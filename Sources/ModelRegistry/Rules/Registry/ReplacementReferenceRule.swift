/// A deprecated model points at a live replacement.
public struct ReplacementReferenceRule: RegistryRule {
    public static let description = RuleDescription(
        id: "replacement-reference",
        summary: "`deprecated.replaced_by` names an existing entry that is not itself deprecated.",
        rationale: """
            Users of a deprecated model follow `replaced_by` to migrate; it must lead to a model they can use, in one \
            step.
            """,
        scope: .registry,
        valid: [
            RuleExample(models: [
                """
                schema_version: 1
                id: old-embedder
                name: Old Embedder
                type: dense
                license: mit
                description: Superseded.
                deprecated:
                  since: "2025-06"
                  reason: Lower quality than its successor.
                  replaced_by: new-embedder
                """,
                """
                schema_version: 1
                id: new-embedder
                name: New Embedder
                type: dense
                license: mit
                description: The successor.
                """,
            ])
        ],
        invalid: [
            RuleExample(models: [
                """
                schema_version: 1
                id: old-embedder
                name: Old Embedder
                type: dense
                license: mit
                description: Replaced by something unregistered.
                deprecated:
                  replaced_by: ↓newer-embedder
                """
            ]),
            RuleExample(models: [
                """
                schema_version: 1
                id: old-embedder
                name: Old Embedder
                type: dense
                license: mit
                description: Replaced by a model that is deprecated too.
                deprecated:
                  replaced_by: ↓mid-embedder
                """,
                """
                schema_version: 1
                id: mid-embedder
                name: Mid Embedder
                type: dense
                license: mit
                description: Also deprecated.
                deprecated: true
                """,
            ]),
        ]
    )

    public init() {}

    public func check(_ registry: RegistrySnapshot, into findings: inout [Finding]) {
        let entries = registry.entries
        for position in entries.indices {
            guard let replacement = entries[position].replacedBy else { continue }
            let target = replacement.value
            let location = replacement.location
            if !registry.contains(id: target) {
                findings.append(Self.finding(at: location, "`replaced_by` names `\(target)`, which is not an id in the registry"))
            } else if registry.isDeprecated(target) {
                findings.append(
                    Self.finding(
                        at: location,
                        "`replaced_by` names `\(target)`, which is deprecated too; point at its replacement instead"))
            }
        }
    }
}
