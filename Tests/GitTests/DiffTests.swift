import Foundation
import Git
import Testing

/// `diffTrees` against the witness `git diff-tree -r --no-renames`.
@Suite struct DiffTests {
    /// The deltas as `git diff-tree -r --no-renames --raw` would list them: `old new path`, zeros for absent.
    private func listed(_ deltas: [TreeDelta]) -> [String] {
        let zeros = String(repeating: "0", count: 40)
        return deltas.map { "\($0.oldID?.hex ?? zeros) \($0.newID?.hex ?? zeros) \($0.path)" }
    }

    private func witness(_ scratch: Scratch, _ old: String, _ new: String) throws -> [String] {
        try scratch.git(["diff-tree", "-r", "--no-renames", "--raw", "--abbrev=40", old, new])
            .split(separator: "\n").map { line in
                let fields = line.split(separator: "\t", maxSplits: 1)
                let columns = fields[0].split(separator: " ")
                return "\(columns[2]) \(columns[3]) \(fields[1])"
            }
    }

    @Test func agreesWithGitDiffTreeOnNestedFoldersAndTypeChanges() throws {
        let scratch = try Scratch()
        try scratch.write("a.yaml", "a: 1\n")
        try scratch.write("b/c.yaml", "c: 1\n")
        try scratch.write("b/d/e.yaml", "e: 1\n")
        try scratch.write("b.txt", "sorts after the folder b/ in git's order\n")
        try scratch.write("gone.yaml", "x: 1\n")
        try scratch.write("kind", "a file that becomes a folder\n")
        try scratch.write("z.yaml", "z: 1\n")
        let first = try scratch.commitAll("first")
        try scratch.write("a.yaml", "a: 2\n")
        try scratch.write("b/d/e.yaml", "e: 2\n")
        try scratch.write("b/d/new.yaml", "n: 1\n")
        try scratch.remove("gone.yaml")
        try scratch.remove("kind")
        try scratch.write("kind/inside.yaml", "i: 1\n")
        try scratch.write("b-", "sorts between b.txt and b/\n")
        // Same content, another mode: a change of the entry, not of its blob.
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: scratch.root + "/z.yaml")
        let second = try scratch.commitAll("second")

        let repository = try Repository(path: scratch.root)
        let old = try #require(ObjectID(hex: try scratch.git(["rev-parse", "\(first)^{tree}"])))
        let new = try #require(ObjectID(hex: try scratch.git(["rev-parse", "\(second)^{tree}"])))
        let deltas = try repository.diffTrees(old, new)
        #expect(listed(deltas) == (try witness(scratch, first, second)))
        #expect(deltas.count == 8)
        #expect(deltas.contains { $0.path == "z.yaml" && $0.oldID == $0.newID })
        // Reversed, and against the empty tree.
        #expect(listed(try repository.diffTrees(new, old)) == (try witness(scratch, second, first)))
        #expect(try repository.diffTrees(nil, new).count == 8)
        #expect(try repository.diffTrees(new, new).isEmpty)
    }
}
