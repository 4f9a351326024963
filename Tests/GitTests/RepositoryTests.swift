import Foundation
import Git
import Testing

@Suite struct RepositoryTests {
    @Test func discoversFromSubdirectoryAndReadsHead() throws {
        let root = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        _ = try runGit(["init", "-q"], in: root)
        try FileManager.default.createDirectory(atPath: root + "/registry/nested", withIntermediateDirectories: true)
        let unborn = try Repository.discover(from: root + "/registry/nested")
        #expect(try unborn.headCommitID() == nil)
        try "x\n".write(toFile: root + "/registry/a.yaml", atomically: true, encoding: .utf8)
        _ = try runGit(["add", "."], in: root)
        _ = try runGit(["-c", "user.name=T", "-c", "user.email=t@example.com", "commit", "-qm", "first"], in: root)

        let repository = try Repository.discover(from: root + "/registry/nested")
        let expected = try runGit(["rev-parse", "HEAD"], in: root)
        #expect(try repository.headCommitID()?.hex == expected)
        #expect(repository.isBare == false)
        #expect(repository.isShallow == false)
        let canonicalRoot = URL(fileURLWithPath: root).resolvingSymlinksInPath().path
        #expect(repository.workingDirectory.map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path } == canonicalRoot)
    }

    @Test func outsideARepositoryIsNotFound() throws {
        let root = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(throws: GitError.self) { try Repository.discover(from: root) }
        do {
            _ = try Repository.discover(from: root)
        } catch {
            #expect(error.isNotFound)
            #expect(error.message.isEmpty == false)
        }
    }

    @Test func linkedVersionIsReported() {
        #expect(libgit2Version.split(separator: ".").count == 3)
    }

    func canonical(_ path: String?) -> String? {
        path.map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().standardizedFileURL.path }
    }

    @Test func shallowCloneIsShallow() throws {
        let scratch = try Scratch()
        for number in 1...3 {
            try scratch.write("registry/\(number).yaml", "\(number)\n")
            try scratch.commitAll("commit \(number)")
        }
        let clone = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: clone) }
        try runGit(["clone", "-q", "--depth", "1", "file://" + scratch.root, clone + "/shallow"], in: clone)

        let shallow = try Repository.discover(from: clone + "/shallow/registry")
        #expect(shallow.isShallow)
        #expect(try shallow.walk(from: [try #require(try shallow.headCommitID())]).count == 1)
        #expect(try Repository(path: scratch.root).isShallow == false)
    }

    @Test func discoversALinkedWorktree() throws {
        let scratch = try Scratch()
        try scratch.write("registry/a.yaml", "a\n")
        try scratch.commitAll("first")
        let place = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: place) }
        let worktree = place + "/wt"
        try scratch.git(["worktree", "add", "-q", "-b", "wt-branch", worktree])
        try FileManager.default.createDirectory(atPath: worktree + "/registry/sub", withIntermediateDirectories: true)

        let repository = try Repository.discover(from: worktree + "/registry/sub")
        #expect(repository.isBare == false)
        #expect(canonical(repository.workingDirectory) == canonical(worktree))
        #expect(canonical(repository.gitDirectory) == canonical(try runGit(["rev-parse", "--absolute-git-dir"], in: worktree)))
        #expect(repository.gitDirectory.contains("/worktrees/"))
        #expect(try repository.headReferenceName() == "refs/heads/wt-branch")
        #expect(try repository.headCommitID()?.hex == (try scratch.git(["rev-parse", "wt-branch"])))

        // Staging in the worktree goes to the worktree's own index.
        try "b\n".write(toFile: worktree + "/registry/b.yaml", atomically: true, encoding: .utf8)
        try repository.stageFromWorkingTree(paths: ["registry/b.yaml"])
        #expect(try runGit(["status", "--porcelain"], in: worktree) == "A  registry/b.yaml")
        #expect(try scratch.git(["status", "--porcelain"]).isEmpty)
    }

    @Test func discoversABareRepository() throws {
        let scratch = try Scratch()
        try scratch.write("registry/a.yaml", "a\n")
        let head = try scratch.commitAll("first")
        let place = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: place) }
        try runGit(["clone", "-q", "--bare", scratch.root, place + "/models.git"], in: place)

        let repository = try Repository.discover(from: place + "/models.git/refs")
        #expect(repository.isBare)
        #expect(repository.workingDirectory == nil)
        #expect(canonical(repository.gitDirectory) == canonical(place + "/models.git"))
        #expect(try repository.headCommitID()?.hex == head)
        #expect(try repository.blob(at: "registry/a.yaml", inCommit: try repository.resolveCommit("HEAD")) == Array("a\n".utf8))
    }
}
