import Foundation
import Git
import Testing

/// Staging only modelreg's paths, with `git status --porcelain` as the witness.
@Suite struct IndexTests {
    func makeRepository() throws -> Scratch {
        let scratch = try Scratch()
        try scratch.write("registry/changed.yaml", "v: 1\n")
        try scratch.write("registry/deleted.yaml", "v: 1\n")
        try scratch.write("notes/staged.txt", "1\n")
        try scratch.write("notes/unstaged.txt", "1\n")
        try scratch.commitAll("start")
        // The user's own work in progress: one change staged, one not.
        try scratch.write("notes/staged.txt", "2\n")
        try scratch.git(["add", "notes/staged.txt"])
        try scratch.write("notes/unstaged.txt", "2\n")
        // What modelreg did in the work tree.
        try scratch.write("registry/changed.yaml", "v: 2\n")
        try scratch.remove("registry/deleted.yaml")
        try scratch.write("registry/added.yaml", "id: added\n")
        return scratch
    }

    let modelPaths = ["registry/changed.yaml", "registry/deleted.yaml", "registry/added.yaml"]

    @Test func stagesOnlyTheGivenPaths() throws {
        let scratch = try makeRepository()
        #expect(try scratch.gitRun(["status", "--porcelain"]).text == """
            M  notes/staged.txt
             M notes/unstaged.txt
             M registry/changed.yaml
             D registry/deleted.yaml
            ?? registry/added.yaml

            """)

        let repository = try Repository(path: scratch.root)
        try repository.stageFromWorkingTree(paths: modelPaths)
        #expect(try scratch.gitRun(["status", "--porcelain"]).text == """
            M  notes/staged.txt
             M notes/unstaged.txt
            A  registry/added.yaml
            M  registry/changed.yaml
            D  registry/deleted.yaml

            """)
        // Staging the same paths again changes nothing; a path that exists nowhere is fine.
        try repository.stageFromWorkingTree(paths: modelPaths + ["registry/never.yaml"])
        #expect(try scratch.gitRun(["diff", "--cached", "--name-only"]).text
                    == "notes/staged.txt\nregistry/added.yaml\nregistry/changed.yaml\nregistry/deleted.yaml\n")
    }

    @Test func seesWhatGitStagedAfterTheRepositoryWasOpened() throws {
        let scratch = try makeRepository()
        let repository = try Repository(path: scratch.root)
        try repository.stageFromWorkingTree(paths: ["registry/added.yaml"])
        try scratch.git(["add", "notes/unstaged.txt"])  // the user stages more meanwhile
        try repository.stageFromWorkingTree(paths: ["registry/changed.yaml"])
        #expect(try scratch.gitRun(["status", "--porcelain"]).text == """
            M  notes/staged.txt
            M  notes/unstaged.txt
            A  registry/added.yaml
            M  registry/changed.yaml
             D registry/deleted.yaml

            """)
    }

    /// An index read ahead on another thread and changed by git before it is used is read again.
    @Test func anIndexReadAheadSeesWhatGitStagedMeanwhile() throws {
        let scratch = try makeRepository()
        let repository = try Repository(path: scratch.root)
        repository.readIndexAhead()
        usleep(200_000)  // let the read finish first
        try scratch.git(["add", "notes/unstaged.txt"])
        try repository.stageFromWorkingTree(paths: modelPaths)
        #expect(try scratch.gitRun(["status", "--porcelain"]).text == """
            M  notes/staged.txt
            M  notes/unstaged.txt
            A  registry/added.yaml
            M  registry/changed.yaml
            D  registry/deleted.yaml

            """)
        // Started and never used: nothing is written, and the repository closes cleanly.
        let unused = try Repository(path: scratch.root)
        unused.readIndexAhead()
        #expect(try scratch.gitRun(["fsck", "--strict", "--no-dangling"]).status == 0)
    }

    /// In a linked worktree the index read ahead is the worktree's own.
    @Test func anIndexReadAheadInALinkedWorktree() throws {
        let scratch = try makeRepository()
        try scratch.commitAll("everything")
        let worktree = scratch.root + "-wt"
        defer { try? FileManager.default.removeItem(atPath: worktree) }
        try scratch.git(["worktree", "add", "-q", "-b", "wt-branch", worktree])
        try Data("id: new\n".utf8).write(to: URL(fileURLWithPath: worktree + "/registry/new.yaml"))
        let repository = try Repository.discover(from: worktree + "/registry")
        repository.readIndexAhead()
        try repository.stageFromWorkingTree(paths: ["registry/new.yaml"])
        #expect(try runGit(["status", "--porcelain"], in: worktree) == "A  registry/new.yaml")
        #expect(try scratch.gitRun(["status", "--porcelain"]).text == "", "the main work tree's index is untouched")
    }

    @Test func rejectsPathsOutsideTheWorkTree() throws {
        let scratch = try makeRepository()
        let repository = try Repository(path: scratch.root)
        for path in ["/etc/passwd", "../outside", "registry/../notes/staged.txt", ""] {
            #expect(throws: GitError.self, "\(path)") { try repository.stageFromWorkingTree(paths: [path]) }
        }
    }

    @Test func waitsForAnIndexLockThenGivesUp() throws {
        let scratch = try makeRepository()
        let repository = try Repository(path: scratch.root)
        let lock = scratch.path(".git/index.lock")
        #expect(FileManager.default.createFile(atPath: lock, contents: Data()))
        let started = Date()
        do {
            try repository.stageFromWorkingTree(paths: modelPaths, lockTimeout: .milliseconds(300))
            Issue.record("staging should fail while index.lock exists")
        } catch {
            #expect(error.isConcurrentUpdate)
            #expect(error.message.contains("index.lock"))
            #expect(error.message.contains("locked by another git process"))
        }
        #expect(Date().timeIntervalSince(started) >= 0.3)
        #expect(FileManager.default.fileExists(atPath: lock))  // someone else's lock is left alone
        try FileManager.default.removeItem(atPath: lock)
        #expect(try scratch.gitRun(["diff", "--cached", "--name-only"]).text == "notes/staged.txt\n")
    }

    @Test func succeedsWhenTheLockIsReleasedInTime() throws {
        let scratch = try makeRepository()
        let repository = try Repository(path: scratch.root)
        let lock = scratch.path(".git/index.lock")
        #expect(FileManager.default.createFile(atPath: lock, contents: Data()))
        // Another "process" releases the lock 200 ms later, on its own thread.
        let releaser = Thread { usleep(200_000); try? FileManager.default.removeItem(atPath: lock) }
        releaser.start()
        try repository.stageFromWorkingTree(paths: modelPaths)
        #expect(try scratch.gitRun(["diff", "--cached", "--name-only"]).text
                    == "notes/staged.txt\nregistry/added.yaml\nregistry/changed.yaml\nregistry/deleted.yaml\n")
    }
}
