import JSONSchema

/// Who approved a change to a locked model, and how.
public struct RelockApproval: Sendable, Hashable {
    public enum Source: Sendable, Hashable {
        /// `modelreg gate --allow-relock ID`: what CI passes when a maintainer labels the pull request.
        case option
        /// A `modelreg lock` commit in the range with a `Relock-Approved-By:` trailer.
        case trailer(commit: String, approver: String)
    }

    public var modelID: String
    public var source: Source

    public init(modelID: String, source: Source) {
        self.modelID = modelID
        self.source = source
    }

    /// `--allow-relock` or `Relock-Approved-By: Name <email> (commit abc1234)`.
    public var description: String {
        switch source {
        case .option: return "--allow-relock \(modelID)"
        case .trailer(let commit, let approver): return "Relock-Approved-By: \(approver) (commit \(commit))"
        }
    }
}

/// The approvals a gate run knows of: the ids passed with `--allow-relock`, and the `modelreg lock` commits of the
/// range that carry `Relock-Approved-By:`.
public struct RelockApprovals: Sendable {
    /// A commit made by `modelreg lock` (`Registry-Action: lock`) that a maintainer approved.
    public struct LockCommit: Sendable, Hashable {
        /// The commit's abbreviated id.
        public var commit: String
        public var modelID: String
        public var approver: String
        /// The `Aggregate-SHA256:` trailer, when the commit has one.
        public var aggregate: String?

        public init(commit: String, modelID: String, approver: String, aggregate: String? = nil) {
            self.commit = commit
            self.modelID = modelID
            self.approver = approver
            self.aggregate = aggregate
        }
    }

    public var allowed: Set<String>
    public var lockCommits: [LockCommit]

    public init(allowed: Set<String> = [], lockCommits: [LockCommit] = []) {
        self.allowed = allowed
        self.lockCommits = lockCommits
    }

    /// The approved lock commit a message describes, if it is one: trailers `Registry-Action: lock`, `Model-Id:`
    /// and a non-empty `Relock-Approved-By:` (keys compared case-insensitively, as git does).
    public static func lockCommit(message: String, commit: String) -> LockCommit? {
        var trailers: [String: String] = [:]
        for (key, value) in CommitMessage.trailers(of: message) where trailers[key.lowercased()] == nil {
            trailers[key.lowercased()] = value
        }
        guard trailers["registry-action"]?.lowercased() == "lock", let modelID = trailers["model-id"], !modelID.isEmpty,
            let approver = trailers["relock-approved-by"], !approver.isEmpty
        else { return nil }
        return LockCommit(commit: commit, modelID: modelID, approver: approver, aggregate: trailers["aggregate-sha256"]?.lowercased())
    }

    /// The approval that excuses a change finding, or nil. `--allow-relock` excuses every change to that model
    /// (relock, unlock, deletion); an approved lock commit excuses only a relock (`locked-drift`), and only of the
    /// hash it locked when it names one (`Aggregate-SHA256:` equal to the head's expected hash), so that a later
    /// unapproved edit in the same pull request is still caught.
    public func approval(for finding: ChangeFinding, in change: RegistryChange) -> RelockApproval? {
        if allowed.contains(finding.modelID) { return RelockApproval(modelID: finding.modelID, source: .option) }
        guard finding.finding.ruleID == LockedDriftRule.description.id else { return nil }
        let head = change.entries.first { $0.id == finding.modelID }?.head
        let expected = head?.value.member(path: "version_lock.expected_aggregate_sha256")?.asString?.lowercased()
        for lock in lockCommits where lock.modelID == finding.modelID {
            if let aggregate = lock.aggregate, aggregate != expected { continue }
            return RelockApproval(modelID: finding.modelID, source: .trailer(commit: lock.commit, approver: lock.approver))
        }
        return nil
    }
}
