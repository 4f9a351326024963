import Foundation
import Git
import Testing

@testable import ModelRegistry

@Suite struct ExtractCacheTests {
    typealias F = GateFixtures

    static let rich = """
        schema_version: 1
        id: rich
        name: Rich
        type: dense
        license: mit
        description: Every field the cross-file rules read.
        huggingface_id: org/rich
        revision: 0123456789abcdef0123456789abcdef01234567
        aliases: [rich-1, "tab\\there", "line\\nbreak \\\\ back", 42]
        fine_tuned_from: base
        deprecated:
          replaced_by: "newer"

        """

    @Test func anExtractReadsWhatTheDocumentSays() throws {
        let extract = EntryExtract(try F.document(Self.rich))
        #expect(extract.id?.value == "rich")
        #expect(extract.id?.location.description == "registry/rich.yaml:2:5")
        #expect(extract.aliases.map(\.value) == ["rich-1", "tab\there", "line\nbreak \\ back"])
        #expect(extract.aliases.map(\.location.column) == [11, 19, 32])
        #expect(extract.huggingfaceID?.value == "org/rich")
        #expect(extract.revision == "0123456789abcdef0123456789abcdef01234567")
        #expect(extract.fineTunedFrom?.value == "base")
        #expect(extract.isDeprecated)
        #expect(extract.replacedBy?.value == "newer")
        #expect(extract.replacedBy?.location.description == "registry/rich.yaml:12:16")
    }

    @Test func valuesOfOtherTypesAreLeftOutAsTheRulesIgnoreThem() throws {
        let extract = EntryExtract(try F.document("schema_version: 1\nid: 123\naliases: alias\ndeprecated: false\nfine_tuned_from: [a]\n", path: "registry/x.yaml"))
        #expect(extract.id == nil && extract.aliases.isEmpty && extract.fineTunedFrom == nil && !extract.isDeprecated)
        #expect(extract.fileStem == "x")
        #expect(EntryExtract(try F.document("id: x\ndeprecated:\n", path: "registry/x.yaml")).isDeprecated)
    }

    @Test func recordsSurviveTheFileUnchanged() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("extract-cache-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let rich = try #require(ObjectID(hex: String(repeating: "a1", count: 20)))
        let broken = try #require(ObjectID(hex: String(repeating: "b2", count: 20)))
        let dropped = try #require(ObjectID(hex: String(repeating: "c3", count: 20)))
        let extract = EntryExtract(try F.document(Self.rich)).moved(to: "")
        var cache = ExtractCache(directory: directory)
        #expect(cache.count == 0)
        cache.store(.entry(extract), for: rich)
        cache.store(.unreadable, for: broken)
        cache.store(.entry(EntryExtract(path: "")), for: dropped)
        try cache.save(keeping: [rich, broken])

        let reread = ExtractCache(directory: directory)
        #expect(reread.count == 2)
        #expect(reread[rich] == .entry(extract))
        #expect(reread[broken] == .unreadable)
        #expect(reread[dropped] == nil)
        if case .entry(let kept)? = reread[rich] {
            #expect(kept.moved(to: "registry/rich.yaml") == EntryExtract(try F.document(Self.rich)))
        }
    }

    @Test func newRecordsAreAppendedAndTheFileIsCompactedWhenMostlyStale() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("extract-cache-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let file = directory + "/" + ExtractCache.fileName
        func blob(_ number: Int) throws -> ObjectID {
            try #require(ObjectID(hex: String(format: "%040x", number)))
        }
        func lines() -> [Substring] {
            (try? String(contentsOfFile: file, encoding: .utf8))?.split(separator: "\n") ?? []
        }
        func extract(_ id: String) -> ExtractCache.Record {
            .entry(EntryExtract(path: "", id: .init(id, at: SourceLocation(path: "", line: 2, column: 5, offset: 20))))
        }
        var cache = ExtractCache(directory: directory)
        for number in 0..<100 { cache.store(extract("m\(number)"), for: try blob(number)) }
        try cache.save(keeping: Set(try (0..<100).map(blob)))
        #expect(lines().count == 101)

        // One changed file: one line appended, and a later line wins over an earlier one for the same blob.
        var next = ExtractCache(directory: directory)
        next.store(extract("m100"), for: try blob(100))
        next.store(extract("renamed"), for: try blob(0))
        try next.save(keeping: Set(try (0...100).map(blob)))
        #expect(lines().count == 103, "\(lines().suffix(3))")
        let reread = ExtractCache(directory: directory)
        #expect(reread.count == 101)
        #expect(reread[try blob(0)] == extract("renamed"))
        #expect(reread[try blob(100)] == extract("m100"))

        // A torn last line (a crash in the middle of an append) is never glued to the next one: the file is rewritten.
        let handle = try #require(FileHandle(forWritingAtPath: file))
        handle.seekToEndOfFile()
        handle.write(Data((try blob(500)).hex.prefix(30).utf8))
        handle.closeFile()
        var afterCrash = ExtractCache(directory: directory)
        afterCrash.store(extract("m101"), for: try blob(101))
        try afterCrash.save(keeping: Set(try (0...101).map(blob)))
        #expect(lines().count == 103)
        #expect(ExtractCache(directory: directory)[try blob(101)] == extract("m101"))

        // When the registry needs less than half of what the file holds, only that is kept.
        var small = ExtractCache(directory: directory)
        small.store(extract("m102"), for: try blob(102))
        try small.save(keeping: [try blob(1), try blob(102)])
        #expect(lines().count == 3)
        #expect(ExtractCache(directory: directory)[try blob(1)] == extract("m1"))
    }

    @Test func mergingSortedListsKeepsThePathOrder() {
        let first = ["registry/a.yaml", "registry/c.yaml", "registry/e.yaml"].map { EntryExtract(path: $0) }
        let second = ["registry/b.yaml", "registry/d.yaml", "registry/f.yaml", "registry/g.yaml"].map { EntryExtract(path: $0) }
        #expect(EntryExtract.merged(first, second).map(\.path) == (first + second).map(\.path).sorted())
        #expect(EntryExtract.merged([], second).map(\.path) == second.map(\.path))
        #expect(EntryExtract.merged(first, []).map(\.path) == first.map(\.path))
    }

    /// Inserting a few extracts into a long list gives what merging the two lists gives, ties included (the few
    /// first), whether the few are many enough to be merged instead.
    @Test func insertingAFewIsMerging() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            func sortedList(_ count: Int, tag: String) -> [EntryExtract] {
                (0..<count).map { _ in "registry/\(Int.random(in: 0..<40, using: &generator)).yaml" }.sorted()
                    .map { EntryExtract(path: $0, revision: tag) }
            }
            let few = sortedList(Int.random(in: 0...(Bool.random(using: &generator) ? 6 : 80), using: &generator), tag: "few")
            let many = sortedList(Int.random(in: 0...60, using: &generator), tag: "many")
            let expected = EntryExtract.merged(few, many)
            #expect(EntryExtract.merged(few, into: many) == expected)
        }
    }

    @Test func anOutdatedOrDamagedFileIsAnEmptyCache() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("extract-cache-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let file = directory + "/" + ExtractCache.fileName
        let blob = String(repeating: "ab", count: 20)
        try "modelreg entry extracts 0\n\(blob)\ti2 5 22 x\n".write(toFile: file, atomically: true, encoding: .utf8)
        #expect(ExtractCache(directory: directory).count == 0)
        try "modelreg entry extracts 1\n\(blob)\ti2 five 22 x\nnot-a-blob\ti1 1 0 y\n\(blob.dropLast())\tu\n".write(
            toFile: file, atomically: true, encoding: .utf8)
        // Lines are parsed when their blob is asked for: a damaged one is a miss, never a wrong record.
        let damaged = ExtractCache(directory: directory)
        #expect(damaged.count <= 1)
        #expect(damaged[try #require(ObjectID(hex: blob))] == nil)
        #expect(damaged.record(for: try #require(ObjectID(hex: blob)), shownAt: "registry/x.yaml") == nil)
    }

    @Test func aSnapshotOfExtractsFindsWhatOneOfDocumentsFinds() throws {
        let texts = [
            F.plain("a", extra: "aliases: [b]\nhuggingface_id: org/a\n"),
            F.plain("b", extra: "fine_tuned_from: c\nhuggingface_id: org/a\n"),
            F.plain("c", extra: "fine_tuned_from: b\ndeprecated:\n  replaced_by: a\n"),
            F.plain("d", extra: "deprecated:\n  replaced_by: c\n"),
        ]
        let documents = try texts.map { try F.document($0) }
        let linter = Linter(schema: .builtIn)
        let fromDocuments = linter.checkRegistry(RegistrySnapshot(documents: documents))
        let fromExtracts = linter.checkRegistry(
            RegistrySnapshot(entries: documents.map { EntryExtract($0).moved(to: "").moved(to: $0.path) }))
        #expect(Set(fromDocuments.map(\.ruleID)) == ["id-unique", "huggingface-id-unique", "lineage-acyclic", "replacement-reference"])
        #expect(fromDocuments.sorted() == fromExtracts.sorted())
    }
}
