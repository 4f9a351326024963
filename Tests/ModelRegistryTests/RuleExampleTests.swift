import Testing

@testable import ModelRegistry

/// Every rule's examples are its tests: valid ones produce no finding at all, invalid ones produce a finding
/// of the rule at each `↓` marker and nowhere else.
@Suite struct RuleExampleTests {
    static let ruleIDs = RuleCatalog.all.map(\.id)

    @Test(arguments: ruleIDs)
    func validExamplesAreClean(ruleID: String) throws {
        let rule = try #require(RuleCatalog.description(id: ruleID))
        #expect(!rule.valid.isEmpty, "every rule shows at least one valid example")
        for example in rule.valid {
            let prepared = PreparedExample(example)
            #expect(prepared.markers.isEmpty, "valid examples carry no markers")
            let findings = runAllRules(on: prepared)
            #expect(findings.isEmpty, "valid example of \(ruleID) produced: \(findings.map(\.description))")
        }
    }

    @Test(arguments: ruleIDs)
    func invalidExamplesFindExactlyTheMarkers(ruleID: String) throws {
        let rule = try #require(RuleCatalog.description(id: ruleID))
        // Artifact rules compare files on disk; Tests/ModelRegistryTests/Artifacts/ArtifactVerifierTests builds them.
        let documentedExceptions: Set<String> = ["yaml-encoding", "yaml-size", "artifact-drift", "artifacts-not-checked"]
        #expect(!rule.invalid.isEmpty || documentedExceptions.contains(ruleID), "every rule shows an invalid example")
        for example in rule.invalid {
            let prepared = PreparedExample(example)
            #expect(!prepared.markers.isEmpty, "invalid examples of \(ruleID) mark where the finding points")
            let findings = runAllRules(on: prepared).filter { $0.ruleID == ruleID }
            let found = Set(findings.map { MarkedPosition(path: $0.location.path, line: $0.location.line, column: $0.location.column) })
            #expect(found == Set(prepared.markers), "\(ruleID): expected findings at \(prepared.markers), got \(findings.map(\.description))")
            for finding in findings {
                #expect(finding.severity == rule.severity)
                #expect(!finding.message.isEmpty)
            }
        }
    }

    @Test func ruleIDsAreUniqueAndKebabCase() {
        let ids = Self.ruleIDs
        #expect(Set(ids).count == ids.count)
        for id in ids {
            #expect(id.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" }, "\(id) is kebab-case")
            #expect(!id.hasPrefix("-") && !id.hasSuffix("-") && !id.contains("--"))
        }
    }

    @Test func theIssueRulesAllExist() {
        let required = [
            "schema", "file-name-matches-id", "id-unique", "huggingface-id-unique", "projection-consistency",
            "positive-dimensions", "context-within-positions", "matryoshka-consistency", "lineage-reference",
            "lineage-acyclic", "replacement-reference", "artifact-paths", "aggregate-matches-files",
            "lock-consistency", "role-capabilities",
        ]
        for id in required { #expect(RuleCatalog.description(id: id) != nil, "missing rule \(id)") }
    }
}
