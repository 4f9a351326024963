import Foundation
import Git
import Testing

/// Reading commits, trees and blobs, with `git` as the witness.
@Suite struct ReadingTests {
    /// Three commits on the default branch, an annotated and a lightweight tag, and a clone
    /// so that `origin/<branch>` exists.
    @Test func resolvesRevisionsLikeRevParse() throws {
        let scratch = try Scratch()
        for number in 1...3 {
            try scratch.write("registry/m\(number).yaml", "n: \(number)\n")
            try scratch.commitAll("commit \(number)")
        }
        try scratch.git(["tag", "light", "HEAD~1"])
        try scratch.git(["tag", "-a", "annotated", "-m", "a tag", "HEAD~2"], environment: scratch.identity())
        let branch = try scratch.git(["symbolic-ref", "--short", "HEAD"])
        let clone = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: clone) }
        try runGit(["clone", "-q", scratch.root, clone], in: clone)

        let repository = try Repository(path: scratch.root)
        let head = try scratch.git(["rev-parse", "HEAD"])
        for revision in ["HEAD", branch, "refs/heads/" + branch, "HEAD~2", "HEAD^", "light", "annotated",
                         "annotated^{commit}", String(head.prefix(7)), head, "HEAD@{0}"] {
            let expected = try scratch.git(["rev-parse", "--verify", "--quiet", revision + "^{commit}"])
            #expect(try repository.resolveCommit(revision).hex == expected, "\(revision)")
        }
        let cloned = try Repository(path: clone)
        #expect(try cloned.resolveCommit("origin/" + branch).hex == head)
        #expect(try cloned.resolveCommit("origin/HEAD").hex == head)

        #expect {
            try repository.resolveCommit("no-such-branch")
        } throws: { ($0 as? GitError)?.isNotFound == true }
        // A tree is not a commit: peeling fails rather than returning the tree's id.
        #expect(throws: GitError.self) { try repository.resolveCommit("HEAD^{tree}") }
    }

    @Test func copiesCommitFieldsLikeGitLog() throws {
        let scratch = try Scratch()
        try scratch.write("a.txt", "a\n")
        try scratch.commitAll("first")
        try scratch.write("b.txt", "b\n")
        try scratch.git(["add", "-A"])
        let message = "Add b, the second file\n\nA body that explains\nwhy b exists.\n"
        try scratch.git(["commit", "-q", "--cleanup=verbatim", "-m", message], environment: [
            "GIT_AUTHOR_NAME": "Ada Lovelace", "GIT_AUTHOR_EMAIL": "ada@example.com",
            "GIT_AUTHOR_DATE": "1700000000 +0530",
            "GIT_COMMITTER_NAME": "Charles Babbage", "GIT_COMMITTER_EMAIL": "charles@example.org",
            "GIT_COMMITTER_DATE": "1700003600 -0700",
        ])
        let fields = try scratch.git(["log", "-1", "--format=%H%n%P%n%T%n%an%n%ae%n%at%n%ai%n%cn%n%ce%n%ct%n%ci%n%s"])
            .components(separatedBy: "\n")
        let raw = try scratch.gitRun(["cat-file", "commit", "HEAD"]).text
        let rawMessage = String(raw[raw.range(of: "\n\n")!.upperBound...])

        let repository = try Repository(path: scratch.root)
        let commit = try repository.commit(try #require(ObjectID(hex: fields[0])))
        #expect(commit.id.hex == fields[0])
        #expect(commit.parentIDs.map(\.hex) == [fields[1]])
        #expect(commit.treeID.hex == fields[2])
        #expect(commit.author == Signature(name: fields[3], email: fields[4], time: Int64(fields[5])!, offsetMinutes: 330))
        #expect(fields[6].hasSuffix("+0530"))
        #expect(commit.committer == Signature(name: fields[7], email: fields[8], time: Int64(fields[9])!, offsetMinutes: -420))
        #expect(fields[10].hasSuffix("-0700"))
        #expect(commit.message == message)
        #expect(commit.message == rawMessage)
        #expect(commit.summary == fields[11])
        #expect(commit.summary == "Add b, the second file")

        let root = try repository.commit(try #require(ObjectID(hex: fields[1])))
        #expect(root.parentIDs.isEmpty)
        #expect(root.message == "first\n")

        // A subject spread over two lines reads as git shows it: joined with a space.
        try scratch.git(["commit", "-q", "--allow-empty", "--cleanup=verbatim", "-m", "one\ntwo\n\nbody\n"], environment: scratch.identity())
        let wrapped = try repository.commit(try repository.resolveCommit("HEAD"))
        #expect(wrapped.summary == (try scratch.git(["log", "-1", "--format=%s"])))
        #expect(wrapped.message == "one\ntwo\n\nbody\n")

        #expect(throws: GitError.self) { try repository.commit(try #require(ObjectID(hex: fields[2]))) }
    }

    /// ls-tree's line for an entry: `<mode> <type> <id>\t<name>`.
    func lsTreeLine(_ entry: TreeEntry) -> String {
        let mode = String(entry.mode, radix: 8)
        let type = switch entry.kind {
        case .blob: "blob"
        case .tree: "tree"
        case .commit: "commit"
        case .other: "other"
        }
        return String(repeating: "0", count: 6 - mode.count) + mode + " \(type) \(entry.id.hex)\t\(entry.name)"
    }

    @Test func listsTreesLikeLsTree() throws {
        let scratch = try Scratch()
        try scratch.write("registry/b.yaml", "b\n")
        try scratch.write("registry/a.yaml", "a\n")
        try scratch.write("registry/a-b/x.yaml", "x\n")
        try scratch.write("registry/deep/er/y.yaml", "y\n")
        try scratch.write("registry/run.sh", "#!/bin/sh\n")
        try scratch.write("README", "r\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: scratch.path("registry/run.sh"))
        try FileManager.default.createSymbolicLink(atPath: scratch.path("registry/link"), withDestinationPath: "a.yaml")
        try scratch.git(["add", "-A"])
        // A submodule entry (gitlink) without a submodule checkout.
        try scratch.git(["update-index", "--add", "--cacheinfo", "160000,0123456789abcdef0123456789abcdef01234567,registry/sub"])
        let head = try #require(ObjectID(hex: try scratch.commitStaged("tree")))

        let repository = try Repository(path: scratch.root)
        for path in ["registry", "registry/deep", "registry/deep/er", ""] {
            let expected = try scratch.git(["ls-tree", "HEAD:" + path]).components(separatedBy: "\n")
            let entries = try repository.entries(ofTreeAt: path, inCommit: head)
            #expect(entries.map(lsTreeLine) == expected, "\(path)")
        }
        let kinds = Dictionary(uniqueKeysWithValues: try repository.entries(ofTreeAt: "registry", inCommit: head).map { ($0.name, ($0.kind, $0.mode)) })
        #expect(try #require(kinds["sub"]) == (.commit, 0o160000))
        #expect(try #require(kinds["link"]) == (.blob, 0o120000))
        #expect(try #require(kinds["run.sh"]) == (.blob, 0o100755))
        #expect(try #require(kinds["deep"]) == (.tree, 0o040000))
        #expect(try repository.entries(ofTreeAt: "missing/dir", inCommit: head).isEmpty)
        #expect(throws: GitError.self) { try repository.entries(ofTreeAt: "README", inCommit: head) }

        let rootTree = try #require(ObjectID(hex: try scratch.git(["rev-parse", "HEAD^{tree}"])))
        let nested = try #require(try repository.entry(at: "registry/deep/er/y.yaml", inTree: rootTree))
        #expect(nested.name == "y.yaml")
        #expect(nested.id.hex == (try scratch.git(["rev-parse", "HEAD:registry/deep/er/y.yaml"])))
        #expect(nested.kind == .blob && nested.mode == 0o100644)
        #expect(try repository.entry(at: "registry/deep", inTree: rootTree)?.kind == .tree)
        #expect(try repository.entry(at: "registry/none.yaml", inTree: rootTree) == nil)
        #expect(try repository.entry(at: "README/below", inTree: rootTree) == nil)

        #expect(repository.treeID(at: "", inCommit: head) == rootTree)
        #expect(repository.treeID(at: "registry", inCommit: head)?.hex == (try scratch.git(["rev-parse", "HEAD:registry"])))
        #expect(repository.treeID(at: "registry/deep/er", inCommit: head)?.hex == (try scratch.git(["rev-parse", "HEAD:registry/deep/er"])))
        #expect(repository.treeID(at: "registry/a.yaml", inCommit: head) == nil)
        #expect(repository.treeID(at: "nothing", inCommit: head) == nil)
        #expect(repository.treeID(at: "registry", inCommit: rootTree) == nil)
    }

    @Test func readsBlobsLikeCatFile() throws {
        let scratch = try Scratch()
        let binary = Data([0, 1, 2, 0xff, 0xfe, 10, 0, 13, 10])
        try scratch.write("registry/binary.bin", binary)
        try scratch.write("registry/text.yaml", "name: ünïcode\nno newline at the end")
        try scratch.write("empty", Data())
        let head = try #require(ObjectID(hex: try scratch.commitAll("blobs")))

        let repository = try Repository(path: scratch.root)
        for path in ["registry/binary.bin", "registry/text.yaml", "empty"] {
            let expected = try scratch.gitRun(["cat-file", "blob", "HEAD:" + path]).output
            #expect(try repository.blob(at: path, inCommit: head) == [UInt8](expected), "\(path)")
            let id = try #require(ObjectID(hex: try scratch.git(["rev-parse", "HEAD:" + path])))
            #expect(try repository.blob(id) == [UInt8](expected))
        }
        #expect(try repository.blob(at: "registry/binary.bin", inCommit: head) == [UInt8](binary))
        #expect(try repository.blob(at: "registry/missing.yaml", inCommit: head) == nil)
        #expect(throws: GitError.self) { try repository.blob(at: "registry", inCommit: head) }
        #expect(throws: GitError.self) { try repository.blob(head) }
    }
}
