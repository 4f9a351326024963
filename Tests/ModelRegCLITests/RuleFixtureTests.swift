import Foundation
import ModelRegistry
import Testing

/// Every rule's examples, written to a real registry folder and verified by the real binary:
/// valid ones exit 0 with no finding, invalid ones exit with the rule's severity and a finding at each marker.
/// A change rule's example is committed twice in a git repository (before, then after) and gated.
@Suite struct RuleFixtureTests {
    struct Marker: Hashable {
        var path: String
        var line: Int
        var column: Int
    }

    static func materialize(_ files: [ExampleFile], in workspace: Workspace) throws -> Set<Marker> {
        var markers = Set<Marker>()
        for file in files {
            var clean = ""
            var line = 1
            var column = 1
            for character in file.text {
                if character == RuleExample.marker {
                    markers.insert(Marker(path: file.path, line: line, column: column))
                    continue
                }
                clean.append(character)
                if character == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += character.unicodeScalars.count
                }
            }
            try workspace.write(file.path, clean)
        }
        return markers
    }

    static func findings(_ output: String) throws -> [(rule: String, severity: String, marker: Marker)] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: Any]])
        return findings.map {
            (
                $0["rule"] as? String ?? "", $0["severity"] as? String ?? "",
                Marker(path: $0["path"] as? String ?? "", line: $0["line"] as? Int ?? 0, column: $0["column"] as? Int ?? 0)
            )
        }
    }

    /// `verify` on the example's files, or for a change rule's example, `gate` between two commits of them.
    static func check(_ example: RuleExample, in workspace: Workspace) throws -> (result: RunResult, markers: Set<Marker>) {
        guard !example.baseFiles.isEmpty else {
            let markers = try materialize(example.files, in: workspace)
            return (try modelreg(["verify", "--format", "json"], in: workspace.root), markers)
        }
        func git(_ arguments: String...) throws {
            let result = try run("/usr/bin/git", ["-c", "user.name=Ada", "-c", "user.email=ada@example.com"] + arguments, in: workspace.root)
            guard result.status == 0 else { throw ToolFailure("git \(arguments): \(result.stderr)") }
        }
        try git("init", "-q")
        var markers = try materialize(example.baseFiles, in: workspace)
        try git("add", "-A")
        try git("commit", "-q", "--no-gpg-sign", "-m", "before")
        for file in example.baseFiles { try FileManager.default.removeItem(atPath: workspace.root + "/" + file.path) }
        markers.formUnion(try materialize(example.files, in: workspace))
        try git("add", "-A")
        try git("commit", "-q", "--no-gpg-sign", "--allow-empty", "-m", "after")
        return (try modelreg(["gate", "--base", "HEAD~1", "--format", "json", "--no-cache"], in: workspace.root), markers)
    }

    @Test(arguments: RuleCatalog.all.map(\.id))
    func examplesThroughTheBinary(ruleID: String) throws {
        let rule = try #require(RuleCatalog.description(id: ruleID))
        for example in rule.valid {
            let workspace = try Workspace()
            defer { workspace.remove() }
            let (result, _) = try Self.check(example, in: workspace)
            #expect(result.status == 0, "\(ruleID) valid example: \(result.stdout)")
            #expect(try Self.findings(result.stdout).isEmpty)
        }
        for example in rule.invalid {
            let workspace = try Workspace()
            defer { workspace.remove() }
            let (result, markers) = try Self.check(example, in: workspace)
            #expect(result.status == (rule.severity == .error ? 1 : 0), "\(ruleID): exit \(result.status)")
            let found = try Self.findings(result.stdout).filter { $0.rule == ruleID }
            #expect(Set(found.map(\.marker)) == markers, "\(ruleID): \(result.stdout)")
            #expect(found.allSatisfy { $0.severity == rule.severity.rawValue })
        }
    }
}
