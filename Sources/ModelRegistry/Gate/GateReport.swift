import Git
import JSONSchema

/// What `modelreg gate` found: the head registry's findings, the unapproved drift of locked models, the approved
/// relocks, and the semantic diff of the change.
public struct GateReport: Sendable {
    /// A change to a locked model that an approval excused, with the findings it excused.
    public struct ApprovedChange: Sendable {
        public var approval: RelockApproval
        public var findings: [Finding]
    }

    /// The revisions as the user named them.
    public var baseName: String
    public var headName: String
    public var baseCommit: ObjectID
    public var headCommit: ObjectID
    /// Where the head branched from the base: the change is `mergeBase → head`, as a pull request shows it.
    public var mergeBase: ObjectID
    /// The registry files the change touched (added, modified or deleted), as displayed.
    public var changedFiles: [String]
    /// The files every rule ran on: the changed ones, or all of them when the schema changed.
    public var checkedFiles: [String]
    /// The model files at the head.
    public var fileCount: Int
    /// Head files whose extract was not in the cache and had to be parsed for the cross-file rules.
    public var parsedForExtracts: Int
    /// Every finding that counts, sorted: the head registry's and the unapproved changes to locked models.
    public var findings: [Finding]
    /// Approved changes to locked models, by model id.
    public var approved: [ApprovedChange]
    /// The semantic diff of the change.
    public var diff: RegistryDiff
    /// Files that could not be read at all: the run is incomplete.
    public var failures: [String]

    public var errorCount: Int { findings.count { $0.severity == .error } }
    public var warningCount: Int { findings.count { $0.severity == .warning } }
    /// True when the change may be merged: no error and nothing left unread.
    public var passed: Bool { errorCount == 0 && failures.isEmpty }

    /// One line: `gate passed: origin/main (abc1234) → HEAD (def5678), 3 registry files changed`.
    public var verdict: String {
        let range = "\(baseName) (\(mergeBase.shortHex)) → \(headName) (\(headCommit.shortHex))"
        let changed = changedFiles.count == 1 ? "1 registry file changed" : "\(changedFiles.count) registry files changed"
        return "gate \(passed ? "passed" : "failed"): \(range), \(changed)"
    }

    /// The lines that say which relocks were approved, for text output.
    public var approvalLines: [String] {
        approved.map { "approved change of locked `\($0.approval.modelID)` by \($0.approval.description)" }
    }

    /// The pull request's summary in GitHub-flavoured Markdown (for `$GITHUB_STEP_SUMMARY`): the verdict, the
    /// findings, the approved relocks, the semantic diff.
    public func markdown() -> String {
        var output = "## modelreg gate: \(passed ? "✅ passed" : "❌ failed")\n\n"
        output += "`\(baseName)` (`\(mergeBase.shortHex)`) → `\(headName)` (`\(headCommit.shortHex)`): "
        output += "\(changedFiles.count) registry file\(changedFiles.count == 1 ? "" : "s") changed, "
        output += "\(fileCount) in the registry; \(errorCount) error\(errorCount == 1 ? "" : "s"), "
        output += "\(warningCount) warning\(warningCount == 1 ? "" : "s").\n\n"
        if !findings.isEmpty {
            output += "### Findings\n\n| | location | rule | message |\n|---|---|---|---|\n"
            for finding in findings {
                let icon = finding.severity == .error ? "❌" : "⚠️"
                output += "| \(icon) | `\(finding.location)` | [`\(finding.ruleID)`](\(SARIFReporter.informationURI)/blob/main/docs/rules.md#\(finding.ruleID)) | \(cell(finding.message)) |\n"
            }
            output += "\n"
        }
        for failure in failures { output += "- could not read: \(cell(failure))\n" }
        if !approved.isEmpty {
            output += "### Approved relocks\n\n"
            for change in approved {
                let rules = Set(change.findings.map(\.ruleID)).sorted().map { "`\($0)`" }.joined(separator: ", ")
                output += "- `\(change.approval.modelID)`: \(cell(change.approval.description)) — "
                output += "\(change.findings.count) change\(change.findings.count == 1 ? "" : "s") to the lock (\(rules))\n"
            }
            output += "\n"
        }
        output += diff.markdown(title: "Registry changes")
        return output
    }

    private func cell(_ text: String) -> String {
        text.replacingAll("|", "\\|").replacingAll("\n", " ")
    }

    /// The gate's own part of `--format json`: range, verdict, approvals and diff.
    public func json() -> JSONValue {
        .object(
            JSONObject([
                ("passed", .bool(passed)),
                ("base", .string(baseName)),
                ("head", .string(headName)),
                ("base_commit", .string(baseCommit.hex)),
                ("merge_base", .string(mergeBase.hex)),
                ("head_commit", .string(headCommit.hex)),
                ("changed_files", .array(changedFiles.map(JSONValue.string))),
                ("checked_files", .array(checkedFiles.map(JSONValue.string))),
                ("parsed_for_extracts", .integer(parsedForExtracts)),
                (
                    "approved",
                    .array(
                        approved.map { change in
                            .object(
                                JSONObject([
                                    ("id", .string(change.approval.modelID)),
                                    ("approval", .string(change.approval.description)),
                                    ("findings", .integer(change.findings.count)),
                                ]))
                        })
                ),
                ("diff", diff.json()),
            ]))
    }
}
