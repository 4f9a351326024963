import Foundation
import Testing

/// The outcome of one run of the real `git` CLI, the witness for what libgit2 reads and writes.
struct GitRun {
    var status: Int32
    var output: Data
    var errorText: String

    /// Standard output exactly as printed.
    var text: String { String(decoding: output, as: UTF8.self) }
    /// Standard output without surrounding whitespace.
    var trimmed: String { text.trimmingCharacters(in: .whitespacesAndNewlines) }
}

struct GitCommandFailed: Error, CustomStringConvertible {
    var arguments: [String]
    var run: GitRun
    var description: String { "git \(arguments.joined(separator: " ")) exited \(run.status): \(run.errorText)" }
}

/// Runs `git` in `directory` with extra environment variables; never throws for a non-zero exit.
func runGitProcess(_ arguments: [String], in directory: String, environment: [String: String] = [:]) throws -> GitRun {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git"] + arguments
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    if !environment.isEmpty {
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    }
    // stderr goes to a file, so neither stream can fill a pipe and block git while we read the other.
    let errorURL = FileManager.default.temporaryDirectory.appendingPathComponent("modelreg-git-stderr-\(UUID().uuidString)")
    _ = FileManager.default.createFile(atPath: errorURL.path, contents: nil)
    defer { try? FileManager.default.removeItem(at: errorURL) }
    let errorHandle = try FileHandle(forWritingTo: errorURL)
    defer { try? errorHandle.close() }
    let output = Pipe()
    process.standardOutput = output
    process.standardError = errorHandle
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let errorText = (try? String(contentsOf: errorURL, encoding: .utf8)) ?? ""
    return GitRun(status: process.terminationStatus, output: data, errorText: errorText)
}

/// Runs `git` and returns its trimmed output; a non-zero exit throws.
@discardableResult
func runGit(_ arguments: [String], in directory: String, environment: [String: String] = [:]) throws -> String {
    try runGitChecked(arguments, in: directory, environment: environment).trimmed
}

/// Runs `git` and returns the whole run; a non-zero exit throws.
func runGitChecked(_ arguments: [String], in directory: String, environment: [String: String] = [:]) throws -> GitRun {
    let run = try runGitProcess(arguments, in: directory, environment: environment)
    guard run.status == 0 else { throw GitCommandFailed(arguments: arguments, run: run) }
    return run
}

func makeTemporaryDirectory() throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("modelreg-git-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// A throwaway repository made with the real `git` CLI, removed when the test ends.
final class Scratch {
    let root: String
    /// Every commit gets a distinct, increasing time, so history order is deterministic.
    private var clock: Int64 = 1_700_000_000

    init(bare: Bool = false) throws {
        root = try makeTemporaryDirectory()
        try git(bare ? ["init", "-q", "--bare"] : ["init", "-q"])
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    func path(_ relative: String) -> String { root + "/" + relative }

    @discardableResult
    func git(_ arguments: [String], environment: [String: String] = [:]) throws -> String {
        try runGit(arguments, in: root, environment: environment)
    }

    func gitRun(_ arguments: [String], environment: [String: String] = [:]) throws -> GitRun {
        try runGitProcess(arguments, in: root, environment: environment)
    }

    func write(_ relative: String, _ text: String) throws {
        try write(relative, Data(text.utf8))
    }

    func write(_ relative: String, _ data: Data) throws {
        let url = URL(fileURLWithPath: path(relative))
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    func remove(_ relative: String) throws {
        try FileManager.default.removeItem(atPath: path(relative))
    }

    /// The next commit time, as git's `<seconds> <offset>` date format.
    func tick(offset: String = "+0000") -> String {
        clock += 100
        return "\(clock) \(offset)"
    }

    /// An environment with a fixed identity and the next commit time.
    func identity() -> [String: String] {
        let date = tick()
        return ["GIT_AUTHOR_NAME": "Ada Author", "GIT_AUTHOR_EMAIL": "ada@example.com", "GIT_AUTHOR_DATE": date,
                "GIT_COMMITTER_NAME": "Cy Committer", "GIT_COMMITTER_EMAIL": "cy@example.com", "GIT_COMMITTER_DATE": date]
    }

    /// Stages everything and commits it with the real CLI; returns the new commit's id.
    @discardableResult
    func commitAll(_ message: String) throws -> String {
        try git(["add", "-A", "--force"])  // --force: a global excludes file must not change the fixture
        try git(["commit", "-q", "--allow-empty", "-m", message], environment: identity())
        return try git(["rev-parse", "HEAD"])
    }

    /// Commits what is staged, as it is; returns the new commit's id.
    @discardableResult
    func commitStaged(_ message: String) throws -> String {
        try git(["commit", "-q", "-m", message], environment: identity())
        return try git(["rev-parse", "HEAD"])
    }

    /// The current branch's full name, whatever `init.defaultBranch` says.
    func branch() throws -> String { try git(["symbolic-ref", "HEAD"]) }
}
