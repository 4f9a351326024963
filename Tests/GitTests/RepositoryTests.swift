import Foundation
import Git
import Testing

/// Runs the real `git` CLI, the witness for what libgit2 reads and writes.
func runGit(_ arguments: [String], in directory: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git"] + arguments
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    let output = Pipe()
    process.standardOutput = output
    process.standardError = Pipe()
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        throw CocoaError(.fileReadUnknown, userInfo: ["git": arguments])
    }
    return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
}

func makeTemporaryDirectory() throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("modelreg-git-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

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
}
