/// The same upstream model at the same revision is registered once.
public struct HuggingFaceIDUniqueRule: RegistryRule {
    public static let description = RuleDescription(
        id: "huggingface-id-unique",
        summary: "Two entries with the same `huggingface_id` and `revision` are probably one model registered twice.",
        rationale: """
            Two entries for the same weights drift apart over time (one gets locked, the other does not). Register \
            variants with different revisions, or use aliases. This is a warning because a team may deliberately \
            serve the same weights under two configurations.
            """,
        severity: .warning,
        scope: .registry,
        valid: [
            RuleExample(models: [
                """
                schema_version: 1
                id: e5-large-v2
                name: E5 large v2
                type: dense
                license: mit
                description: Pinned to one revision.
                huggingface_id: intfloat/e5-large-v2
                revision: b322e09026e4ea05f42beadf4d661fb4e101d311
                """,
                """
                schema_version: 1
                id: e5-large-v2-old
                name: E5 large v2 (older revision)
                type: dense
                license: mit
                description: Pinned to another revision.
                huggingface_id: intfloat/e5-large-v2
                revision: 0f0ae4c2a0bd1c2b1f1f5e40e1b0f3a2d9c8e7f6
                """,
            ])
        ],
        invalid: [
            RuleExample(models: [
                """
                schema_version: 1
                id: e5-large-v2
                name: E5 large v2
                type: dense
                license: mit
                description: The first entry.
                huggingface_id: intfloat/e5-large-v2
                """,
                """
                schema_version: 1
                id: e5-large-v2b
                name: E5 large v2 again
                type: dense
                license: mit
                description: The same model, registered again.
                huggingface_id: ↓intfloat/e5-large-v2
                """,
            ])
        ]
    )

    public init() {}

    public func check(_ registry: RegistrySnapshot, into findings: inout [Finding]) {
        // The first entry (by position) with each Hub id (folded) and revision (as written).
        let entries = registry.entries
        var seen = FoldedNameTable<Int>(capacity: entries.count)
        for position in entries.indices {
            guard let hub = entries[position].huggingfaceID else { continue }
            let revision = entries[position].revision ?? ""
            let key = FoldedNameTable<Int>.hash(folded: hub.value, exact: revision)
            guard
                let first = seen.claim(hash: key, by: position, isSame: {
                    entries[$0].huggingfaceID!.value.caseFolded == hub.value.caseFolded
                        && (entries[$0].revision ?? "") == revision
                })
            else { continue }
            let firstEntry = entries[first]
            let at = revision.isEmpty ? "" : " at revision \(revision)"
            findings.append(
                Self.finding(
                    at: hub.location, "`\(hub.value)`\(at) is already registered as `\(firstEntry.id?.value ?? firstEntry.fileStem)`",
                    notes: [FindingNote(location: firstEntry.huggingfaceID!.location, message: "registered here")]))
        }
    }
}
