import JSONSchema

/// The hashes of a locked model change only through an approved relock.
public struct LockedDriftRule: ChangeRule {
    public static let description = RuleDescription(
        id: "locked-drift",
        summary: """
            A change keeps the hashes of a locked model: each `artifacts.files[].sha256`, the list of files, \
            `artifacts.aggregate_sha256` and `version_lock.expected_aggregate_sha256`, unless the relock is approved.
            """,
        rationale: """
            A lock promises that the model's files are exactly the reviewed ones; a pull request that edits the \
            hashes swaps the model under its users. A relock passes `modelreg gate` only when a maintainer approves \
            it: `--allow-relock ID` (what CI passes when the pull request carries the maintainers' label), or a \
            `modelreg lock` commit in the pull request with a `Relock-Approved-By:` trailer. Each changed hash is \
            reported at its line in the new file.
            """,
        scope: .change,
        valid: [
            RuleExample(
                before: [ChangeRuleSupport.locked(description: "Locked to one file.")],
                after: [ChangeRuleSupport.locked(description: "Only the description changed.")])
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
                    description: Relocked to other weights, without approval.
                    artifacts:
                      files:
                        - path: model.onnx
                          sha256: ↓486ea46224d1bb4fb680f34f7c9ad96a8f24ec88be73ea8e5a6c65260e9cb8a7
                          size: 5
                      aggregate_sha256: ↓828245fa21333ff9c8ff05933a9d45dff5079cba32bd562e6904d8df6c272b74
                    version_lock:
                      locked: true
                      expected_aggregate_sha256: ↓828245fa21333ff9c8ff05933a9d45dff5079cba32bd562e6904d8df6c272b74
                      last_verified: "2026-02-01T10:00:00Z"
                    """
                ]),
            RuleExample(
                before: [ChangeRuleSupport.locked(description: "Locked to one file.")],
                after: [
                    """
                    schema_version: 1
                    id: tiny-embedder
                    name: Tiny Embedder
                    type: dense
                    license: mit
                    description: A file slipped into the lock.
                    artifacts:
                      files:
                        - path: model.onnx
                          sha256: 2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824
                          size: 5
                        - path: ↓config.json
                          sha256: 486ea46224d1bb4fb680f34f7c9ad96a8f24ec88be73ea8e5a6c65260e9cb8a7
                          size: 5
                      aggregate_sha256: ↓e783f0543cce3ec6cba37a52164ca6dc44aa2912f5985c600a86f28a969699eb
                    version_lock:
                      locked: true
                      expected_aggregate_sha256: ↓e783f0543cce3ec6cba37a52164ca6dc44aa2912f5985c600a86f28a969699eb
                      last_verified: "2026-02-01T10:00:00Z"
                    """
                ]),
        ]
    )

    public init() {}

    public func check(_ change: RegistryChange, into findings: inout [ChangeFinding]) {
        for entry in change.entries {
            guard let base = entry.base, let head = entry.head, RegistryChange.isLocked(base), RegistryChange.isLocked(head)
            else { continue }
            var found: [Finding] = []
            compareFiles(of: entry.id, base: base, head: head, into: &found)
            for path in ["artifacts.aggregate_sha256", "version_lock.expected_aggregate_sha256"] {
                let old = base.value.member(path: path)
                let new = head.value.member(path: path)
                guard old != new else { continue }
                found.append(
                    Self.finding(
                        at: head.location(of: path), "`\(path)` of locked `\(entry.id)` changed: \(short(old)) → \(short(new))",
                        notes: [FindingNote(message: "before: \(old?.displayText ?? "absent")"), ChangeRuleSupport.approvalNote(entry.id)]))
            }
            findings += found.map { ChangeFinding(modelID: entry.id, finding: $0) }
        }
    }

    /// Files matched by path: a changed sha256, a file added to or removed from the lock.
    private func compareFiles(of id: String, base: ModelDocument, head: ModelDocument, into found: inout [Finding]) {
        let before = Self.files(of: base)
        let after = Self.files(of: head)
        let beforeByPath = Dictionary(before.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        let afterPaths = Set(after.map(\.path))
        for file in after {
            let prefix: [JSONPathComponent] = [.key("artifacts"), .key("files"), .index(file.index)]
            guard let old = beforeByPath[file.path] else {
                found.append(
                    Self.finding(
                        at: head.location(of: prefix + [.key("path")]), "file `\(file.path)` was added to locked `\(id)`",
                        notes: [ChangeRuleSupport.approvalNote(id)]))
                continue
            }
            guard old.sha256 != file.sha256 else { continue }
            found.append(
                Self.finding(
                    at: head.location(of: prefix + [.key("sha256")]),
                    "the sha256 of `\(file.path)` in locked `\(id)` changed: \(short(old.sha256)) → \(short(file.sha256))",
                    notes: [FindingNote(message: "before: \(old.sha256?.displayText ?? "absent")"), ChangeRuleSupport.approvalNote(id)]))
        }
        for file in before where !afterPaths.contains(file.path) {
            found.append(
                Self.finding(
                    at: head.location(of: "artifacts.files"), "file `\(file.path)` was removed from locked `\(id)`",
                    notes: [ChangeRuleSupport.approvalNote(id)]))
        }
    }

    struct ArtifactFile {
        var index: Int
        var path: String
        var sha256: JSONValue?
    }

    /// The entries of `artifacts.files` that have a string path (the first of each path).
    static func files(of document: ModelDocument) -> [ArtifactFile] {
        var seen = Set<String>()
        var result: [ArtifactFile] = []
        for (index, item) in (document.value.member(path: "artifacts.files")?.asArray ?? []).enumerated() {
            guard let path = item.member("path")?.asString, seen.insert(path).inserted else { continue }
            result.append(ArtifactFile(index: index, path: path, sha256: item.member("sha256")))
        }
        return result
    }

    private func short(_ value: JSONValue?) -> String {
        guard let value else { return "absent" }
        let text = value.displayText
        return text.count > 12 ? String(text.prefix(12)) + "…" : text
    }
}
