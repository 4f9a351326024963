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

    /// The buffer-sorting aggregate agrees with the definition written out with strings (lines sorted as byte
    /// arrays, newline included, one update each) on random sets with shared hashes and paths that are prefixes of
    /// each other or hold bytes below the newline.
    @Test func matchesItsDefinitionOnRandomSets() {
        func byDefinition(_ files: [ArtifactHash]) -> String {
            let lines = files.map { Array(($0.sha256sumLine + "\n").utf8) }.sorted { $0.lexicographicallyPrecedes($1) }
            let hasher = SHA256()
            for line in lines { hasher.update(line) }
            return hasher.finalize().hex
        }
        let hashes = ["aa", "ab", "a", String(repeating: "f", count: 64)]
        let pieces = ["a", "b", "/", "\t", "é", "a/b", ""]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let files = (0..<Int.random(in: 0...6, using: &generator)).map { _ in
                ArtifactHash(
                    path: (0..<Int.random(in: 0...3, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
                        .joined(),
                    sha256: hashes.randomElement(using: &generator)!)
            }
            let expected = byDefinition(files)
            #expect(AggregateHash.compute(files) == expected, "\(files)")
            #expect(AggregateHash.digest(files).isWritten(as: expected))
        }
    }

    @Test func digestComparesWithItsHexWithoutAString() {
        let digest = SHA256.hash(Array("hello".utf8))
        #expect(digest.isWritten(as: "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"))
        #expect(!digest.isWritten(as: "2CF24DBA5FB0A30E26E83B2AC5B9E29E1B161E5C1FA7425E73043362938B9824"), "lowercase only")
        #expect(!digest.isWritten(as: "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b982"), "one digit short")
        #expect(!digest.isWritten(as: "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9825"), "last digit off")
        #expect(!digest.isWritten(as: "3cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"), "first digit off")
        #expect(!digest.isWritten(as: ""))
    }

    @Test(arguments: [
        ("model.bin", nil), ("onnx/model.onnx", nil), ("../x", "climbs"), ("/abs", "absolute"), ("a//b", "normalized"),
        ("./a", "normalized"), ("a/", "normalized"), ("a\\b", "backslash"), ("a\nb", "control"), ("", "empty"),
        ("a/../b", "climbs"), ("a/..", "climbs"), ("a/./b", "normalized"), (".", "normalized"), ("...", nil),
        ("..a/b..", nil), ("a/.hidden", nil), ("a\u{7f}b", "control"), ("/../x", "absolute"), ("..\\x", "backslash"),
        ("é/ü.bin", nil),
    ] as [(String, String?)])
    func artifactPathProblems(path: String, problem: String?) {
        let found = ArtifactPathsRule.problem(with: path)
        if let problem {
            #expect(found?.contains(problem) == true, "\(path): \(found ?? "nil")")
        } else {
            #expect(found == nil)
        }
    }

    /// The one-pass check agrees with a plain reading of the rule (split on `/`, look at the parts) on random paths
    /// built from the characters that matter.
    @Test func artifactPathProblemsMatchTheirDefinition() {
        func byDefinition(_ path: String) -> String? {
            if path.isEmpty { return "is empty" }
            if path.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7f }) {
                return "contains a control character"
            }
            if path.contains("\\") { return "contains a backslash; use `/` to separate folders" }
            if path.hasPrefix("/") { return "is absolute; paths are relative to the model's artifact folder" }
            let parts = path.split(separator: "/", omittingEmptySubsequences: false)
            if parts.contains("..") { return "climbs out of the artifact folder with `..`" }
            if parts.contains(".") || parts.contains("") { return "is not normalized (empty or `.` segments)" }
            return nil
        }
        let pieces = ["a", "b", ".", "..", "/", "\\", "\t", "é", "x.y"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5000 {
            let path = (0..<Int.random(in: 0...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
                .joined()
            #expect(ArtifactPathsRule.problem(with: path) == byDefinition(path), "\(path.debugDescription)")
        }
    }
}
