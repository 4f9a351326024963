import Foundation
import Git
import JSONSchema
import ModelRegistry
import Testing

@testable import RegistryQuery

@Suite struct EntryArchiveTests {
    static let key = EntryArchive.Key(
        treeID: ObjectID(hex: "58285ae194e0783587e718064eb7c3475d9a9917")!, schemaDigest: ModelSchema.builtIn.digest,
        tool: "tests")

    /// The fixture registry (paths `registry/…`) with a file that has errors, so findings are kept too.
    static let registry: Registry = {
        var files = fixtureRegistry.entries.map { entry in
            RegistryFile(path: "registry/" + entry.path.split(separator: "/").last!, bytes: Array(entry.raw.serialized(pretty: false).utf8))
        }
        files.append(RegistryFile(path: "registry/broken.yaml", text: "id: broken\nid: again\n"))
        files.append(RegistryFile(path: "registry/bad-dim.yaml", text: model("bad-dim", "specs: {embedding_dim: 0}\n")))
        return Registry(files: files, schema: .builtIn)
    }()

    static func archive(prefix: String = "registry/") throws -> EntryArchive {
        try #require(try EntryArchive(bytes: Data(EntryArchive.encode(registry, prefix: prefix, key: key)), key: key))
    }

    @Test func entriesAndFindingsRoundTrip() throws {
        let archive = try Self.archive()
        #expect(Self.registry.findings.count >= 2)
        #expect(try archive.entries(prefix: "registry/") == Self.registry.entries)
        #expect(try archive.findings(prefix: "registry/") == Self.registry.findings)
    }

    @Test func pathsTakeTheReadersPrefix() throws {
        let archive = try Self.archive()
        let entries = try archive.entries(prefix: "../data/registry/")
        #expect(entries.map(\.path) == Self.registry.entries.map { "../data/" + $0.path })
        let findings = try archive.findings(prefix: "/abs/registry/")
        #expect(findings.map(\.location.path) == Self.registry.findings.map { "/abs/" + $0.location.path })
        #expect(findings.allSatisfy { $0.notes.allSatisfy { $0.location?.path.hasPrefix("/abs/registry/") ?? true } })
    }

    @Test func anotherKeyIsNotUsed() throws {
        let bytes = EntryArchive.encode(Self.registry, prefix: "registry/", key: Self.key)
        for other in [
            EntryArchive.Key(treeID: ObjectID(hex: String(repeating: "1", count: 40))!, schemaDigest: Self.key.schemaDigest, tool: "tests"),
            EntryArchive.Key(treeID: Self.key.treeID, schemaDigest: "other", tool: "tests"),
            EntryArchive.Key(treeID: Self.key.treeID, schemaDigest: Self.key.schemaDigest, tool: "another build"),
        ] {
            #expect(try EntryArchive(bytes: Data(bytes), key: other) == nil)
        }
    }

    @Test func damageIsNoticedNotTrusted() throws {
        let bytes = EntryArchive.encode(Self.registry, prefix: "registry/", key: Self.key)
        for length in [0, 10, bytes.count / 2, bytes.count - 1] {
            #expect(throws: CacheDamage.self) { _ = try EntryArchive(bytes: Data(bytes.prefix(length)), key: Self.key) }
        }
        #expect(throws: CacheDamage.self) { _ = try EntryArchive(bytes: Data(bytes + [0]), key: Self.key) }
        // Garbage where entries should be: opening or decoding fails, nothing crashes.
        var garbled = bytes
        for index in stride(from: bytes.count / 3, to: bytes.count / 3 + 64, by: 1) { garbled[index] = 0xff }
        let opened = try? EntryArchive(bytes: Data(garbled), key: Self.key)
        if let opened {
            #expect(throws: CacheDamage.self) { _ = try opened.entries(prefix: "") }
        }
    }

    static let filters: [EntryFilter] = {
        func parse(_ text: String) -> QueryExpression { try! QueryExpression.parse(text) }
        return [
            EntryFilter(),
            EntryFilter(includeDeprecated: true),
            EntryFilter(types: ["colbert", "dense"]),
            EntryFilter(languages: ["ru"]),
            EntryFilter(modalities: ["audio", "vision"]),
            EntryFilter(roles: ["rerank"]),
            EntryFilter(organizations: ["EXAMPLE"]),
            EntryFilter(licenses: ["MIT"]),
            EntryFilter(maxEmbeddingDim: 128),
            EntryFilter(minContext: 8192),
            EntryFilter(matryoshka: true),
            EntryFilter(matryoshka: false),
            EntryFilter(multiVector: true),
            EntryFilter(locked: true),
            EntryFilter(locked: false, includeDeprecated: true),
            EntryFilter(expression: parse("type in [colbert, dense] and specs.embedding_dim <= 384 and not deprecated")),
            EntryFilter(includeDeprecated: true, expression: parse("deprecated.replaced_by exists or aliases contains colbertv2")),
            EntryFilter(expression: parse("specs.parameters < 1B or metadata.paper exists")),
            EntryFilter(expression: parse("capabilities.languages contains ru and not backend exists")),
            EntryFilter(order: EntryOrder(field: "specs.embedding_dim", descending: true)),
            EntryFilter(order: EntryOrder(field: "priority")),
            EntryFilter(types: ["causal-lm"], order: EntryOrder(field: "release_date")),
        ]
    }()

    @Test(arguments: filters)
    func selectingFromTheArchiveEqualsSelectingFromTheRegistry(filter: EntryFilter) throws {
        let archive = try Self.archive()
        #expect(try archive.select(filter, prefix: "registry/") == Self.registry.select(filter))
    }

    /// Reading an archived entry field by field finds what the entry's data holds, at every path.
    @Test func archivedFieldsFindWhatTheDataHolds() throws {
        let bytes = Data(EntryArchive.encode(Self.registry, prefix: "registry/", key: Self.key))
        let archive = try #require(try EntryArchive(bytes: bytes, key: Self.key))
        let whole = try archive.entries(prefix: "registry/")
        var paths: Set<String> = ["", "nothing", "specs.nothing", "id.more", "type.x", "capabilities..languages", ".type"]
        func collect(_ value: JSONValue, _ path: String) {
            paths.insert(path)
            if case .object(let object) = value {
                for key in object.keys { collect(object[key]!, path.isEmpty ? key : path + "." + key) }
            }
        }
        whole.forEach { collect($0.raw, "") }
        #expect(paths.count > 40)
        try bytes.withReader { (buffer) throws(CacheDamage) in
            let names = ArchiveNames(keys: archive.keys)
            for (position, entry) in whole.enumerated() {
                var reader = ByteReader(buffer, at: archive.offsets[position])
                try EntryArchive.skipPath(&reader)
                let fields = ArchivedFields(buffer: buffer, members: reader.position, names: names)
                for path in paths {
                    #expect(fields.value(at: path) == entry.raw.member(path: path), "\(entry.id): \(path)")
                }
                for key in ["id", "specs", "aliases", "deprecated", "nothing"] {
                    #expect(fields.member(key) == entry.raw.member(key))
                }
                let typed = EntryFields(source: fields)
                #expect(typed.isDeprecated == entry.isDeprecated && typed.specs == entry.specs && typed.capabilities == entry.capabilities)
            }
            #expect(names.damage == nil)
        }
    }
}
