import Foundation
import Testing

/// The parsed-entry cache under `.modelreg/`, seen from the commands: keyed by git's own tree id,
/// invisible to `git status`, and never stale (the library's QueryCacheTests cover the stamp logic).
@Suite struct QueryCacheCommandTests {
    func archives(_ repo: GitWorkspace) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: repo.root + "/.modelreg/query").filter { $0.hasSuffix(".entries") }
    }

    @Test func theCacheIsNamedByGitsTreeIDAndIgnoresItself() throws {
        let repo = try GitWorkspace()
        defer { repo.remove() }
        let list = try repo.modelreg("list", "--format", "ids")
        #expect(list.status == 0)
        let tree = try repo.git("rev-parse", "HEAD:registry")
        #expect(try archives(repo).map { String($0.prefix(40)) } == [tree])
        // `--at HEAD` names the same tree: the same archive serves it.
        #expect(try repo.modelreg("list", "--format", "ids", "--at", "HEAD").stdout == list.stdout)
        #expect(try archives(repo).count == 1)
        #expect(repo.workspace.read(".modelreg/.gitignore")?.hasSuffix("\n*\n") == true)
        #expect(try repo.git("status", "--porcelain", "--ignored=no") == "")
        try repo.git("add", "-A")
        #expect(try repo.git("status", "--porcelain") == "", "git add -A takes nothing from .modelreg/")
    }

    @Test func anyChangeToAnyFileIsSeen() throws {
        let repo = try GitWorkspace()
        defer { repo.remove() }
        func dimensions() throws -> String {
            let result = try repo.modelreg("list", "--format", "csv", "--include-deprecated")
            #expect(result.status == 0, "\(result.stderr)")
            return result.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).prefix(7).joined(separator: ",") }.joined(separator: " ")
        }
        #expect(try dimensions() == "base-lm,base-lm,dense,mit,,,768 other,other,dense,mit,,, tuned-lm,tuned-lm,dense,mit,,,")
        #expect(try dimensions() == "base-lm,base-lm,dense,mit,,,768 other,other,dense,mit,,, tuned-lm,tuned-lm,dense,mit,,,")

        // One byte, same size, in place.
        let path = repo.root + "/registry/base-lm.yaml"
        var text = try #require(repo.workspace.read("registry/base-lm.yaml"))
        text = text.replacingOccurrences(of: "768", with: "769")
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.write(contentsOf: Data(text.utf8))
        try handle.close()
        #expect(try dimensions() == "base-lm,base-lm,dense,mit,,,769 other,other,dense,mit,,, tuned-lm,tuned-lm,dense,mit,,,")

        // A file added, then removed.
        try repo.workspace.write("registry/added.yaml", Workspace.model("added", extra: "specs: {embedding_dim: 64}\n"))
        #expect(try dimensions() == "added,added,dense,mit,,,64 base-lm,base-lm,dense,mit,,,769 other,other,dense,mit,,, tuned-lm,tuned-lm,dense,mit,,,")
        try FileManager.default.removeItem(atPath: repo.root + "/registry/other.yaml")
        #expect(try dimensions() == "added,added,dense,mit,,,64 base-lm,base-lm,dense,mit,,,769 tuned-lm,tuned-lm,dense,mit,,,")

        // Touched without a change; then a license changed by an editor's save-by-rename.
        utimensat(AT_FDCWD, repo.root + "/registry/added.yaml", nil, 0)
        #expect(try dimensions() == "added,added,dense,mit,,,64 base-lm,base-lm,dense,mit,,,769 tuned-lm,tuned-lm,dense,mit,,,")
        try Workspace.model("added", extra: "specs: {embedding_dim: 64}\n").replacingOccurrences(of: "license: mit", with: "license: bsd")
            .write(toFile: repo.root + "/registry/added.yaml", atomically: true, encoding: .utf8)
        #expect(try dimensions() == "added,added,dense,bsd,,,64 base-lm,base-lm,dense,mit,,,769 tuned-lm,tuned-lm,dense,mit,,,")

        // And back to the committed state: git's tree id again.
        try repo.git("checkout", "--", "registry")
        try FileManager.default.removeItem(atPath: repo.root + "/registry/added.yaml")
        #expect(try dimensions() == "base-lm,base-lm,dense,mit,,,768 other,other,dense,mit,,, tuned-lm,tuned-lm,dense,mit,,,")
    }

    @Test func findingsComeFromAWarmCacheToo() throws {
        let repo = try GitWorkspace()
        defer { repo.remove() }
        try repo.workspace.write("registry/broken.yaml", "id: [unclosed\n")
        try repo.workspace.write("registry/zero.yaml", Workspace.model("zero", extra: "specs: {embedding_dim: 0}\n"))
        let warning = "modelreg: warning: 2 files have errors, so entries may be missing or incomplete; run `modelreg verify`\n"
        for _ in 0..<3 {
            let result = try repo.modelreg("query", "specs.embedding_dim exists", "--format", "ids")
            #expect(result.status == 0)
            #expect(result.stdout == "base-lm\nzero\n")
            #expect(result.stderr == warning)
        }
        // From a subfolder the files are named from there; the same archive serves.
        try FileManager.default.createDirectory(atPath: repo.root + "/docs", withIntermediateDirectories: true)
        let nested = try ModelRegCLITests.modelreg(["list", "--format", "json", "--registry", "../registry"], in: repo.root + "/docs")
        #expect(nested.stderr == warning)
        #expect(try archives(repo).count == 1)
        try FileManager.default.removeItem(atPath: repo.root + "/registry/broken.yaml")
        let fixed = try repo.modelreg("list", "--format", "ids")
        #expect(fixed.stderr == "modelreg: warning: 1 file has errors, so entries may be missing or incomplete; run `modelreg verify`\n")
    }
}
