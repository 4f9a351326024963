import Testing

@testable import Git

/// Tree objects read as stored bytes (`diffTrees` compares them this way).
@Suite struct RawTreeTests {
    let id = [UInt8](repeating: 0xab, count: 20)

    @Test func readsEntriesAndTheirKinds() throws {
        let bytes = Array("100644 a.yaml\0".utf8) + id + Array("40000 sub\0".utf8) + id
        let tree = RawTree(bytes: bytes)
        let first = try #require(try tree.entry(at: 0))
        #expect(tree.name(of: first) == "a.yaml" && !first.isTree)
        #expect(tree.id(of: first) == ObjectID(bytes: id))
        let second = try #require(try tree.entry(at: first.end))
        #expect(tree.name(of: second) == "sub" && second.isTree)
        #expect(try tree.entry(at: second.end) == nil)
    }

    @Test(arguments: [
        Array("100644 a.yaml".utf8),  // no NUL after the name
        Array("100644 a.yaml\0".utf8) + [UInt8](repeating: 1, count: 19),  // an id cut short
        Array("100644".utf8),  // no space after the mode
    ])
    func aMalformedEntryIsAnErrorNotTheEndOfTheTree(_ bytes: [UInt8]) {
        #expect(throws: GitError.self) { try RawTree(bytes: bytes).entry(at: 0) }
    }
}
