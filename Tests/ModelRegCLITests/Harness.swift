import Foundation
import Testing

/// The package root, derived from this file's path.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

/// The built `modelreg` binary: `MODELREG_BIN`, else the one beside this test binary.
let modelregBinary: String = {
    if let explicit = ProcessInfo.processInfo.environment["MODELREG_BIN"] { return explicit }
    let me = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    var directory = URL(fileURLWithPath: me).deletingLastPathComponent()
    // Inside an .xctest bundle on some platforms the binary sits one level deeper.
    for _ in 0..<4 {
        let candidate = directory.appendingPathComponent("modelreg").path
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        directory = directory.deletingLastPathComponent()
    }
    return packageRoot + "/.build/debug/modelreg"
}()

struct RunResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs the real binary in `directory` with a clean, predictable environment.
@discardableResult
func modelreg(_ arguments: [String], in directory: String, environment: [String: String] = [:]) throws -> RunResult {
    try run(modelregBinary, arguments, in: directory, environment: environment)
}

func run(_ executable: String, _ arguments: [String], in directory: String, environment: [String: String] = [:]) throws -> RunResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    var env = ProcessInfo.processInfo.environment
    env["NO_COLOR"] = "1"
    for (key, value) in environment { env[key] = value }
    process.environment = env
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    // Read both pipes concurrently so a chatty child never blocks on a full pipe.
    let group = DispatchGroup()
    nonisolated(unsafe) var errData = Data()
    group.enter()
    DispatchQueue.global().async {
        errData = err.fileHandleForReading.readDataToEndOfFile()
        group.leave()
    }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return RunResult(
        status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
        stderr: String(decoding: errData, as: UTF8.self))
}

/// A temporary folder with a `registry/` inside, removed by the caller.
struct Workspace {
    let root: String

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("modelreg-e2e-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root + "/registry", withIntermediateDirectories: true)
    }

    func write(_ relativePath: String, _ text: String) throws {
        let path = root + "/" + relativePath
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    func writeBytes(_ relativePath: String, _ bytes: [UInt8]) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: root + "/" + relativePath))
    }

    func read(_ relativePath: String) -> String? {
        FileManager.default.contents(atPath: root + "/" + relativePath).map { String(decoding: $0, as: UTF8.self) }
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }

    /// A minimal valid model file.
    static func model(_ id: String, extra: String = "") -> String {
        """
        schema_version: 1
        id: \(id)
        name: \(id)
        type: dense
        license: mit
        description: A test model.

        """ + extra
    }
}
