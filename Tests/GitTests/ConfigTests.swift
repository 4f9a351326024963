import Foundation
import Git
import Testing

/// Configuration, identity and HEAD.
@Suite struct ConfigTests {
    @Test func readsConfigurationLikeGitConfig() throws {
        let scratch = try Scratch()
        try scratch.git(["config", "modelreg.registry", "models/"])
        try scratch.git(["config", "user.name", "Local Name"])
        let repository = try Repository(path: scratch.root)
        #expect(repository.config("modelreg.registry") == "models/")
        #expect(repository.config("user.name") == "Local Name")
        #expect(repository.config("modelreg.nothing") == nil)
        // A fresh snapshot each time: a change made by git afterwards is seen.
        try scratch.git(["config", "modelreg.registry", "elsewhere/"])
        #expect(repository.config("modelreg.registry") == "elsewhere/")
    }

    @Test func defaultSignatureComesFromUserConfig() throws {
        let scratch = try Scratch()
        try scratch.git(["config", "user.name", "Grace Hopper"])
        try scratch.git(["config", "user.email", "grace@example.com"])
        let repository = try Repository(path: scratch.root)
        let before = Int64(Date().timeIntervalSince1970)
        let signature = try repository.defaultSignature()
        #expect(signature.name == "Grace Hopper")
        #expect(signature.email == "grace@example.com")
        #expect(signature.time >= before - 1 && signature.time <= before + 60)
    }

    /// Runs in a child process, where HOME and XDG_CONFIG_HOME can point at an empty directory
    /// without disturbing other tests: then git (and libgit2) find no identity anywhere.
    @Test func missingIdentityErrorSaysHowToFixIt() async {
        await #expect(processExitsWith: .success) {
            let home = try makeTemporaryDirectory()
            defer { try? FileManager.default.removeItem(atPath: home) }
            setenv("HOME", home, 1)
            setenv("XDG_CONFIG_HOME", home + "/.config", 1)
            unsetenv("GIT_CONFIG_GLOBAL")
            let scratch = try Scratch()
            // The witness reads the same files libgit2 does; if the system file sets an
            // identity there is nothing to test on this machine.
            guard try scratch.gitRun(["config", "user.name"]).status != 0,
                  try scratch.gitRun(["config", "user.email"]).status != 0 else {
                print("skipped: the system git configuration sets an identity")
                return
            }
            let repository = try Repository(path: scratch.root)
            do {
                let signature = try repository.defaultSignature()
                print("unexpected identity \(signature)")
                exit(1)
            } catch let error as GitError {
                print(error.message)
                guard error.message.contains("git config user.name \""),
                      error.message.contains("git config user.email "),
                      error.message.contains("user.name and user.email are not set") else { exit(2) }
            }
            // With only the name set, the message names the missing email.
            try scratch.git(["config", "user.name", "Only Name"])
            do {
                _ = try repository.defaultSignature()
                exit(3)
            } catch let error as GitError {
                guard error.message.contains("user.email is not set"),
                      error.message.contains("git config user.email ") else { exit(4) }
            }
        }
    }

    @Test func headReferenceNameOnUnbornAndBornBranches() throws {
        let scratch = try Scratch()
        let repository = try Repository(path: scratch.root)
        let unborn = try scratch.branch()
        #expect(try repository.headReferenceName() == unborn)
        try scratch.commitAll("first")
        #expect(try repository.headReferenceName() == unborn)
        try scratch.git(["checkout", "-q", "-b", "feature/x"])
        #expect(try repository.headReferenceName() == "refs/heads/feature/x")
    }

    @Test func detachedHeadIsAnErrorThatExplainsWhy() throws {
        let scratch = try Scratch()
        let head = try scratch.commitAll("first")
        try scratch.git(["checkout", "-q", "--detach"])
        let repository = try Repository(path: scratch.root)
        do {
            _ = try repository.headReferenceName()
            Issue.record("a detached HEAD has no branch name")
        } catch {
            #expect(error.message.contains("detached at \(head.prefix(7))"))
            #expect(error.message.contains("git switch"))
        }
    }
}
