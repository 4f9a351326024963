import Testing

@testable import ModelRegistry

@Suite struct RelockApprovalsTests {
    typealias F = GateFixtures

    @Test func anApprovedLockCommitIsRecognisedByItsTrailers() throws {
        let message = """
            lock(m): relock

            Re-exported the weights.

            Model-Id: m
            registry-action: Lock
            Aggregate-SHA256: \(F.worldAggregate.uppercased())
            Relock-Approved-By: Grace Hopper <grace@example.com>

            """
        let lock = try #require(RelockApprovals.lockCommit(message: message, commit: "abc1234"))
        #expect(lock == .init(commit: "abc1234", modelID: "m", approver: "Grace Hopper <grace@example.com>", aggregate: F.worldAggregate))
    }

    @Test func otherCommitsAreNotApprovals() {
        #expect(RelockApprovals.lockCommit(message: "lock(m): x\n\nModel-Id: m\nRegistry-Action: lock\n", commit: "a") == nil)
        #expect(RelockApprovals.lockCommit(message: "set(m): x\n\nModel-Id: m\nRegistry-Action: set\nRelock-Approved-By: G\n", commit: "a") == nil)
        #expect(RelockApprovals.lockCommit(message: "lock(m): x\n\nRegistry-Action: lock\nRelock-Approved-By: G\n", commit: "a") == nil)
        // Trailers are the last paragraph only.
        #expect(RelockApprovals.lockCommit(message: "Model-Id: m\nRegistry-Action: lock\nRelock-Approved-By: G\n", commit: "a") == nil)
    }

    func approval(_ approvals: RelockApprovals, after: String) throws -> [String?] {
        let change = RegistryChange(base: [try F.document(F.locked())], head: [try F.document(after)])
        var findings: [ChangeFinding] = []
        for rule in RuleCatalog.changeRules { rule.check(change, into: &findings) }
        #expect(!findings.isEmpty)
        return findings.map { approvals.approval(for: $0, in: change)?.description }
    }

    @Test func theOptionApprovesEveryChangeOfThatModel() throws {
        let approvals = RelockApprovals(allowed: ["m"])
        #expect(try approval(approvals, after: F.locked(file: F.world, aggregate: F.worldAggregate)) == Array(repeating: "--allow-relock m", count: 3))
        #expect(try approval(approvals, after: F.locked(locked: "false")) == ["--allow-relock m"])
        #expect(try approval(RelockApprovals(allowed: ["other"]), after: F.locked(locked: "false")) == [nil])
    }

    @Test func aLockCommitApprovesTheRelockItMadeAndNothingElse() throws {
        let relocked = F.locked(file: F.world, aggregate: F.worldAggregate)
        let approved = "Relock-Approved-By: G (commit abc1234)"
        let any = RelockApprovals(lockCommits: [.init(commit: "abc1234", modelID: "m", approver: "G")])
        #expect(try approval(any, after: relocked) == [approved, approved, approved])
        let thisHash = RelockApprovals(lockCommits: [.init(commit: "abc1234", modelID: "m", approver: "G", aggregate: F.worldAggregate)])
        #expect(try approval(thisHash, after: relocked) == [approved, approved, approved])
        let otherHash = RelockApprovals(lockCommits: [.init(commit: "abc1234", modelID: "m", approver: "G", aggregate: F.helloAggregate)])
        #expect(try approval(otherHash, after: relocked) == [nil, nil, nil])
        let otherModel = RelockApprovals(lockCommits: [.init(commit: "abc1234", modelID: "n", approver: "G")])
        #expect(try approval(otherModel, after: relocked) == [nil, nil, nil])
        // Unlocking is not a relock.
        #expect(try approval(any, after: F.locked(locked: "false")) == [nil])
    }
}
