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
        // The lineage as positions: each id's node is the first entry with that id (by path), and its parent is the
        // node of the id it names (-1 for none, or for a parent not in the registry).
        let entries = registry.entries
        var parent = [Int](repeating: -1, count: entries.count)
        for position in entries.indices {
            guard let parentID = entries[position].fineTunedFrom?.value, let id = entries[position].id?.value,
                registry.position(ofID: id) == position, let parentPosition = registry.position(ofID: parentID)
            else { continue }
            parent[position] = parentPosition
        }
        // Each walk follows parents until it ends, meets an earlier walk, or meets itself (a cycle, reported once,
        // from its smallest id, whichever node the walk started at).
        enum Mark: UInt8 { case unvisited, onPath, done }
        var marks = [Mark](repeating: .unvisited, count: entries.count)
        var path: [Int] = []
        for start in entries.indices where parent[start] >= 0 && marks[start] == .unvisited {
            path.removeAll(keepingCapacity: true)
            var current = start
            while current >= 0 && marks[current] == .unvisited {
                marks[current] = .onPath
                path.append(current)
                current = parent[current]
            }
            if current >= 0 && marks[current] == .onPath {
                let cycle = path[path.firstIndex(of: current)!...].map { entries[$0].id!.value }
                report(cycle, in: registry, into: &findings)
            }
            for node in path { marks[node] = .done }
        }
    }

    /// A cycle of ids (each fine-tuned from the next, the last from the first), at its smallest id.
    private func report(_ cycle: [String], in registry: RegistrySnapshot, into findings: inout [Finding]) {
        let first = cycle.min()!
        guard let location = registry[id: first]?.fineTunedFrom?.location else { return }
        let rotated = Array(cycle[cycle.firstIndex(of: first)!...] + cycle[..<cycle.firstIndex(of: first)!])
        findings.append(Self.finding(at: location, "lineage cycle: " + (rotated + [first]).joined(separator: " → ")))
    }
}
