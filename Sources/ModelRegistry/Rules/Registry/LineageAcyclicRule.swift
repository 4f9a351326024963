/// Following `fine_tuned_from` always ends at a base model.
public struct LineageAcyclicRule: RegistryRule {
    public static let description = RuleDescription(
        id: "lineage-acyclic",
        summary: "Lineage has no cycles: following `fine_tuned_from` always reaches a model that has none.",
        rationale: "A model cannot be its own ancestor; a cycle makes lineage queries meaningless and would loop forever.",
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
                id: chat-lm
                name: Chat LM
                type: causal-lm
                license: apache-2.0
                description: One half of a cycle.
                fine_tuned_from: ↓tuned-lm
                """,
                """
                schema_version: 1
                id: tuned-lm
                name: Tuned LM
                type: causal-lm
                license: apache-2.0
                description: The other half.
                fine_tuned_from: chat-lm
                """,
            ]),
            RuleExample(
                """
                schema_version: 1
                id: self-made
                name: Self Made
                type: causal-lm
                license: apache-2.0
                description: Its own parent.
                fine_tuned_from: ↓self-made
                """),
        ]
    )

    public init() {}

    public func check(_ registry: RegistrySnapshot, into findings: inout [Finding]) {
        // The parent of each id, as the first entry with that id (by path) names it.
        var parentOf: [String: String] = [:]
        let entries = registry.entries
        for position in entries.indices {
            guard let parent = entries[position].fineTunedFrom?.value, let id = entries[position].id?.value,
                registry.position(ofID: id) == position
            else { continue }
            parentOf[id] = parent
        }
        var reported = Set<String>()
        // Visit ids in sorted order so each cycle is reported once, at its smallest id.
        for start in parentOf.keys.sorted() where !reported.contains(start) {
            var path: [String] = []
            var onPath = Set<String>()
            var current: String? = start
            while let id = current, !onPath.contains(id), !reported.contains(id) {
                path.append(id)
                onPath.insert(id)
                current = parentOf[id]
            }
            guard let repeated = current, onPath.contains(repeated) else {
                reported.formUnion(path)
                continue
            }
            let cycle = Array(path[path.firstIndex(of: repeated)!...])
            reported.formUnion(path)
            let first = cycle.min()!
            guard let location = registry[id: first]?.fineTunedFrom?.location else { continue }
            let rotated = Array(cycle[cycle.firstIndex(of: first)!...] + cycle[..<cycle.firstIndex(of: first)!])
            findings.append(Self.finding(at: location, "lineage cycle: " + (rotated + [first]).joined(separator: " → ")))
        }
    }
}
