import Foundation
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

/// A temporary repository whose `main` holds a locked model and two plain ones, checked out on a `pr` branch
/// made from it: each test edits the branch with the git CLI and gates it against `main`.
struct GateRepository {
    let workspace: Workspace
    var root: String { workspace.root }

    static let hello = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"
    static let helloAggregate = "d45241e4682ab41c40d959c6e5ed4ad85ce3f95b726aaf89ac78c349bd84dfa4"
    static let world = "486ea46224d1bb4fb680f34f7c9ad96a8f24ec88be73ea8e5a6c65260e9cb8a7"
    static let worldAggregate = "828245fa21333ff9c8ff05933a9d45dff5079cba32bd562e6904d8df6c272b74"

    /// A locked model: the file's sha256 is on line 10, the aggregate on 12, `locked:` on 14, the expected hash on 15.
    static func locked(_ id: String, file: String = hello, aggregate: String = helloAggregate, extra: String = "") -> String {
        """
        schema_version: 1
        id: \(id)
        name: \(id)
        type: dense
        license: mit
        description: A locked test model.
        artifacts:
          files:
            - path: model.onnx
              sha256: \(file)
              size: 5
          aggregate_sha256: \(aggregate)
        version_lock:
          locked: true
          expected_aggregate_sha256: \(aggregate)
          last_verified: "2026-01-15T10:00:00Z"

        """ + extra
    }

    init() throws {
        workspace = try Workspace()
        try git("init", "-q")
        try git("config", "user.name", "Ada Lovelace")
        try git("config", "user.email", "ada@example.com")
        try git("config", "commit.gpgsign", "false")
        try workspace.write("registry/tiny-embedder.yaml", Self.locked("tiny-embedder"))
        try workspace.write("registry/base-lm.yaml", Workspace.model("base-lm", extra: "aliases: [base]\n"))
        try workspace.write("registry/tuned-lm.yaml", Workspace.model("tuned-lm", extra: "fine_tuned_from: base-lm\n"))
        try commitAll("initial registry")
        try git("branch", "-M", "main")
        try git("checkout", "-q", "-b", "pr")
    }

    @discardableResult
    func git(_ arguments: String...) throws -> String {
        let result = try run("/usr/bin/git", arguments, in: root)
        guard result.status == 0 else { throw ToolFailure("git \(arguments.joined(separator: " ")) failed: \(result.stderr)") }
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func commitAll(_ message: String) throws {
        try git("add", "-A")
        try git("commit", "-q", "-m", message)
    }

    /// Replaces the locked model's hashes with those of another file, consistently (a relock).
    func relock() throws {
        try workspace.write(
            "registry/tiny-embedder.yaml", Self.locked("tiny-embedder", file: Self.world, aggregate: Self.worldAggregate))
    }

    func gate(_ arguments: String..., environment: [String: String] = [:]) throws -> RunResult {
        try modelreg(["gate", "--base", "main"] + arguments, in: root, environment: environment)
    }

    func remove() { workspace.remove() }
}

@Suite struct GateCommandTests {
    @Test func addingAModelPasses() throws {
        let repo = try GateRepository()
        defer { repo.remove() }
        try repo.workspace.write("registry/new-model.yaml", Workspace.model("new-model"))
        try repo.commitAll("add new-model")
        let result = try repo.gate()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("0 errors"))
        #expect(result.stderr.hasSuffix("gate passed: main (\(try repo.git("rev-parse", "--short=7", "main"))) → HEAD (\(try repo.git("rev-parse", "--short=7", "HEAD"))), 1 registry file changed\n"))
    }

    @Test func editingALockedHashFailsAtTheLineOfTheHash() throws {
        let repo = try GateRepository()
        defer { repo.remove() }
        try repo.relock()
        try repo.commitAll("swap the weights")
        let result = try repo.gate("--format", "github")
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(
            lines.contains(
                "::error file=registry/tiny-embedder.yaml,line=10,col=15,title=locked-drift::the sha256 of `model.onnx` in locked "
                    + "`tiny-embedder` changed: 2cf24dba5fb0… → 486ea46224d1…%0Abefore: \(GateRepository.hello)%0Aa maintainer "
                    + "approves it with `modelreg gate --allow-relock tiny-embedder` (in CI: the relock label), or with a "
                    + "`modelreg lock` commit carrying `Relock-Approved-By:`"),
            "\(result.stdout)")
        #expect(lines.contains { $0.hasPrefix("::error file=registry/tiny-embedder.yaml,line=12,col=21,title=locked-drift::") })
        #expect(lines.contains { $0.hasPrefix("::error file=registry/tiny-embedder.yaml,line=15,col=30,title=locked-drift::") })
        #expect(lines.filter { $0.hasPrefix("::error") }.count == 3)
        #expect(lines.last?.hasPrefix("gate failed: main") == true)
    }

    @Test func aRelockApprovedOnTheCommandLinePasses() throws {
        let repo = try GateRepository()
        defer { repo.remove() }
        try repo.relock()
        try repo.commitAll("swap the weights")
        let result = try repo.gate("--allow-relock", "tiny-embedder", "--format", "github")
        #expect(result.status == 0, "\(result.stdout)")
        #expect(!result.stdout.contains("::error"))
        #expect(result.stdout.contains("::notice title=relock approved::tiny-embedder: --allow-relock tiny-embedder\n"))
        // Approving another model approves nothing here.
        #expect(try repo.gate("--allow-relock", "base-lm").status == 1)
    }

    @Test func aRelockApprovedInACommitTrailerPasses() throws {
        let repo = try GateRepository()
        defer { repo.remove() }
        try repo.relock()
        try repo.git("add", "-A")
        try repo.git(
            "commit", "-q", "-m", "lock(tiny-embedder): relock to the re-exported weights",
            "-m", "Model-Id: tiny-embedder\nRegistry-Action: lock\nRelock-Approved-By: Grace Hopper <grace@example.com>")
        try repo.workspace.write("registry/other.yaml", Workspace.model("other"))
        try repo.commitAll("an unrelated commit after the relock")
        let result = try repo.gate()
        #expect(result.status == 0, "\(result.stderr)")
        let commit = try repo.git("rev-parse", "--short=7", "HEAD~1")
        #expect(
            result.stderr.contains(
                "note: approved change of locked `tiny-embedder` by Relock-Approved-By: Grace Hopper <grace@example.com> (commit \(commit))"))
    }

    @Test func aLockCommitWithoutApprovalOrForAnotherHashDoesNotApprove() throws {
        let repo = try GateRepository()
        defer { repo.remove() }
        try repo.relock()
        try repo.git("add", "-A")
        try repo.git("commit", "-q", "-m", "lock(tiny-embedder): relock", "-m", "Model-Id: tiny-embedder\nRegistry-Action: lock")
        #expect(try repo.gate().status == 1)
        try repo.git(
            "commit", "-q", "--allow-empty", "-m", "lock(tiny-embedder): approved, but for other weights",
            "-m", "Model-Id: tiny-embedder\nRegistry-Action: lock\nAggregate-SHA256: \(GateRepository.helloAggregate)\n"
                + "Relock-Approved-By: Grace Hopper <grace@example.com>")
        let result = try repo.gate()
        #expect(result.status == 1, "the approval names another aggregate: \(result.stderr)")
        try repo.git(
            "commit", "-q", "--allow-empty", "-m", "lock(tiny-embedder): approved",
            "-m", "Model-Id: tiny-embedder\nRegistry-Action: lock\nAggregate-SHA256: \(GateRepository.worldAggregate)\n"
                + "Relock-Approved-By: Grace Hopper <grace@example.com>")
        #expect(try repo.gate().status == 0)
    }

    @Test func removingTheLockFails() throws {
        let repo = try GateRepository()
        defer { repo.remove() }
        let text = try #require(repo.workspace.read("registry/tiny-embedder.yaml"))
        try repo.workspace.write("registry/tiny-embedder.yaml", text.replacingOccurrences(of: "locked: true", with: "locked: false"))
        try repo.commitAll("unlock")
        let result = try repo.gate("--format", "github")
        #expect(result.status == 1)
        #expect(result.stdout.contains("::error file=registry/tiny-embedder.yaml,line=14,col=11,title=lock-removed::"), "\(result.stdout)")
        // A trailer approves relocks only; a maintainer's --allow-relock approves the unlock.
        #expect(try repo.gate("--allow-relock", "tiny-embedder").status == 0)
    }

    @Test func deletingALockedEntryFails() throws {
        let repo = try GateRepository()
        defer { repo.remove() }
        try repo.git("rm", "-q", "registry/tiny-embedder.yaml")
        try repo.git("commit", "-q", "-m", "remove tiny-embedder")
        let result = try repo.gate("--format", "github")
        #expect(result.status == 1)
        #expect(
            result.stdout.contains(
                "::error file=registry/tiny-embedder.yaml,line=2,col=5,title=locked-deletion::locked `tiny-embedder` was deleted without being deprecated first%0A"),
            "\(result.stdout)")
    }

    @Test func deprecatingThenDeletingPasses() throws {
        let repo = try GateRepository()
        defer { repo.remove() }
        // Deprecating and deleting in the same pull request is still a deletion of a live model.
        try repo.workspace.write("registry/tiny-embedder.yaml", GateRepository.locked("tiny-embedder", extra: "deprecated: true\n"))
        try repo.commitAll("deprecate tiny-embedder")
        try repo.git("rm", "-q", "registry/tiny-embedder.yaml")
        try repo.git("commit", "-q", "-m", "remove tiny-embedder")
        #expect(try repo.gate().status == 1)

        // Deprecated on main first, deleted later: passes.
        try repo.git("checkout", "-q", "main")
        try repo.git("merge", "-q", "--ff-only", "pr~1")
        try repo.git("checkout", "-q", "pr")
        let result = try repo.gate()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("1 registry file changed"))
    }

    @Test func invalidYAMLFailsAtItsLine() throws {
        let repo = try GateRepository()
        defer { repo.remove() }
        try repo.workspace.write("registry/broken.yaml", "schema_version: 1\nid: broken\nname: [unclosed\ntype: dense\n")
        // A locked entry that no longer parses is a reader error, not a deletion.
        let locked = GateRepository.locked("tiny-embedder").replacingOccurrences(of: "name: tiny-embedder", with: "name: [oops")
        try repo.workspace.write("registry/tiny-embedder.yaml", locked)
        try repo.commitAll("break two files")
        let result = try repo.gate("--format", "github")
        #expect(result.status == 1)
        let errors = result.stdout.split(separator: "\n").filter { $0.hasPrefix("::error") }
        #expect(errors.count == 2, "\(result.stdout)")
        #expect(errors.contains { $0.hasPrefix("::error file=registry/broken.yaml,line=4,col=5,title=yaml-syntax::") }, "\(errors)")
        #expect(errors.contains { $0.hasPrefix("::error file=registry/tiny-embedder.yaml,line=4,col=5,title=yaml-syntax::") })
    }

    @Test func unchangedFilesAreCheckedAcrossFilesThroughTheCache() throws {
        let repo = try GateRepository()
        defer { repo.remove() }
        try repo.git("rm", "-q", "registry/base-lm.yaml")
        try repo.git("commit", "-q", "-m", "remove base-lm, which tuned-lm still names")
        let cold = try repo.gate()
        #expect(cold.status == 1)
        #expect(cold.stderr.contains("registry/tuned-lm.yaml:7:18: error: `fine_tuned_from` names `base-lm`, which is not an id in the registry [lineage-reference]"), "\(cold.stderr)")
        let cache = try #require(repo.workspace.read(".modelreg/entry-extracts"))
        #expect(cache.hasPrefix("modelreg entry extracts 1\n"))
        #expect(cache.contains(try repo.git("rev-parse", "pr:registry/tuned-lm.yaml") + "\t"))
        let warm = try repo.gate()
        #expect(warm.stderr == cold.stderr)
        // A damaged cache is ignored, never trusted.
        try repo.workspace.write(".modelreg/entry-extracts", "modelreg entry extracts 1\nnot a record\n")
        #expect(try repo.gate().stderr == cold.stderr)
        #expect(try repo.gate("--no-cache").stderr == cold.stderr)
    }

    @Test func theStepSummaryGetsTheMarkdown() throws {
        let repo = try GateRepository()
        defer { repo.remove() }
        try repo.relock()
        try repo.workspace.write("registry/new-model.yaml", Workspace.model("new-model"))
        try repo.commitAll("relock and add")
        let summary = repo.root + "/step-summary.md"
        try repo.workspace.write("step-summary.md", "previous step\n")
        let result = try repo.gate("--format", "github", environment: ["GITHUB_STEP_SUMMARY": summary])
        #expect(result.status == 1)
        let markdown = try #require(repo.workspace.read("step-summary.md"))
        #expect(markdown.hasPrefix("previous step\n## modelreg gate: ❌ failed\n"), "\(markdown)")
        #expect(markdown.contains("| ❌ | `registry/tiny-embedder.yaml:10:15` | [`locked-drift`]"))
        #expect(markdown.contains("### Registry changes"))
        #expect(markdown.contains("**Added:** `new-model`"))
        #expect(markdown.contains("| `artifacts.files[0].sha256` | `\(GateRepository.hello)` | `\(GateRepository.world)` |"))

        try repo.workspace.write("step-summary.md", "")
        #expect(try repo.gate("--format", "github", "--allow-relock", "tiny-embedder", environment: ["GITHUB_STEP_SUMMARY": summary]).status == 0)
        let approved = try #require(repo.workspace.read("step-summary.md"))
        #expect(approved.hasPrefix("## modelreg gate: ✅ passed\n"))
        #expect(approved.contains("### Approved relocks\n\n- `tiny-embedder`: --allow-relock tiny-embedder — 3 changes to the lock (`locked-drift`)"))
        // Other formats leave the summary alone.
        #expect(try repo.gate("--format", "json", environment: ["GITHUB_STEP_SUMMARY": summary]).status == 1)
        #expect(repo.workspace.read("step-summary.md") == approved)
    }

    @Test func junitIsWellFormedXML() throws {
        let repo = try GateRepository()
        defer { repo.remove() }
        try repo.relock()
        try repo.workspace.write("registry/new-model.yaml", Workspace.model("new-model", extra: "description: <b>&amp;\"quoted\"</b>\n"))
        try repo.commitAll("relock and add a model with markup")
        let result = try repo.gate("--format", "junit")
        #expect(result.status == 1)
        let summary = try JUnitSummary(xml: result.stdout)
        #expect(summary.suites == ["modelreg gate"])
        #expect(summary.testcases == ["registry/new-model.yaml", "registry/tiny-embedder.yaml"])
        #expect(summary.failures.count == 4, "3 drifts and a duplicate key: \(summary.failures)")
        #expect(summary.failures.filter { $0 == "locked-drift" }.count == 3)
        #expect(summary.failures.contains("yaml-duplicate-key"))
        #expect(summary.rootAttributes["failures"] == "4")
    }

    @Test func jsonAndSARIFCarryTheSameFindings() throws {
        let repo = try GateRepository()
        defer { repo.remove() }
        try repo.relock()
        try repo.commitAll("swap the weights")
        let json = try repo.gate("--format", "json")
        #expect(json.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(findings.map { $0["line"] as? Int } == [10, 12, 15])
        let gate = try #require(object["gate"] as? [String: Any])
        #expect(gate["passed"] as? Bool == false)
        #expect(gate["changed_files"] as? [String] == ["registry/tiny-embedder.yaml"])

        let sarif = try repo.gate("--format", "sarif")
        #expect(sarif.status == 1)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any])
        let runs = try #require(log["runs"] as? [[String: Any]])
        #expect((runs.first?["results"] as? [Any])?.count == 3)
    }

    @Test func aShallowCloneGivesAClearError() throws {
        let repo = try GateRepository()
        defer { repo.remove() }
        try repo.relock()
        try repo.commitAll("swap the weights")
        // main moves on after the branch: its new model is not part of the pull request.
        try repo.git("checkout", "-q", "main")
        try repo.workspace.write("registry/later.yaml", Workspace.model("later"))
        try repo.commitAll("add later on main")
        try repo.git("checkout", "-q", "pr")
        let clones = try Workspace()
        defer { clones.remove() }
        // The default checkout of actions/checkout: one commit of the pull request, no base branch.
        let single = clones.root + "/single"
        try #require(try run("/usr/bin/git", ["clone", "-q", "--depth", "1", "--branch", "pr", "file://" + repo.root, single], in: clones.root).status == 0)
        let missing = try modelreg(["gate", "--base", "origin/main"], in: single)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("modelreg: error: unknown base revision `origin/main`"), "\(missing.stderr)")
        #expect(missing.stderr.contains("shallow clone") && missing.stderr.contains("`fetch-depth: 0`"))

        // Both branches, but cut so that their common history is missing.
        let both = clones.root + "/both"
        try #require(try run("/usr/bin/git", ["clone", "-q", "--depth", "1", "--no-single-branch", "--branch", "pr", "file://" + repo.root, both], in: clones.root).status == 0)
        let cut = try modelreg(["gate", "--base", "origin/main"], in: both)
        #expect(cut.status == 2)
        #expect(cut.stderr.contains("cannot find where `HEAD` branched from `origin/main`"), "\(cut.stderr)")
        #expect(cut.stderr.contains("`fetch-depth: 0`"))

        // With the whole history the same check runs and finds the drift.
        let full = clones.root + "/full"
        try #require(try run("/usr/bin/git", ["clone", "-q", "--branch", "pr", "file://" + repo.root, full], in: clones.root).status == 0)
        let gated = try modelreg(["gate", "--base", "origin/main"], in: full)
        #expect(gated.status == 1)
        #expect(gated.stderr.contains("3 errors") && gated.stderr.contains("1 registry file changed"), "\(gated.stderr)")
    }

    @Test func usageErrors() throws {
        let repo = try GateRepository()
        defer { repo.remove() }
        #expect(try modelreg(["gate"], in: repo.root).status == 64)
        let unknown = try modelreg(["gate", "--base", "no-such-branch"], in: repo.root)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.hasPrefix("modelreg: error: unknown base revision `no-such-branch`"))
    }
}

/// What a JUnit document holds, read with Foundation's XML parser (which fails on malformed XML).
final class JUnitSummary: NSObject, XMLParserDelegate {
    var suites: [String] = []
    var testcases: [String] = []
    var failures: [String] = []
    var rootAttributes: [String: String] = [:]
    private var depth = 0

    init(xml: String) throws {
        super.init()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = self
        guard parser.parse() else {
            throw ToolFailure("malformed XML: \(parser.parserError.map { "\($0)" } ?? "unknown error")\n\(xml)")
        }
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if depth == 0 { rootAttributes = attributes }
        depth += 1
        switch elementName {
        case "testsuite": suites.append(attributes["name"] ?? "")
        case "testcase": testcases.append(attributes["name"] ?? "")
        case "failure": failures.append(attributes["type"] ?? "")
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        depth -= 1
    }
}
