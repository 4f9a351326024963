import Foundation
import Testing

/// `--format json|github|sarif` carry the same fields as the text output.
@Suite struct OutputFormatTests {
    func workspaceWithOneError() throws -> Workspace {
        let workspace = try Workspace()
        try workspace.write("registry/a.yaml", Workspace.model("a", extra: "specs:\n  context_length: 9000\n  max_position_embeddings: 512\n"))
        return workspace
    }

    @Test func json() throws {
        let workspace = try workspaceWithOneError()
        defer { workspace.remove() }
        let result = try modelreg(["verify", "--format", "json"], in: workspace.root)
        #expect(result.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(findings.count == 1)
        #expect(findings.first?["path"] as? String == "registry/a.yaml")
        #expect(findings.first?["line"] as? Int == 8)
        #expect(findings.first?["column"] as? Int == 19)
        #expect(findings.first?["rule"] as? String == "context-within-positions")
        #expect(findings.first?["severity"] as? String == "error")
        let notes = try #require(findings.first?["notes"] as? [[String: Any]])
        #expect(notes.first?["line"] as? Int == 9)
        let summary = try #require(object["summary"] as? [String: Int])
        #expect(summary == ["files": 1, "errors": 1, "warnings": 0])
    }

    @Test func github() throws {
        let workspace = try workspaceWithOneError()
        defer { workspace.remove() }
        let result = try modelreg(["verify", "--format", "github"], in: workspace.root)
        #expect(result.status == 1)
        let first = result.stdout.split(separator: "\n").first.map(String.init) ?? ""
        #expect(
            first == "::error file=registry/a.yaml,line=8,col=19,title=context-within-positions::"
                + "`specs.context_length` (9000) exceeds `specs.max_position_embeddings` (512)%0Aregistry/a.yaml:9:28: positions are set here")
    }

    @Test func sarif() throws {
        let workspace = try workspaceWithOneError()
        defer { workspace.remove() }
        let result = try modelreg(["verify", "--format", "sarif"], in: workspace.root)
        #expect(result.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["version"] as? String == "2.1.0")
        let run = try #require((object["runs"] as? [[String: Any]])?.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "modelreg")
        #expect((driver["rules"] as? [[String: Any]])?.first?["id"] as? String == "context-within-positions")
        let result0 = try #require((run["results"] as? [[String: Any]])?.first)
        #expect(result0["ruleId"] as? String == "context-within-positions")
        #expect(result0["level"] as? String == "error")
        let region = try #require(
            (((result0["locations"] as? [[String: Any]])?.first?["physicalLocation"]) as? [String: Any])?["region"] as? [String: Int])
        #expect(region == ["startLine": 8, "startColumn": 19])
    }

    @Test func textHasNoColourWithoutATerminal() throws {
        let workspace = try workspaceWithOneError()
        defer { workspace.remove() }
        let result = try modelreg(["verify"], in: workspace.root, environment: ["NO_COLOR": ""])
        #expect(!result.stderr.contains("\u{1B}["))
        #expect(!result.stderr.contains("^"), "no caret when stderr is not a terminal")
    }
}

@Suite struct LintCommandTests {
    @Test func lintsNamedFilesOutsideARepositoryWithoutCrossFileRules() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try workspace.write("loose/one.yaml", Workspace.model("one", extra: "fine_tuned_from: missing\n"))
        let clean = try modelreg(["lint", "loose/one.yaml"], in: workspace.root)
        #expect(clean.status == 0, "lineage is a registry rule: \(clean.stderr)")
        #expect(clean.stderr == "1 file, 0 errors, 0 warnings\n")
        try workspace.write("loose/two.yaml", Workspace.model("three"))
        let misnamed = try modelreg(["lint", "loose"], in: workspace.root)
        #expect(misnamed.status == 1)
        #expect(misnamed.stderr.contains("loose/two.yaml:2:5: error: id `three` does not match the file name `two.yaml`; name the file `three.yaml` [file-name-matches-id]"))
    }

    @Test func missingFileIsExitTwo() throws {
        let result = try modelreg(["lint", "nope.yaml"], in: packageRoot)
        #expect(result.status == 2)
        #expect(result.stderr == "modelreg: error: no such file: nope.yaml\n")
    }
}
