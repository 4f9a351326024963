import Foundation
import Testing

/// A temporary git repository with a small registry, built and inspected with the real `git` CLI.
struct GitWorkspace {
    let workspace: Workspace
    var root: String { workspace.root }

    init(models: [String: String] = GitWorkspace.defaultModels) throws {
        workspace = try Workspace()
        try git("init", "-q")
        try git("config", "user.name", "Ada Lovelace")
        try git("config", "user.email", "ada@example.com")
        try git("config", "commit.gpgsign", "false")
        for (id, text) in models { try workspace.write("registry/\(id).yaml", text) }
        try git("add", ".")
        try gitArray(
            ["commit", "-q", "-m", "initial registry"],
            environment: ["GIT_COMMITTER_DATE": "2026-01-01T10:00:00Z", "GIT_AUTHOR_DATE": "2026-01-01T10:00:00Z"])
    }

    static let defaultModels = [
        "base-lm": Workspace.model("base-lm", extra: "# the base\nspecs:\n  embedding_dim: 768 # width\n  num_layers: 12\naliases: [base]\n"),
        "tuned-lm": Workspace.model("tuned-lm", extra: "fine_tuned_from: base-lm\n"),
        "other": Workspace.model("other", extra: "roles: [retrieval]\n"),
    ]

    @discardableResult
    func git(_ arguments: String...) throws -> String {
        try gitArray(arguments)
    }

    @discardableResult
    func gitArray(_ arguments: [String], environment: [String: String] = [:]) throws -> String {
        let result = try run("/usr/bin/git", arguments, in: root, environment: environment)
        guard result.status == 0 else {
            throw ToolFailure("git \(arguments.joined(separator: " ")) failed: \(result.stderr)")
        }
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `git fsck --strict` must accept the repository.
    func expectFsckClean(sourceLocation: SourceLocation = #_sourceLocation) throws {
        let result = try run("/usr/bin/git", ["fsck", "--strict", "--no-progress"], in: root)
        #expect(result.status == 0, "git fsck --strict: \(result.stdout) \(result.stderr)", sourceLocation: sourceLocation)
        #expect(!result.stdout.contains("error") && !result.stderr.contains("error"), sourceLocation: sourceLocation)
    }

    func modelreg(_ arguments: String...) throws -> RunResult {
        try ModelRegCLITests.modelreg(arguments, in: root)
    }

    func remove() { workspace.remove() }
}

struct ToolFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

@Suite struct MutatingCommandTests {
    @Test func setEditsOnlyTheValueAndMakesOneCleanCommit() throws {
        let repo = try GitWorkspace()
        defer { repo.remove() }
        let before = try #require(repo.workspace.read("registry/base-lm.yaml"))
        let head = try repo.git("rev-parse", "HEAD")
        let result = try repo.modelreg("set", "base-lm", "specs.embedding_dim=1024", "-m", "the card says 1024")
        #expect(result.status == 0, "\(result.stderr)")
        let after = try #require(repo.workspace.read("registry/base-lm.yaml"))
        #expect(after == before.replacingOccurrences(of: "embedding_dim: 768 # width", with: "embedding_dim: 1024 # width"))
        #expect(try repo.git("rev-parse", "HEAD~1") == head)
        #expect(try repo.git("log", "-1", "--format=%s") == "set(base-lm): specs.embedding_dim = 1024")
        let body = try repo.git("log", "-1", "--format=%B")
        #expect(body.contains("the card says 1024"))
        #expect(body.contains("Model-Id: base-lm\nRegistry-Action: set\nChanged-Field: specs.embedding_dim"))
        #expect(try repo.git("log", "-1", "--format=%an <%ae>") == "Ada Lovelace <ada@example.com>")
        #expect(try repo.git("show", "--name-only", "--format=", "HEAD") == "registry/base-lm.yaml")
        #expect(try repo.git("status", "--porcelain") == "")
        try repo.expectFsckClean()
    }

    @Test func otherStagedAndModifiedFilesStayAsTheyWere() throws {
        let repo = try GitWorkspace()
        defer { repo.remove() }
        try repo.workspace.write("notes.txt", "staged\n")
        try repo.git("add", "notes.txt")
        try repo.workspace.write("registry/other.yaml", Workspace.model("other", extra: "roles: [retrieval, rerank]\n"))
        let result = try repo.modelreg("alias", "base-lm", "add", "base-v1")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try repo.git("status", "--porcelain") == "A  notes.txt\n M registry/other.yaml")
        #expect(try repo.git("show", "--name-only", "--format=", "HEAD") == "registry/base-lm.yaml")
        #expect(try repo.git("show", "HEAD:registry/base-lm.yaml").contains("aliases: [base, base-v1]"))
        try repo.expectFsckClean()
    }

    @Test func invalidResultIsRefusedAndNothingIsWritten() throws {
        let repo = try GitWorkspace()
        defer { repo.remove() }
        let before = repo.workspace.read("registry/base-lm.yaml")
        let head = try repo.git("rev-parse", "HEAD")
        let result = try repo.modelreg("set", "base-lm", "specs.embedding_dim=0")
        #expect(result.status == 1)
        #expect(result.stderr.contains("[positive-dimensions]"))
        #expect(result.stderr.contains("nothing was written or committed"))
        #expect(try repo.git("rev-parse", "HEAD") == head)
        #expect(repo.workspace.read("registry/base-lm.yaml") == before)
        let clash = try repo.modelreg("alias", "other", "add", "BASE")
        #expect(clash.status == 1)
        #expect(clash.stderr.contains("[id-unique]"))
    }

    @Test func commitsCheckUntouchedFilesThroughKeptExtracts() throws {
        let repo = try GitWorkspace()
        defer { repo.remove() }
        // Problems already committed elsewhere (by hand, with git) do not block an unrelated change.
        try repo.workspace.write("registry/broken.yaml", "id: [unclosed\n")
        try repo.workspace.write("registry/twin-a.yaml", Workspace.model("twin-a", extra: "aliases: [twin]\n"))
        try repo.workspace.write("registry/twin-b.yaml", Workspace.model("twin-b", extra: "aliases: [twin]\n"))
        try repo.git("add", ".")
        try repo.git("commit", "-q", "-m", "hand-written problems")
        let first = try repo.modelreg("set", "other", "license=apache-2.0")
        #expect(first.status == 0, "\(first.stderr)")
        let cache = try #require(repo.workspace.read(".modelreg/entry-extracts"))
        #expect(cache.split(separator: "\n").count == 7, "a header and one line per committed model file: \(cache)")
        #expect(try repo.git("status", "--porcelain") == "")

        // The next commits read the others from the kept extracts, and still see every clash they would make.
        let clash = try repo.modelreg("alias", "base-lm", "add", "twin-a")
        #expect(clash.status == 1)
        #expect(clash.stderr.contains("[id-unique]"), "\(clash.stderr)")
        let lineage = try repo.modelreg("set", "other", "fine_tuned_from=missing-model")
        #expect(lineage.status == 1)
        #expect(lineage.stderr.contains("registry/other.yaml"), "\(lineage.stderr)")
        // A file changed by git behind modelreg's back is a new blob: read again, never taken from the cache.
        try repo.workspace.write("registry/twin-b.yaml", Workspace.model("twin-b", extra: "aliases: [base-v2]\n"))
        try repo.git("commit", "-q", "-am", "twin-b renamed its alias")
        let taken = try repo.modelreg("alias", "base-lm", "add", "base-v2")
        #expect(taken.status == 1)
        #expect(taken.stderr.contains("registry/twin-b.yaml"), "\(taken.stderr)")
        let free = try repo.modelreg("alias", "base-lm", "add", "twin")
        #expect(free.status == 1, "twin is still an alias of twin-a")
        let fine = try repo.modelreg("alias", "base-lm", "add", "base-v1")
        #expect(fine.status == 0, "\(fine.stderr)")
        try repo.expectFsckClean()
    }

    @Test func aCleanTreeSparesTheCrossFileCheckOfEditsThatKeepEveryName() throws {
        let repo = try GitWorkspace()
        defer { repo.remove() }
        let first = try repo.modelreg("set", "other", "license=apache-2.0")
        #expect(first.status == 0, "\(first.stderr)")
        let recorded = try #require(repo.workspace.read(".modelreg/clean-registry-trees"))
        #expect(recorded.contains(try repo.git("rev-parse", "HEAD:registry")))

        // A change to no name: the other files are not read (the extract cache is neither needed nor rewritten).
        try FileManager.default.removeItem(atPath: repo.root + "/.modelreg/entry-extracts")
        let quiet = try repo.modelreg("set", "other", "license=mit")
        #expect(quiet.status == 0, "\(quiet.stderr)")
        #expect(repo.workspace.read(".modelreg/entry-extracts") == nil)
        #expect(try repo.workspace.read(".modelreg/clean-registry-trees")?.contains(try repo.git("rev-parse", "HEAD:registry")) == true)

        // A change to a name is checked against every file, and a clash is still refused.
        let clash = try repo.modelreg("alias", "other", "add", "base")
        #expect(clash.status == 1)
        #expect(clash.stderr.contains("[id-unique]"), "\(clash.stderr)")
        let lineage = try repo.modelreg("set", "other", "fine_tuned_from=nowhere")
        #expect(lineage.status == 1)
        #expect(lineage.stderr.contains("[lineage-reference]"), "\(lineage.stderr)")
        let renamed = try repo.modelreg("alias", "other", "add", "other-v2")
        #expect(renamed.status == 0, "\(renamed.stderr)")
        #expect(repo.workspace.read(".modelreg/entry-extracts") != nil)

        // Commits made with git in between count when they keep every name...
        try FileManager.default.removeItem(atPath: repo.root + "/.modelreg/entry-extracts")
        try repo.workspace.write("registry/base-lm.yaml", Workspace.model("base-lm", extra: "aliases: [base]\n"))  // specs dropped
        try repo.git("commit", "-q", "-am", "hand edit that keeps the names")
        let afterHandEdit = try repo.modelreg("set", "other", "license=apache-2.0")
        #expect(afterHandEdit.status == 0, "\(afterHandEdit.stderr)")
        #expect(repo.workspace.read(".modelreg/entry-extracts") == nil)
        // ...and not when they change one: then every file is read, and a tree with a clash is not recorded clean.
        try repo.workspace.write("registry/tuned-lm.yaml", Workspace.model("tuned-lm", extra: "fine_tuned_from: base-lm\naliases: [other-v2]\n"))
        try repo.git("commit", "-q", "-am", "hand edit that takes another model's alias")
        let afterClash = try repo.modelreg("set", "other", "license=mit")
        #expect(afterClash.status == 0, "an error that was already there does not block: \(afterClash.stderr)")
        #expect(repo.workspace.read(".modelreg/entry-extracts") != nil)
        #expect(try repo.workspace.read(".modelreg/clean-registry-trees")?.contains(try repo.git("rev-parse", "HEAD:registry")) == false)
        #expect(try repo.git("status", "--porcelain") == "")
        try repo.expectFsckClean()
    }

    @Test func uncommittedChangesToTheFileAreProtected() throws {
        let repo = try GitWorkspace()
        defer { repo.remove() }
        try repo.workspace.write("registry/other.yaml", Workspace.model("other", extra: "roles: [chat]\n"))
        let result = try repo.modelreg("set", "other", "license=apache-2.0")
        #expect(result.status == 2)
        #expect(result.stderr.contains("uncommitted changes"))
        #expect(repo.workspace.read("registry/other.yaml")?.contains("roles: [chat]") == true)
    }

    @Test func deprecateRenameAndRemove() throws {
        let repo = try GitWorkspace()
        defer { repo.remove() }
        let deprecate = try repo.modelreg("deprecate", "other", "--replaced-by", "base-lm", "--reason", "superseded", "--since", "2026-01-01")
        #expect(deprecate.status == 0, "\(deprecate.stderr)")
        let deprecated = try repo.git("show", "HEAD:registry/other.yaml")
        #expect(deprecated.hasSuffix("deprecated:\n  since: \"2026-01-01\"\n  reason: superseded\n  replaced_by: base-lm"))

        let refused = try repo.modelreg("rm", "base-lm")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("still reference `base-lm`"))

        let rename = try repo.modelreg("rename", "base-lm", "base-lm-v1")
        #expect(rename.status == 0, "\(rename.stderr)")
        let nameStatus = try repo.git("show", "--name-status", "--format=", "-M", "HEAD")
        #expect(nameStatus.contains("\tregistry/base-lm.yaml\tregistry/base-lm-v1.yaml"), "git sees a rename: \(nameStatus)")
        #expect(nameStatus.contains("M\tregistry/tuned-lm.yaml") && nameStatus.contains("M\tregistry/other.yaml"))
        #expect(try repo.git("show", "HEAD:registry/tuned-lm.yaml").contains("fine_tuned_from: base-lm-v1"))
        #expect(try repo.git("show", "HEAD:registry/other.yaml").contains("replaced_by: base-lm-v1"))
        #expect(try repo.git("show", "HEAD:registry/base-lm-v1.yaml").contains("id: base-lm-v1"))
        #expect(try repo.git("status", "--porcelain") == "")
        #expect(try repo.modelreg("verify").status == 0)

        try repo.git("rm", "-q", "registry/tuned-lm.yaml")
        try repo.git("commit", "-q", "-m", "drop the fine-tune by hand")
        let removeOther = try repo.modelreg("rm", "other")
        #expect(removeOther.status == 0, "\(removeOther.stderr)")
        #expect(!FileManager.default.fileExists(atPath: repo.root + "/registry/other.yaml"))
        #expect(try repo.git("status", "--porcelain") == "")
        try repo.expectFsckClean()
    }

    @Test func addAndNewCommitOnlyTheirFiles() throws {
        let repo = try GitWorkspace()
        defer { repo.remove() }
        try repo.workspace.write("registry/fresh.yaml", Workspace.model("fresh"))
        try repo.workspace.write("unrelated.txt", "x\n")
        let added = try repo.modelreg("add", "registry/fresh.yaml")
        #expect(added.status == 0, "\(added.stderr)")
        #expect(try repo.git("log", "-1", "--format=%s") == "add(fresh): added fresh")
        #expect(try repo.git("status", "--porcelain") == "?? unrelated.txt")
        let created = try repo.modelreg("new", "scaffolded", "--commit")
        #expect(created.status == 0, "\(created.stderr)")
        #expect(try repo.git("log", "-1", "--format=%s").hasPrefix("new(scaffolded): "))
        #expect(try repo.git("status", "--porcelain") == "?? unrelated.txt")
        try repo.expectFsckClean()
    }

    @Test func missingIdentityIsAClearError() throws {
        let repo = try GitWorkspace()
        defer { repo.remove() }
        try repo.git("config", "--unset", "user.name")
        try repo.git("config", "--unset", "user.email")
        let home = try Workspace()
        defer { home.remove() }
        let environment = ["HOME": home.root, "XDG_CONFIG_HOME": home.root, "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"]
        let result = try ModelRegCLITests.modelreg(["set", "other", "license=apache-2.0"], in: repo.root, environment: environment)
        #expect(result.status == 2)
        #expect(result.stderr.contains("user.name"), "\(result.stderr)")
        let withAuthor = try ModelRegCLITests.modelreg(
            ["set", "other", "license=apache-2.0", "--author", "Grace Hopper <grace@example.com>"], in: repo.root, environment: environment)
        #expect(withAuthor.status == 0, "\(withAuthor.stderr)")
        #expect(try repo.git("log", "-1", "--format=%an <%ae>") == "Grace Hopper <grace@example.com>")
    }
}

@Suite struct HistoryCommandTests {
    /// History written by the git CLI: plain commits, a merged branch, a hand rename.
    func repositoryWithHistory() throws -> GitWorkspace {
        let repo = try GitWorkspace()
        let env = ["GIT_COMMITTER_DATE": "2026-02-01T10:00:00Z", "GIT_AUTHOR_DATE": "2026-02-01T10:00:00Z"]
        try repo.workspace.write("registry/base-lm.yaml", try #require(repo.workspace.read("registry/base-lm.yaml")).replacingOccurrences(of: "768", with: "1024"))
        try repo.gitArray(["commit", "-q", "-am", "widen base"], environment: env)
        let branch = try repo.git("rev-parse", "--abbrev-ref", "HEAD")
        try repo.git("checkout", "-q", "-b", "feature")
        try repo.workspace.write("registry/other.yaml", Workspace.model("other", extra: "roles: [retrieval, rerank]\n"))
        try repo.gitArray(["commit", "-q", "-am", "other can rerank"], environment: ["GIT_COMMITTER_DATE": "2026-03-01T10:00:00Z", "GIT_AUTHOR_DATE": "2026-03-01T10:00:00Z"])
        try repo.git("checkout", "-q", branch)
        try repo.gitArray(["merge", "-q", "--no-ff", "-m", "Merge pull request #1 from feature", "feature"], environment: ["GIT_COMMITTER_DATE": "2026-03-02T10:00:00Z", "GIT_AUTHOR_DATE": "2026-03-02T10:00:00Z"])
        try repo.git("mv", "registry/other.yaml", "registry/other-v2.yaml")
        let renamed = try #require(repo.workspace.read("registry/other-v2.yaml")).replacingOccurrences(of: "id: other", with: "id: other-v2")
        try repo.workspace.write("registry/other-v2.yaml", renamed)
        try repo.gitArray(["commit", "-q", "-am", "rename other by hand"], environment: ["GIT_COMMITTER_DATE": "2026-04-01T10:00:00Z", "GIT_AUTHOR_DATE": "2026-04-01T10:00:00Z"])
        return repo
    }

    @Test func historyFollowsMergesAndHandRenames() throws {
        let repo = try repositoryWithHistory()
        defer { repo.remove() }
        let result = try repo.modelreg("history", "other-v2")
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let subjects = lines.filter { !$0.hasPrefix("    ") }.map { $0.split(separator: " ", maxSplits: 5).last.map(String.init) ?? "" }
        #expect(lines.filter { !$0.hasPrefix("    ") }.count == 3, "\(result.stdout)")
        #expect(lines[0].hasSuffix("rename other by hand"))
        #expect(lines.contains("    renamed registry/other.yaml → registry/other-v2.yaml"))
        #expect(lines.contains("    id: other → other-v2"))
        #expect(lines.contains { $0.hasSuffix("other can rerank") })
        #expect(lines.contains("    + roles: rerank"))
        #expect(lines.last(where: { !$0.hasPrefix("    ") })?.hasSuffix("initial registry") == true, "\(subjects)")
        #expect(!result.stdout.contains("Merge pull request"), "the merge changed nothing beyond its branch")

        let field = try repo.modelreg("history", "base-lm", "--field", "specs.embedding_dim", "--format", "json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(field.stdout.utf8)) as? [String: Any])
        let revisions = try #require(object["revisions"] as? [[String: Any]])
        #expect(revisions.map { $0["subject"] as? String } == ["widen base", "initial registry"])
        #expect(object["complete"] as? Bool == true)
        let since = try repo.modelreg("history", "other-v2", "--since", "2026-03-15")
        #expect(since.stdout.split(separator: "\n").filter { !$0.hasPrefix("    ") }.count == 1)
    }

    @Test func showAtRevisionAndDateBlameDiffLog() throws {
        let repo = try repositoryWithHistory()
        defer { repo.remove() }
        let old = try repo.modelreg("show", "base-lm@HEAD~3", "--format", "json")
        #expect(old.status == 0, "\(old.stderr)")
        #expect(old.stdout.contains("\"embedding_dim\": 768"))
        // On 1 March the branch was not merged yet; on 2 March it was.
        let first = try repo.modelreg("show", "other", "--at", "2026-03-01")
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("roles: [retrieval]\n"))
        let second = try repo.modelreg("show", "other", "--at", "2026-03-02")
        #expect(second.stdout.contains("roles: [retrieval, rerank]"))
        let blame = try repo.modelreg("blame", "base-lm")
        #expect(blame.stdout.split(separator: "\n").contains { $0.hasPrefix("specs.embedding_dim") && $0.hasSuffix("widen base") })
        #expect(blame.stdout.split(separator: "\n").contains { $0.hasPrefix("specs.num_layers") && $0.hasSuffix("initial registry") })
        let diff = try repo.modelreg("diff", "HEAD~3", "HEAD")
        #expect(diff.stdout.contains("renamed    other → other-v2"), "\(diff.stdout)")
        #expect(diff.stdout.contains("specs.embedding_dim: 768 → 1024"))
        let markdown = try repo.modelreg("diff", "HEAD~3", "HEAD", "--format", "markdown")
        #expect(markdown.stdout.contains("| `specs.embedding_dim` | `768` | `1024` |"))
        let log = try repo.modelreg("log")
        #expect(log.stdout.contains("R other → other-v2"))
        #expect(log.stdout.contains("M base-lm"))
        let verifyOld = try repo.modelreg("verify", "--rev", "HEAD~2")
        #expect(verifyOld.status == 0, "\(verifyOld.stderr)")
    }

    @Test func historyIndexIsIncrementalAndSurvivesRewrites() throws {
        let repo = try repositoryWithHistory()
        defer { repo.remove() }
        #expect(try repo.modelreg("history", "base-lm").status == 0)
        #expect(FileManager.default.fileExists(atPath: repo.root + "/.modelreg"))
        try repo.workspace.write("registry/base-lm.yaml", try #require(repo.workspace.read("registry/base-lm.yaml")).replacingOccurrences(of: "1024", with: "2048"))
        try repo.git("commit", "-q", "-am", "wider still")
        #expect(try repo.modelreg("history", "base-lm").stdout.contains("specs.embedding_dim: 1024 → 2048"))
        // Rewrite the branch: the index must not report the commit that no longer exists.
        try repo.git("reset", "-q", "--hard", "HEAD~1")
        try repo.workspace.write("registry/base-lm.yaml", try #require(repo.workspace.read("registry/base-lm.yaml")).replacingOccurrences(of: "1024", with: "4096"))
        try repo.git("commit", "-q", "-am", "rewritten")
        let rewritten = try repo.modelreg("history", "base-lm")
        #expect(rewritten.stdout.contains("specs.embedding_dim: 1024 → 4096"))
        #expect(!rewritten.stdout.contains("wider still"))
    }

    /// An index extended by a few commits, then by many, answers as one built from scratch.
    @Test func anExtendedIndexAnswersAsAFreshOne() throws {
        let repo = try repositoryWithHistory()
        defer { repo.remove() }
        #expect(try repo.modelreg("history", "base-lm").status == 0)
        for round in [1, 70] {
            for step in 0..<round {
                let text = try #require(repo.workspace.read("registry/other-v2.yaml"))
                try repo.workspace.write("registry/other-v2.yaml", text + "# \(round)-\(step)\n")
                try repo.gitArray(["commit", "-q", "-am", "note \(round)-\(step)"])
            }
            let extended = try repo.modelreg("log", "--format", "json")
            let history = try repo.modelreg("history", "other-v2", "--format", "json")
            try FileManager.default.removeItem(atPath: repo.root + "/.modelreg")
            let fresh = try repo.modelreg("log", "--format", "json")
            #expect(extended.status == 0 && history.status == 0, "\(extended.stderr) \(history.stderr)")
            #expect(extended.stdout == fresh.stdout, "after \(round) new commits")
            #expect(history.stdout == (try repo.modelreg("history", "other-v2", "--format", "json")).stdout)
            #expect(history.stdout.contains("note \(round)-\(round - 1)"))
        }
    }

    @Test func aDamagedIndexIsRebuiltNotBelieved() throws {
        let repo = try repositoryWithHistory()
        defer { repo.remove() }
        let expected = try repo.modelreg("history", "other-v2", "--format", "json")
        #expect(expected.status == 0, "\(expected.stderr)")
        let file = repo.root + "/.modelreg/history-registry.index"
        let intact = try #require(FileManager.default.contents(atPath: file))
        for damaged in [intact.prefix(intact.count / 2), Data("garbage".utf8), Data(), intact + Data([0])] {
            try damaged.write(to: URL(fileURLWithPath: file))
            let result = try repo.modelreg("history", "other-v2", "--format", "json")
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout == expected.stdout)
            #expect(FileManager.default.contents(atPath: file) == intact, "the index is written again in full")
        }
    }

    @Test func shallowCloneSaysHistoryIsCut() throws {
        let repo = try repositoryWithHistory()
        defer { repo.remove() }
        let clone = try Workspace()
        defer { clone.remove() }
        _ = try run("/usr/bin/git", ["clone", "-q", "--depth", "1", "file://" + repo.root, clone.root + "/c"], in: clone.root)
        let result = try ModelRegCLITests.modelreg(["history", "base-lm", "--format", "json"], in: clone.root + "/c")
        #expect(result.status == 0)
        #expect(result.stderr.contains("shallow clone"))
        #expect(result.stderr.contains("fetch-depth: 0"))
        #expect(result.stdout.contains("\"complete\": false"))
    }
}

@Suite(.serialized) struct CommitRobustnessTests {
    /// 4 processes × 25 commits on different models: every commit lands, and fsck stays clean.
    @Test func concurrentWritersLoseNothing() throws {
        var models: [String: String] = [:]
        for writer in 0..<4 { models["m\(writer)"] = Workspace.model("m\(writer)") }
        let repo = try GitWorkspace(models: models)
        defer { repo.remove() }
        let group = DispatchGroup()
        let failures = NSLock()
        nonisolated(unsafe) var failed: [String] = []
        for writer in 0..<4 {
            group.enter()
            DispatchQueue.global().async {
                for round in 0..<25 {
                    let result = try? ModelRegCLITests.modelreg(["set", "m\(writer)", "metadata.round=\(round)"], in: repo.root)
                    if result?.status != 0 {
                        failures.lock()
                        failed.append("m\(writer) round \(round): \(result?.stderr ?? "did not run")")
                        failures.unlock()
                    }
                }
                group.leave()
            }
        }
        group.wait()
        #expect(failed.isEmpty, "\(failed)")
        #expect(try repo.git("rev-list", "--count", "HEAD") == "101")
        for writer in 0..<4 {
            #expect(try repo.git("log", "--format=%s", "--", "registry/m\(writer).yaml").split(separator: "\n").count == 26)
            #expect(try repo.git("show", "HEAD:registry/m\(writer).yaml").contains("round: 24"))
        }
        #expect(try repo.git("status", "--porcelain") == "")
        try repo.expectFsckClean()
    }

    /// kill -9 at random moments during commits: the repository stays valid and the entry is before or after.
    @Test func killedWritersLeaveAValidRepository() throws {
        let repo = try GitWorkspace(models: ["k": Workspace.model("k", extra: "metadata:\n  round: -1\n")])
        defer { repo.remove() }
        var generator = SystemRandomNumberGenerator()
        for round in 0..<50 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: modelregBinary)
            process.arguments = ["set", "k", "metadata.round=\(round)"]
            process.currentDirectoryURL = URL(fileURLWithPath: repo.root)
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            let before = try repo.git("show", "HEAD:registry/k.yaml")
            try process.run()
            usleep(UInt32.random(in: 0...40_000, using: &generator))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            try repo.expectFsckClean()
            let after = try repo.git("show", "HEAD:registry/k.yaml")
            #expect(after == before || after.contains("round: \(round)"), "round \(round): half a change")
            // A writer killed while it holds the index lock leaves the lock behind, as git does: clear it as a user
            // would, then bring the work tree back in step (a kill between the branch move and the checkout leaves
            // it behind).
            try? FileManager.default.removeItem(atPath: repo.root + "/.git/index.lock")
            try repo.git("checkout", "-q", "--", "registry/k.yaml")
        }
        #expect(try ModelRegCLITests.modelreg(["verify"], in: repo.root).status == 0)
    }
}
