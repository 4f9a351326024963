import Foundation
import Testing

/// `--at REV` on `list`, `query`, `resolve`, `lineage` and `export`: the registry as stored in a revision,
/// read from the object database, in a temporary repository built with the real `git`.
@Suite struct QueryAtRevisionTests {
    /// Three commits: the default models (tagged `v1`); `other` gains the rerank role; `new-one` is added.
    func history() throws -> GitWorkspace {
        let repo = try GitWorkspace()
        try repo.git("tag", "v1")
        let set = try repo.modelreg("set", "other", "roles=[retrieval, rerank]")
        #expect(set.status == 0, "\(set.stderr)")
        try repo.workspace.write("registry/new-one.yaml", Workspace.model("new-one", extra: "roles: [chat]\n"))
        try repo.git("add", "registry/new-one.yaml")
        try repo.git("commit", "-q", "-m", "add new-one")
        return repo
    }

    func ids(_ result: RunResult) -> String {
        result.stdout.split(separator: "\n").joined(separator: " ")
    }

    @Test func listAndQueryAtARevision() throws {
        let repo = try history()
        defer { repo.remove() }
        #expect(ids(try repo.modelreg("list", "--format", "ids")) == "base-lm new-one other tuned-lm")
        #expect(ids(try repo.modelreg("list", "--format", "ids", "--at", "HEAD~2")) == "base-lm other tuned-lm")
        #expect(ids(try repo.modelreg("list", "--format", "ids", "--at", "v1")) == "base-lm other tuned-lm")
        let head = try repo.git("rev-parse", "HEAD~1")
        #expect(ids(try repo.modelreg("list", "--format", "ids", "--at", String(head.prefix(10)))) == "base-lm other tuned-lm")
        #expect(ids(try repo.modelreg("query", "roles contains rerank", "--format", "ids", "--at", "HEAD~1")) == "other")
        let before = try repo.modelreg("query", "roles contains rerank", "--format", "ids", "--at", "HEAD~2")
        #expect(before.status == 0)
        #expect(before.stdout.isEmpty)
        #expect(ids(try repo.modelreg("list", "--role", "chat", "--format", "ids", "--at", "HEAD")) == "new-one")

        // Uncommitted edits show in the work tree only.
        try repo.workspace.write("registry/other.yaml", Workspace.model("other", extra: "roles: [chat]\n"))
        #expect(ids(try repo.modelreg("list", "--role", "chat", "--format", "ids")) == "new-one other")
        #expect(ids(try repo.modelreg("list", "--role", "chat", "--format", "ids", "--at", "HEAD")) == "new-one")
    }

    @Test func eachQueryCommandReadsTheRevision() throws {
        let repo = try history()
        defer { repo.remove() }
        let rename = try repo.modelreg("rename", "tuned-lm", "tuned-lm-v2")
        #expect(rename.status == 0, "\(rename.stderr)")

        let reranker = try repo.modelreg("resolve", "rerank")
        #expect(reranker.stdout == "other\n")
        let none = try repo.modelreg("resolve", "rerank", "--at", "v1")
        #expect(none.status == 1)
        #expect(none.stderr.contains("rerank"))

        #expect(try repo.modelreg("lineage", "tuned-lm").status == 1)
        let lineage = try repo.modelreg("lineage", "tuned-lm", "--at", "HEAD~1")
        #expect(lineage.status == 0, "\(lineage.stderr)")
        #expect(lineage.stdout == "base-lm\n└── tuned-lm  ← this model\n")
        #expect(try repo.modelreg("lineage", "tuned-lm-v2").stdout == "base-lm\n└── tuned-lm-v2  ← this model\n")

        // What --at reads is what a checkout of the revision reads.
        for arguments in [["export", "--format", "json"], ["export", "--format", "markdown"], ["list", "--format", "json", "--include-deprecated"]] {
            let atRevision = try ModelRegCLITests.modelreg(arguments + ["--at", "v1"], in: repo.root)
            try repo.git("checkout", "-q", "v1")
            let checkedOut = try ModelRegCLITests.modelreg(arguments, in: repo.root)
            try repo.git("checkout", "-q", "-")
            #expect(atRevision.status == 0, "\(atRevision.stderr)")
            #expect(atRevision.stdout == checkedOut.stdout, "\(arguments)")
            #expect(!atRevision.stdout.contains("new-one"))
        }
        let check = try ModelRegCLITests.modelreg(["export", "--format", "json", "--at", "v1", "--output", "index.json"], in: repo.root)
        #expect(check.status == 0)
        #expect(try ModelRegCLITests.modelreg(["export", "--format", "json", "--at", "v1", "--check", "index.json"], in: repo.root).status == 0)
        #expect(try ModelRegCLITests.modelreg(["export", "--format", "json", "--check", "index.json"], in: repo.root).status == 1)
    }

    @Test func findingsAtARevisionAreReported() throws {
        let repo = try GitWorkspace()
        defer { repo.remove() }
        try repo.workspace.write("registry/broken.yaml", "id: [unclosed\n")
        try repo.git("add", "registry/broken.yaml")
        try repo.git("commit", "-q", "-m", "a broken file, committed around modelreg")
        try FileManager.default.removeItem(atPath: repo.root + "/registry/broken.yaml")
        let clean = try repo.modelreg("list", "--format", "ids")
        #expect(clean.stderr.isEmpty)
        for _ in 0..<2 {  // built, then from the cache
            let result = try repo.modelreg("list", "--format", "ids", "--at", "HEAD")
            #expect(result.status == 0)
            #expect(result.stdout == "base-lm\nother\ntuned-lm\n")
            #expect(result.stderr == "modelreg: warning: 1 file has errors, so entries may be missing or incomplete; run `modelreg verify`\n")
        }
    }

    @Test func aRevisionMustExistInARepository() throws {
        let repo = try GitWorkspace()
        defer { repo.remove() }
        let unknown = try repo.modelreg("list", "--at", "no-such-branch")
        #expect(unknown.status == 2)
        #expect(unknown.stderr.hasPrefix("modelreg: error: unknown revision `no-such-branch`"))
        let workspace = try Workspace()
        defer { workspace.remove() }
        try workspace.write("registry/a.yaml", Workspace.model("a"))
        let outside = try modelreg(["query", "type = dense", "--at", "HEAD"], in: workspace.root)
        #expect(outside.status == 2)
        #expect(outside.stderr.hasPrefix("modelreg: error: not in a git repository"))
    }
}
