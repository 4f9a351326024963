import Testing

@testable import ModelRegistry

/// The change rules on documents in memory: what drift is, and where each finding points.
@Suite struct LockDriftTests {
    typealias F = GateFixtures

    func summary(_ findings: [ChangeFinding]) -> [String] {
        findings.map { "\($0.modelID) \($0.finding.location.line):\($0.finding.location.column) \($0.finding.ruleID)" }
    }

    @Test func anUnchangedLockAndAnEditElsewhereAreNotDrift() throws {
        #expect(try F.changeFindings(before: [F.locked()], after: [F.locked()]).isEmpty)
        #expect(try F.changeFindings(before: [F.locked()], after: [F.locked(extra: "roles: [embedding]\n")]).isEmpty)
    }

    @Test func unlockedModelsMayChangeFreely() throws {
        let before = F.locked(locked: "false")
        let after = F.locked(file: F.world, aggregate: F.worldAggregate, locked: "false")
        #expect(try F.changeFindings(before: [before], after: [after]).isEmpty)
        // Locking a model, or adding a locked one, is no drift either.
        #expect(try F.changeFindings(before: [before], after: [F.locked()]).isEmpty)
        #expect(try F.changeFindings(before: [], after: [F.locked()]).isEmpty)
    }

    @Test func eachChangedHashIsReportedAtItsLine() throws {
        let findings = try F.changeFindings(before: [F.locked()], after: [F.locked(file: F.world, aggregate: F.worldAggregate)])
        #expect(summary(findings) == ["m 10:15 locked-drift", "m 12:21 locked-drift", "m 15:30 locked-drift"])
        #expect(findings[0].finding.message == "the sha256 of `model.onnx` in locked `m` changed: 2cf24dba5fb0… → 486ea46224d1…")
        #expect(findings[0].finding.notes.first?.message == "before: \(F.hello)")
        #expect(findings.allSatisfy { $0.finding.location.path == "registry/m.yaml" && $0.finding.severity == .error })
    }

    @Test func onlyTheExpectedHashChanged() throws {
        let findings = try F.changeFindings(before: [F.locked()], after: [F.locked(expected: F.worldAggregate)])
        #expect(summary(findings) == ["m 15:30 locked-drift"])
        #expect(findings[0].finding.message.hasPrefix("`version_lock.expected_aggregate_sha256` of locked `m` changed"))
    }

    @Test func filesAddedToOrRemovedFromTheLock() throws {
        let two = F.locked().replacingAll(
            "      size: 5\n", "      size: 5\n    - path: config.json\n      sha256: \(F.world)\n      size: 5\n")
        let added = try F.changeFindings(before: [F.locked()], after: [two])
        #expect(summary(added) == ["m 12:13 locked-drift"])
        #expect(added[0].finding.message == "file `config.json` was added to locked `m`")
        let removed = try F.changeFindings(before: [two], after: [F.locked()])
        #expect(summary(removed) == ["m 9:5 locked-drift"])
        #expect(removed[0].finding.message == "file `config.json` was removed from locked `m`")
    }

    @Test func theLockRemovedOrSetToFalse() throws {
        let unlocked = try F.changeFindings(before: [F.locked()], after: [F.locked(locked: "false")])
        #expect(summary(unlocked) == ["m 14:11 lock-removed"])
        let gone = try F.changeFindings(before: [F.locked()], after: [F.plain("m")])
        #expect(summary(gone) == ["m 2:5 lock-removed"])
        #expect(gone[0].finding.message.contains("its `version_lock` was removed"))
    }

    @Test func deletionNeedsAnEarlierDeprecation() throws {
        let deleted = try F.changeFindings(before: [F.locked(), F.plain("n")], after: [F.plain("n")])
        #expect(summary(deleted) == ["m 2:5 locked-deletion"])
        #expect(deleted[0].finding.location.path == "registry/m.yaml")
        #expect(try F.changeFindings(before: [F.locked(extra: "deprecated: true\n")], after: []).isEmpty)
        #expect(try F.changeFindings(before: [F.locked(extra: "deprecated:\n  since: \"2026\"\n")], after: []).isEmpty)
        // `deprecated: false` is not a deprecation; an unlocked entry may go at any time.
        #expect(summary(try F.changeFindings(before: [F.locked(extra: "deprecated: false\n")], after: [])) == ["m 2:5 locked-deletion"])
        #expect(try F.changeFindings(before: [F.plain("n")], after: []).isEmpty)
    }

    @Test func entriesArePairedByIDNotByPath() throws {
        // The same id moved to another file is no deletion; the hashes still count.
        let moved = try F.document(F.locked(file: F.world, aggregate: F.worldAggregate), path: "registry/moved.yaml")
        let change = RegistryChange(base: [try F.document(F.locked())], head: [moved])
        var findings: [ChangeFinding] = []
        for rule in RuleCatalog.changeRules { rule.check(change, into: &findings) }
        #expect(Set(findings.map(\.finding.ruleID)) == ["locked-drift"])
        #expect(findings.allSatisfy { $0.finding.location.path == "registry/moved.yaml" })
    }

    @Test func theChangeRulesAreDocumentedAsChangeRules() {
        for rule in RuleCatalog.changeRules {
            let description = type(of: rule).description
            #expect(description.scope == .change)
            #expect(description.invalid.allSatisfy { !$0.baseFiles.isEmpty }, "\(description.id): every example is a change")
        }
        let markdown = RuleDocumentation.section(LockedDeletionRule.description)
        #expect(markdown.contains("Before the change:"))
        #expect(markdown.contains("`registry/tiny-embedder.yaml`: deleted."))
        #expect(markdown.contains("`registry/new-embedder.yaml`: unchanged."))
    }
}
