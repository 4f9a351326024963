import Foundation
import Testing

@testable import ModelRegistry
import Digest

@Suite struct AggregateHashTests {
    /// The aggregate is exactly `sha256sum FILES | LC_ALL=C sort | sha256sum`, checked with the real tools.
    @Test func matchesCoreutilsPipeline() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("modelreg-agg-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory + "/onnx", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let files = ["config.json": "{}\n", "onnx/model.onnx": "weights", "README.md": "# model\n", "Zeta.txt": ""]
        var hashes: [ArtifactHash] = []
        for (path, text) in files {
            try text.write(toFile: directory + "/" + path, atomically: true, encoding: .utf8)
            hashes.append(ArtifactHash(path: path, sha256: SHA256.hash(Array(text.utf8)).hex))
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "sha256sum " + files.keys.sorted().joined(separator: " ") + " | LC_ALL=C sort | sha256sum"]
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let expected = String(output.prefix(64))
        #expect(AggregateHash.compute(hashes) == expected)
        #expect(AggregateHash.compute(hashes.reversed()) == expected, "order of the list does not matter")
    }

    @Test(arguments: [
        ("model.bin", nil), ("onnx/model.onnx", nil), ("../x", "climbs"), ("/abs", "absolute"), ("a//b", "normalized"),
        ("./a", "normalized"), ("a/", "normalized"), ("a\\b", "backslash"), ("a\nb", "control"), ("", "empty"),
    ] as [(String, String?)])
    func artifactPathProblems(path: String, problem: String?) {
        let found = ArtifactPathsRule.problem(with: path)
        if let problem {
            #expect(found?.contains(problem) == true, "\(path): \(found ?? "nil")")
        } else {
            #expect(found == nil)
        }
    }
}
