import Foundation
import Git
import Testing

/// Writing blobs, trees, commits and references, with `git fsck`, `git log` and `git show` as witnesses.
@Suite struct WritingTests {
    let author = Signature(name: "Ada Author", email: "ada@example.com", time: 1_700_000_000, offsetMinutes: 60)
    let committer = Signature(name: "Modelreg Bot", email: "bot@example.com", time: 1_700_000_500, offsetMinutes: -300)

    func lines(_ text: String) -> [String] { text.split(separator: "\n").map(String.init) }

    @Test func writesBlobsLikeHashObject() throws {
        let scratch = try Scratch()
        let repository = try Repository(path: scratch.root)
        let bytes: [UInt8] = Array("name: x\n".utf8) + [0, 255]
        try scratch.write("probe", Data(bytes))
        let id = try repository.writeBlob(bytes)
        #expect(id.hex == (try scratch.git(["hash-object", "probe"])))
        #expect(try scratch.gitRun(["cat-file", "blob", id.hex]).output == Data(bytes))
        #expect(try repository.writeBlob([]).hex == (try scratch.git(["hash-object", "-t", "blob", "/dev/null"])))
    }

    @Test func commitsAChangeOnTopOfHead() throws {
        let scratch = try Scratch()
        try scratch.write("registry/a.yaml", "a: 1\n")
        try scratch.write("registry/b.yaml", "b: 1\n")
        try scratch.write("old/only.yaml", "gone soon\n")
        try scratch.write("README.md", "readme\n")
        let parent = try #require(ObjectID(hex: try scratch.commitAll("base")))
        let branch = try scratch.branch()

        let repository = try Repository(path: scratch.root)
        let base = try repository.commit(parent).treeID
        let changedA = try repository.writeBlob(Array("a: 2\n".utf8))
        let added = try repository.writeBlob(Array("deep: true\n".utf8))
        let tree = try repository.buildTree(base: base, changes: [
            "registry/a.yaml": changedA,
            "registry/b.yaml": nil,
            "registry/deep/er/x.yaml": added,
            "old/only.yaml": nil,
            "registry/never-existed.yaml": nil,
            "nowhere/at/all.yaml": nil,
        ])
        let commit = try repository.createCommit(tree: tree, parents: [parent], author: author, committer: committer,
                                                 message: "Update models")
        try repository.updateReference(branch, to: commit, expecting: parent, logMessage: "modelreg: update models")

        let fsck = try scratch.gitRun(["fsck", "--strict", "--no-dangling"])
        #expect(fsck.status == 0, "\(fsck.errorText)")
        #expect(fsck.trimmed.isEmpty && fsck.errorText.isEmpty, "\(fsck.text) \(fsck.errorText)")
        #expect(try scratch.git(["log", "-1", "--format=%H %P %s"]) == "\(commit.hex) \(parent.hex) Update models")
        #expect(try scratch.git(["log", "-1", "--format=%an <%ae> %at %ai|%cn <%ce> %ct %ci"])
                    == "Ada Author <ada@example.com> 1700000000 2023-11-14 23:13:20 +0100|Modelreg Bot <bot@example.com> 1700000500 2023-11-14 17:21:40 -0500")
        #expect(try scratch.gitRun(["cat-file", "commit", "HEAD"]).text.hasSuffix("\n\nUpdate models\n"))
        #expect(lines(try scratch.git(["show", "--format=", "--name-status", "HEAD"])) == [
            "D\told/only.yaml", "M\tregistry/a.yaml", "D\tregistry/b.yaml", "A\tregistry/deep/er/x.yaml",
        ])
        let stat = lines(try scratch.git(["show", "--format=", "--stat", "HEAD"]))
        #expect(stat.count == 5)
        #expect(stat.last?.contains("4 files changed") == true)
        #expect(lines(try scratch.git(["ls-tree", "-r", "--name-only", "HEAD"])) == [
            "README.md", "registry/a.yaml", "registry/deep/er/x.yaml",
        ])
        #expect(try scratch.git(["ls-tree", "-d", "HEAD", "old"]).isEmpty)  // the emptied directory is gone
        #expect(try scratch.git(["reflog", "show", "-1", "--format=%H %gs", branch]) == "\(commit.hex) modelreg: update models")
        #expect(try scratch.git(["reflog", "show", "-1", "--format=%H %gs", "HEAD"]) == "\(commit.hex) modelreg: update models")
    }

    @Test func buildsTreesFromNothingAndRejectsConflicts() throws {
        let scratch = try Scratch()
        let repository = try Repository(path: scratch.root)
        let blob = try repository.writeBlob(Array("x\n".utf8))
        let empty = try repository.buildTree(base: nil, changes: [:])
        #expect(empty.hex == (try scratch.git(["hash-object", "-t", "tree", "/dev/null"])))
        #expect(try repository.buildTree(base: nil, changes: ["a/b": nil]) == empty)

        let tree = try repository.buildTree(base: nil, changes: ["a/b/c.yaml": blob, "a/d.yaml": blob, "e.yaml": blob])
        #expect(lines(try scratch.git(["ls-tree", "-r", "-t", tree.hex])) == [
            "040000 tree \(try scratch.git(["rev-parse", tree.hex + ":a"]))\ta",
            "040000 tree \(try scratch.git(["rev-parse", tree.hex + ":a/b"]))\ta/b",
            "100644 blob \(blob.hex)\ta/b/c.yaml",
            "100644 blob \(blob.hex)\ta/d.yaml",
            "100644 blob \(blob.hex)\te.yaml",
        ])
        // No change at all gives back the same tree; removing everything gives the empty tree.
        #expect(try repository.buildTree(base: tree, changes: [:]) == tree)
        #expect(try repository.buildTree(base: tree, changes: ["a/b/missing": nil]) == tree)
        #expect(try repository.buildTree(base: tree, changes: ["a/b/c.yaml": nil, "a/d.yaml": nil, "e.yaml": nil]) == empty)

        #expect(throws: GitError.self) { try repository.buildTree(base: tree, changes: ["a/b": blob]) }       // a directory
        #expect(throws: GitError.self) { try repository.buildTree(base: tree, changes: ["e.yaml/f": blob]) }  // below a file
        #expect(throws: GitError.self) { try repository.buildTree(base: nil, changes: ["x": blob, "x/y": blob]) }
        #expect(throws: GitError.self) { try repository.buildTree(base: nil, changes: ["/abs": blob]) }
        #expect(throws: GitError.self) { try repository.buildTree(base: nil, changes: ["a//b": blob]) }
        #expect(throws: GitError.self) { try repository.buildTree(base: nil, changes: [".git/config": blob]) }
        #expect(throws: GitError.self) { try repository.buildTree(base: nil, changes: [".GIT/config": blob]) }  // any case
        #expect(throws: GitError.self) { try repository.buildTree(base: nil, changes: ["a/../b": blob]) }
        #expect(throws: GitError.self) { try repository.buildTree(base: nil, changes: ["./b": blob]) }
        let missing = try #require(ObjectID(hex: String(repeating: "2", count: 40)))
        #expect(throws: GitError.self) { try repository.buildTree(base: nil, changes: ["m.yaml": missing]) }
    }

    /// Changes spliced into a large flat folder give the tree git itself writes for the same paths, in git's order
    /// (a folder sorts as if its name ended with `/`: `a-b`, `a.yaml`, `a/`, `a0`).
    @Test func splicedTreesEqualWhatGitWrites() throws {
        let scratch = try Scratch()
        var names = ["a-b", "a.yaml", "a0", "a/inner.yaml", "b", "z.yaml"]
        for index in 0..<300 { names.append("registry/model-\(String(format: "%04d", index * 3)).yaml") }
        for name in names { try scratch.write(name, "\(name)\n") }
        let parent = try #require(ObjectID(hex: try scratch.commitAll("base")))
        let repository = try Repository(path: scratch.root)
        let base = try repository.commit(parent).treeID
        let blob = try repository.writeBlob(Array("new\n".utf8))
        var generator = SystemRandomNumberGenerator()
        for round in 0..<12 {
            // Some additions between and around existing names, some replacements, some removals.
            var changes: [String: ObjectID?] = [:]
            for _ in 0..<5 {
                let number = Int.random(in: 0..<905, using: &generator)
                changes["registry/model-\(String(format: "%04d", number)).yaml"] = .some(Int.random(in: 0..<3, using: &generator) == 0 ? nil : blob)
            }
            let top = ["a.b", "a", "a0", "a-b", "a/inner.yaml", "a/new.yaml", "a.zzz", "0"][round % 8]
            if top != "a" { changes.updateValue(round % 2 == 0 ? blob : nil, forKey: top) }
            let tree = try repository.buildTree(base: base, changes: changes)
            // The same change through git's index: read the base tree, apply, write-tree.
            let index = scratch.root + "/.git/probe-index-\(round)"
            let environment = ["GIT_INDEX_FILE": index]
            _ = try scratch.git(["read-tree", base.hex], environment: environment)
            for (path, id) in changes.sorted(by: { $0.key < $1.key }) {
                if let id {
                    _ = try scratch.git(["update-index", "--add", "--cacheinfo", "100644,\(id.hex),\(path)"], environment: environment)
                } else {
                    _ = try scratch.git(["update-index", "--force-remove", path], environment: environment)
                }
            }
            #expect(tree.hex == (try scratch.git(["write-tree"], environment: environment)), "round \(round): \(changes)")
        }
        #expect(try scratch.gitRun(["fsck", "--strict", "--no-dangling"]).status == 0)
    }

    @Test func compareAndSwapFailsWhenTheBranchMoved() throws {
        let scratch = try Scratch()
        try scratch.write("registry/a.yaml", "a\n")
        let start = try #require(ObjectID(hex: try scratch.commitAll("start")))
        let branch = try scratch.branch()
        let repository = try Repository(path: scratch.root)
        let blob = try repository.writeBlob(Array("b\n".utf8))
        let tree = try repository.buildTree(base: try repository.commit(start).treeID, changes: ["registry/b.yaml": blob])
        let mine = try repository.createCommit(tree: tree, parents: [start], author: author, committer: committer, message: "mine\n")

        // Someone else commits first.
        try scratch.write("registry/c.yaml", "c\n")
        let theirs = try scratch.commitAll("theirs")
        do {
            try repository.updateReference(branch, to: mine, expecting: start, logMessage: "modelreg: mine")
            Issue.record("the update should have failed")
        } catch {
            #expect(error.isConcurrentUpdate)
            #expect(error.message.contains(theirs.prefix(7)))
        }
        #expect(try scratch.git(["rev-parse", branch]) == theirs)
        #expect(try scratch.git(["reflog", "show", "-1", "--format=%gs", branch]).hasPrefix("commit: theirs"))

        // Expecting no branch when there is one fails the same way.
        do {
            try repository.updateReference(branch, to: mine, expecting: nil, logMessage: "modelreg: mine")
            Issue.record("the update should have failed")
        } catch {
            #expect(error.isConcurrentUpdate)
        }
        // Expecting a branch that was deleted fails the same way.
        do {
            try repository.updateReference("refs/heads/deleted", to: mine, expecting: start, logMessage: "modelreg: mine")
            Issue.record("the update should have failed")
        } catch {
            #expect(error.isConcurrentUpdate)
        }
        #expect(try scratch.gitRun(["rev-parse", "--verify", "--quiet", "refs/heads/deleted"]).status != 0)
        #expect(try scratch.git(["rev-parse", branch]) == theirs)

        // Retrying against the new tip succeeds.
        let theirsID = try #require(ObjectID(hex: theirs))
        let retried = try repository.createCommit(tree: tree, parents: [theirsID],
                                                  author: author, committer: committer, message: "mine, again\n")
        try repository.updateReference(branch, to: retried, expecting: theirsID, logMessage: "modelreg: retry")
        #expect(try scratch.git(["rev-parse", branch]) == retried.hex)

        // HEAD itself is not accepted: that would detach it.
        #expect(throws: GitError.self) {
            try repository.updateReference("HEAD", to: mine, expecting: retried, logMessage: "no")
        }
        #expect(try scratch.git(["symbolic-ref", "HEAD"]) == branch)
    }

    @Test func firstCommitOnAnUnbornBranch() throws {
        let scratch = try Scratch()
        let repository = try Repository(path: scratch.root)
        #expect(try repository.headCommitID() == nil)
        let branch = try repository.headReferenceName()
        #expect(branch == (try scratch.branch()))

        let blob = try repository.writeBlob(Array("id: first\n".utf8))
        let tree = try repository.buildTree(base: nil, changes: ["registry/first.yaml": blob])
        let commit = try repository.createCommit(tree: tree, parents: [], author: author, committer: author, message: "Add first\n")
        try repository.updateReference(branch, to: commit, expecting: nil, logMessage: "modelreg: add first")

        #expect(try repository.headCommitID() == commit)
        #expect(try scratch.git(["rev-list", "--count", "HEAD"]) == "1")
        #expect(try scratch.git(["log", "--format=%H %s"]) == "\(commit.hex) Add first")
        #expect(try scratch.gitRun(["fsck", "--strict"]).status == 0)
        #expect(try scratch.git(["show", "--format=", "--name-status", "HEAD"]) == "A\tregistry/first.yaml")
    }

    @Test func writesIntoABareRepository() throws {
        let scratch = try Scratch(bare: true)
        let repository = try Repository(path: scratch.root)
        #expect(repository.isBare)
        let blob = try repository.writeBlob(Array("bare\n".utf8))
        let tree = try repository.buildTree(base: nil, changes: ["registry/bare.yaml": blob])
        let commit = try repository.createCommit(tree: tree, parents: [], author: author, committer: author, message: "bare\n")
        try repository.updateReference(try repository.headReferenceName(), to: commit, expecting: nil, logMessage: "modelreg: bare")
        #expect(try scratch.git(["rev-parse", "HEAD"]) == commit.hex)
        #expect(try scratch.gitRun(["fsck", "--strict"]).status == 0)
        #expect(throws: GitError.self) { try repository.stageFromWorkingTree(paths: ["registry/bare.yaml"]) }
    }
}
