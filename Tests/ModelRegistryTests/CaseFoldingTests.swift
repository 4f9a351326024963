import Testing

@testable import ModelRegistry

/// The uniqueness rules fold names with `caseFolded`: what `lowercased()` gives, without a copy for a name in lower case.
@Suite struct CaseFoldingTests {
    @Test func itIsLowercasing() {
        let pieces = ["a", "Z", "m", "Q", "-", ".", "0", "/", "É", "é", "ß", "İ", "Σ", "@", "[", "`", "{"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let name = (0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
                .joined()
            #expect(name.caseFolded == name.lowercased(), "\(name.debugDescription)")
        }
        #expect("Model-ABC/Xyz_09".caseFolded == "model-abc/xyz_09")
    }
}

/// The byte comparison of `file-name-matches-id` agrees with comparing the path's last component with `<id>.yaml`.
@Suite struct FileNameComparisonTests {
    @Test func itIsTheLastComponentEqualToTheIDAndYAML() {
        func byDefinition(_ id: String, _ path: String) -> Bool {
            let name = path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? path
            return Array(name.utf8) == Array((id + ".yaml").utf8)
        }
        let pieces = ["a", "b", "/", ".yaml", ".yml", "é", "-", "."]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5000 {
            let id = (0..<Int.random(in: 0...3, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            var path = (0..<Int.random(in: 0...5, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            if Bool.random(using: &generator) { path += id + ".yaml" }
            #expect(FileNameMatchesIDRule.isFileName(of: id, path: path) == byDefinition(id, path), "\(id.debugDescription) \(path.debugDescription)")
        }
        #expect(FileNameMatchesIDRule.isFileName(of: "bge-m3", path: "registry/bge-m3.yaml"))
        #expect(!FileNameMatchesIDRule.isFileName(of: "bge-m3", path: "registry/xbge-m3.yaml"))
        #expect(!FileNameMatchesIDRule.isFileName(of: "a/b", path: "registry/a/b.yaml"))
    }
}
