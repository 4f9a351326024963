/// A locked model is deprecated before it is deleted.
public struct LockedDeletionRule: ChangeRule {
    public static let description = RuleDescription(
        id: "locked-deletion",
        summary: "A locked model is deleted only after it was deprecated: it must be deprecated before the change.",
        rationale: """
            Applications pin locked models. Deprecating first (`modelreg deprecate ID --replaced-by NEW`, merged on \
            its own) tells them where to go; deleting in a later change then breaks no one by surprise. The finding \
            points at the deleted file as it was before the change.
            """,
        scope: .change,
        valid: [
            RuleExample(
                before: [
                    ChangeRuleSupport.locked(
                        description: "Locked, and deprecated in an earlier change.",
                        extra: "deprecated:\n  since: \"2026-01\"\n  replaced_by: new-embedder\n"),
                    ChangeRuleSupport.newEmbedder,
                ],
                after: [ChangeRuleSupport.newEmbedder])
        ],
        invalid: [
            RuleExample(
                before: [
                    ChangeRuleSupport.locked(description: "Locked, never deprecated.")
                        .replacingAll("id: tiny-embedder", "id: ↓tiny-embedder"),
                    ChangeRuleSupport.newEmbedder,
                ],
                after: [ChangeRuleSupport.newEmbedder])
        ]
    )

    public init() {}

    public func check(_ change: RegistryChange, into findings: inout [ChangeFinding]) {
        for entry in change.entries {
            guard let base = entry.base, entry.head == nil, RegistryChange.isLocked(base), !EntryExtract(base).isDeprecated
            else { continue }
            findings.append(
                ChangeFinding(
                    modelID: entry.id,
                    finding: Self.finding(
                        at: base.location(of: "id"), "locked `\(entry.id)` was deleted without being deprecated first",
                        notes: [
                            FindingNote(message: "this line is in the deleted file, as it was before the change"),
                            FindingNote(
                                message: "deprecate it first (`modelreg deprecate \(entry.id) --replaced-by NEW`) and delete it in a later change; "
                                    + "or a maintainer approves with `modelreg gate --allow-relock \(entry.id)`"),
                        ])))
        }
    }
}
