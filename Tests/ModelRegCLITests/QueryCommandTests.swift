import Foundation
import Testing

@Suite struct QueryCommandTests {
    @Test func showByAliasPrintsTheFileAsWritten() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let text = "# a comment stays\n" + Workspace.model("colbert-v2", extra: "aliases: [ColBERTv2]\n")
        try workspace.write("registry/colbert-v2.yaml", text)
        let result = try modelreg(["show", "colbertv2"], in: workspace.root)
        #expect(result.status == 0)
        #expect(result.stdout == text)
        let json = try modelreg(["show", "colbert-v2", "--format", "json"], in: workspace.root)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["id"] as? String == "colbert-v2")
        #expect(object["aliases"] as? [String] == ["ColBERTv2"])
    }

    @Test func showReadsTheOwnFileFirstAndFallsBackToEveryFile() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        // `old-name.yaml` holds another id: asking for `old-name` must not show it (no model has that id).
        try workspace.write("registry/old-name.yaml", Workspace.model("new-name"))
        try workspace.write("registry/other.yaml", Workspace.model("other", extra: "aliases: [new-alias]\n"))
        let misnamed = try modelreg(["show", "old-name"], in: workspace.root)
        #expect(misnamed.status == 1, "\(misnamed.stdout)")
        let byID = try modelreg(["show", "new-name"], in: workspace.root)
        #expect(byID.status == 0)
        #expect(byID.stdout.contains("id: new-name"))
        let byAlias = try modelreg(["show", "new-alias"], in: workspace.root)
        #expect(byAlias.status == 0)
        #expect(byAlias.stdout.contains("id: other"))
    }

    @Test func showUnknownSuggests() throws {
        let result = try modelreg(["show", "bge-m4"], in: packageRoot)
        #expect(result.status == 1)
        #expect(result.stderr.contains("no model with id or alias `bge-m4`"))
        #expect(result.stderr.contains("`bge-m3`"))
    }

    @Test func listsEveryModel() throws {
        let result = try modelreg(["list", "--include-deprecated"], in: packageRoot)
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        let count = try FileManager.default.contentsOfDirectory(atPath: packageRoot + "/registry").filter { $0.hasSuffix(".yaml") }.count
        #expect(lines.count == count + 1)
        #expect(lines.first?.hasPrefix("ID") == true)
        #expect(lines.contains { $0.hasPrefix("e5-large ") && $0.hasSuffix("deprecated") })
        let json = try modelreg(["list", "--include-deprecated", "--format", "json"], in: packageRoot)
        let items = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(items.count == count)
    }

    @Test func newScaffoldsAFileThatVerifies() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try FileManager.default.createDirectory(atPath: workspace.root + "/schemas", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: packageRoot + "/schemas/model.schema.json", toPath: workspace.root + "/schemas/model.schema.json")
        let created = try modelreg(["new", "my-embedder", "--type", "colbert", "--name", "My Embedder"], in: workspace.root)
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stderr == "created registry/my-embedder.yaml\n")
        let text = try #require(workspace.read("registry/my-embedder.yaml"))
        #expect(text.hasPrefix("# yaml-language-server: $schema=../schemas/model.schema.json\n"))
        #expect(text.contains("\ntype: colbert\n"))
        #expect(text.contains("# huggingface_id:"))
        #expect(try modelreg(["verify"], in: workspace.root).status == 0)
        let again = try modelreg(["new", "my-embedder"], in: workspace.root)
        #expect(again.status == 2)
        #expect(workspace.read("registry/my-embedder.yaml") == text, "an existing file is never overwritten")
        let badID = try modelreg(["new", "Bad_ID"], in: workspace.root)
        #expect(badID.status == 1)
        #expect(!FileManager.default.fileExists(atPath: workspace.root + "/registry/Bad_ID.yaml"))
    }

    @Test func rulesListsAndDescribes() throws {
        let list = try modelreg(["rules"], in: packageRoot)
        #expect(list.status == 0)
        #expect(list.stdout.contains("projection-consistency"))
        let one = try modelreg(["rules", "lineage-acyclic"], in: packageRoot)
        #expect(one.stdout.hasPrefix("## lineage-acyclic"))
        #expect(one.stdout.contains("fine_tuned_from: ↓tuned-lm"))
        #expect(try modelreg(["rules", "no-such-rule"], in: packageRoot).status == 2)
    }
}
