import Foundation
import Git
import Testing

@testable import ModelRegistry

@Suite struct HistoryIndexFormatTests {
    static func id(_ n: Int) -> ObjectID {
        ObjectID(hex: String(repeating: String(format: "%02x", n % 256), count: 20))!
    }

    /// A root, a side branch, a merge, a rename and a deletion; times out of order with the ids on purpose.
    static let commits: [IndexedCommit] = [
        IndexedCommit(
            id: id(9), parents: [], time: 100,
            changes: [
                EntryChange(kind: .added, newPath: "registry/a.yaml", newBlob: id(101)),
                EntryChange(kind: .added, newPath: "registry/b.yaml", newBlob: id(102)),
            ]),
        IndexedCommit(
            id: id(3), parents: [id(9)], time: 200,
            changes: [EntryChange(kind: .modified, oldPath: "registry/a.yaml", newPath: "registry/a.yaml", oldBlob: id(101), newBlob: id(103))]),
        IndexedCommit(id: id(5), parents: [id(9)], time: 200, changes: []),
        IndexedCommit(
            id: id(7), parents: [id(3), id(5)], time: 300,
            changes: [EntryChange(kind: .renamed, oldPath: "registry/b.yaml", newPath: "registry/c.yaml", oldBlob: id(102), newBlob: id(104))]),
        IndexedCommit(
            id: id(1), parents: [id(7)], time: 400,
            changes: [EntryChange(kind: .deleted, oldPath: "registry/a.yaml", oldBlob: id(103))]),
    ]

    static func encoded() -> [UInt8] {
        HistoryIndexFormat.encode(commits: commits, tips: [id(1)], registryPath: "registry")
    }

    @Test func everyRecordReadsBackAsWritten() throws {
        let view = try #require(HistoryIndexView(Data(Self.encoded()), registryPath: "registry"))
        #expect(view.count == Self.commits.count)
        #expect(view.tips == [Self.id(1)])
        let read = Dictionary(uniqueKeysWithValues: view.allCommits().map { ($0.id, $0) })
        for commit in Self.commits {
            let back = try #require(read[commit.id])
            #expect(back.parents == commit.parents)
            #expect(back.time == commit.time)
            #expect(back.changes == commit.changes)
        }
        #expect(HistoryIndexView(Data(Self.encoded()), registryPath: "models") == nil, "an index of another folder")
    }

    @Test func pathsLeadToTheCommitsThatNameThem() throws {
        let view = try #require(HistoryIndexView(Data(Self.encoded()), registryPath: "registry"))
        func ids(_ path: String) throws -> Set<ObjectID> {
            Set(view.commits(touching: try #require(view.pathPosition(of: path))).map(view.id(at:)))
        }
        #expect(try ids("registry/a.yaml") == [Self.id(9), Self.id(3), Self.id(1)])
        #expect(try ids("registry/b.yaml") == [Self.id(9), Self.id(7)])
        #expect(try ids("registry/c.yaml") == [Self.id(7)])
        #expect(view.pathPosition(of: "registry/d.yaml") == nil)
        let deletion = try #require(view.position(of: Self.id(1)))
        let a = try #require(view.pathPosition(of: "registry/a.yaml"))
        #expect(view.change(at: deletion, leaving: a)?.kind == .deleted)
        let rename = try #require(view.position(of: Self.id(7)))
        #expect(view.change(at: rename, leaving: try #require(view.pathPosition(of: "registry/c.yaml")))?.kind == .renamed)
        #expect(view.change(at: rename, leaving: a) == nil)
    }

    @Test func theWalkIsNewestFirstWithChildrenBeforeParents() throws {
        let view = try #require(HistoryIndexView(Data(Self.encoded()), registryPath: "registry"))
        var order: [ObjectID] = []
        view.forEachReachable(from: try #require(view.position(of: Self.id(1)))) { position in
            order.append(view.id(at: position))
            return true
        }
        // The two commits of time 200 come in the order the merge names them.
        #expect(order == [Self.id(1), Self.id(7), Self.id(3), Self.id(5), Self.id(9)])
        var fromSide: [ObjectID] = []
        view.forEachReachable(from: try #require(view.position(of: Self.id(5)))) { position in
            fromSide.append(view.id(at: position))
            return fromSide.count < 1
        }
        #expect(fromSide == [Self.id(5)], "the walk stops when asked to")
    }

    /// An index extended with new commits answers as one written from scratch with all of them.
    @Test func extendingEqualsWritingEverything() throws {
        let first = try #require(
            HistoryIndexView(
                Data(HistoryIndexFormat.encode(commits: Array(Self.commits.prefix(3)), tips: [Self.id(3), Self.id(5)], registryPath: "registry")),
                registryPath: "registry"))
        let extended = try #require(
            HistoryIndexView(Data(first.extended(with: Array(Self.commits.suffix(2)), tips: [Self.id(1), Self.id(3)])), registryPath: "registry"),
            "the extended file reads as an index")
        let whole = try #require(HistoryIndexView(Data(Self.encoded()), registryPath: "registry"))
        #expect(extended.count == whole.count)
        #expect(extended.tips == [Self.id(1), Self.id(3)])
        let read = Dictionary(uniqueKeysWithValues: extended.allCommits().map { ($0.id, $0) })
        for commit in whole.allCommits() {
            let back = try #require(read[commit.id])
            #expect(back.parents == commit.parents && back.time == commit.time && back.changes == commit.changes)
        }
        for path in ["registry/a.yaml", "registry/b.yaml", "registry/c.yaml"] {
            let mine = Set(extended.commits(touching: try #require(extended.pathPosition(of: path))).map(extended.id(at:)))
            let theirs = Set(whole.commits(touching: try #require(whole.pathPosition(of: path))).map(whole.id(at:)))
            #expect(mine == theirs, "\(path)")
        }
        func walk(_ view: HistoryIndexView) throws -> [ObjectID] {
            var order: [ObjectID] = []
            view.forEachReachable(from: try #require(view.position(of: Self.id(1)))) { order.append(view.id(at: $0)); return true }
            return order
        }
        #expect(try walk(extended) == walk(whole))
        // Extending by nothing changes no answer either.
        let same = try #require(HistoryIndexView(Data(whole.extended(with: [], tips: whole.tips)), registryPath: "registry"))
        #expect(same.allCommits().map(\.id) == whole.allCommits().map(\.id))
    }

    @Test func aDamagedFileIsNotBelieved() throws {
        let bytes = Self.encoded()
        // Every cut of the file: a torn or truncated copy never reads as an index.
        for length in 0..<bytes.count {
            #expect(HistoryIndexView(Data(bytes[0..<length]), registryPath: "registry") == nil, "cut at \(length)")
        }
        #expect(HistoryIndexView(Data(bytes + [0]), registryPath: "registry") == nil, "a byte too many")
        // Each parent position in turn set past the commits: header, folder name, tips, ids, times, parent starts.
        var outOfRange = bytes
        let parentsCount = 5 // 9 has none, 3 → 9, 5 → 9, 7 → 3, 5, 1 → 7
        let parentStartsOffset = 8 + 8 * 4 + "registry".utf8.count + 4 * 1 + 20 * 5 + 8 * 5
        let parentsOffset = parentStartsOffset + 4 * 6
        for index in 0..<parentsCount {
            withUnsafeBytes(of: UInt32(99).littleEndian) { outOfRange.replaceSubrange(parentsOffset + 4 * index..<parentsOffset + 4 * index + 4, with: $0) }
            #expect(HistoryIndexView(Data(outOfRange), registryPath: "registry") == nil, "parent \(index) out of range")
            outOfRange = bytes
        }
        #expect(HistoryIndexView(Data("modelreg-history-index 1\tregistry\n".utf8), registryPath: "registry") == nil, "the old text format")
    }
}
