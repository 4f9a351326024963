/// A locked model stays locked unless a maintainer approves the unlock.
public struct LockRemovedRule: ChangeRule {
    public static let description = RuleDescription(
        id: "lock-removed",
        summary: "A change does not unlock a locked model (`version_lock.locked` set to false or removed) unless it is approved.",
        rationale: """
            Unlocking is the quiet way to drift: once the lock is gone, any later change of the files passes. \
            Removing a lock passes `modelreg gate` only with `--allow-relock ID`, a maintainer's decision.
            """,
        scope: .change,
        valid: [
            RuleExample(
                before: [ChangeRuleSupport.locked(description: "Locked to one file.")],
                after: [ChangeRuleSupport.locked(description: "Still locked.", extra: "roles: [embedding]\n")])
        ],
        invalid: [
            RuleExample(
                before: [ChangeRuleSupport.locked(description: "Locked to one file.")],
                after: [
                    """
                    schema_version: 1
                    id: tiny-embedder
                    name: Tiny Embedder
                    type: dense
                    license: mit
                    description: Unlocked without approval.
                    artifacts:
                      files:
                        - path: model.onnx
                          sha256: 2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824
                          size: 5
                      aggregate_sha256: d45241e4682ab41c40d959c6e5ed4ad85ce3f95b726aaf89ac78c349bd84dfa4
                    version_lock:
                      locked: ↓false
                    """
                ]),
            RuleExample(
                before: [ChangeRuleSupport.locked(description: "Locked to one file.")],
                after: [
                    """
                    schema_version: 1
                    id: ↓tiny-embedder
                    name: Tiny Embedder
                    type: dense
                    license: mit
                    description: The lock and the artifacts are gone.
                    """
                ]),
        ]
    )

    public init() {}

    public func check(_ change: RegistryChange, into findings: inout [ChangeFinding]) {
        for entry in change.entries {
            guard let base = entry.base, let head = entry.head, RegistryChange.isLocked(base), !RegistryChange.isLocked(head)
            else { continue }
            let keepsLock = head.value.member("version_lock") != nil
            let location = keepsLock ? head.location(of: "version_lock.locked") : head.location(of: "id")
            let what = keepsLock ? "it is no longer `locked: true`" : "its `version_lock` was removed"
            findings.append(
                ChangeFinding(
                    modelID: entry.id,
                    finding: Self.finding(
                        at: location, "`\(entry.id)` was locked and \(what): its files would no longer be checked",
                        notes: [ChangeRuleSupport.approvalNote(entry.id)])))
        }
    }
}
