import Foundation
import Testing

@testable import ModelRegistry

/// A temporary folder of model files, removed by the caller.
struct ArtifactFolder {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("modelreg-hash-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func write(_ relative: String, _ text: String) throws {
        try write(relative, bytes: Array(text.utf8))
    }

    func write(_ relative: String, bytes: [UInt8]) throws {
        let full = path + "/" + relative
        try FileManager.default.createDirectory(
            atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: full))
    }

    func link(_ relative: String, to target: String) throws {
        try FileManager.default.createSymbolicLink(atPath: path + "/" + relative, withDestinationPath: target)
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }

    /// A hasher whose cache lives in this folder's `.modelreg/` and that caches files changed 50 ms ago.
    func hasher(include: [String] = [], exclude: [String] = [], useCache: Bool = true) -> ArtifactHasher {
        var hasher = ArtifactHasher(include: include, exclude: exclude, useCache: useCache)
        hasher.cacheFolder = path + "/.modelreg"
        hasher.racyWindowNanoseconds = 50_000_000
        return hasher
    }
}

/// Runs a shell command in `directory` and returns its standard output.
func shell(_ command: String, in directory: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", command]
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return output
}

/// Waits long enough for file times to be older than the test hashers' racy window.
func settle() { usleep(120_000) }

/// The message of the `ToolError` that `body` throws, or nil when it throws none.
func toolErrorMessage(_ body: () throws -> Void) -> String? {
    do {
        try body()
        return nil
    } catch let error as ToolError {
        return error.message
    } catch {
        return "not a ToolError: \(error)"
    }
}
