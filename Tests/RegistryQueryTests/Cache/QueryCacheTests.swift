import Foundation
import Git
import ModelRegistry
import Testing

@testable import RegistryQuery

/// The schema file of this package.
let packageSchemaPath = URL(fileURLWithPath: testsDirectory).deletingLastPathComponent().deletingLastPathComponent()
    .path + "/schemas/model.schema.json"

/// A temporary registry folder and a cache beside it.
struct CacheFolder {
    let root: String
    var registry: String { root + "/registry" }
    var cache: QueryCache

    /// `settledClock`: the cache's clock runs 10 s ahead, so files written by the test count as settled
    /// (in real use a file is trusted by its stamp only 2 s after its last change).
    init(files: [String: String], settledClock: Bool = true) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("modelreg-cache-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root + "/registry", withIntermediateDirectories: true)
        cache = QueryCache(directory: root + "/.modelreg", tool: "tests")
        if settledClock { cache.clock = { FileStamp.now() + 10_000_000_000 } }
        for (id, text) in files { try write(id, text) }
    }

    func write(_ id: String, _ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: registry + "/\(id).yaml"))
    }

    /// Replaces the bytes in place (same inode), as `echo >` does.
    func overwrite(_ id: String, _ text: String) throws {
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: registry + "/\(id).yaml"))
        try handle.write(contentsOf: Data(text.utf8))
        try handle.truncate(atOffset: UInt64(text.utf8.count))
        try handle.close()
    }

    func open() throws -> CachedRegistry {
        try cache.open(folder: registry, relativeTo: root, schema: .builtIn)
    }

    /// What reading every file says, for comparison.
    func truth() throws -> Registry {
        try Registry.open(directory: registry, relativeTo: root, schema: .builtIn)
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }
}

@Suite struct QueryCacheTests {
    static let files = [
        "alpha": model("alpha", "specs: {embedding_dim: 384}\nroles: [retrieval]\naliases: [a]\n"),
        "beta": model("beta", type: "colbert", "specs: {embedding_dim: 128}\nfine_tuned_from: alpha\n"),
        "gamma": model("gamma", "deprecated: true\n"),
    ]

    /// The cached registry says what reading the files says: entries, findings, and a selection.
    func expectCurrent(_ folder: CacheFolder, _ opened: CachedRegistry, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let truth = try folder.truth()
        #expect(try opened.registry().entries == truth.entries, sourceLocation: sourceLocation)
        #expect(opened.findings == truth.findings, sourceLocation: sourceLocation)
        let filter = EntryFilter(includeDeprecated: true, order: EntryOrder(field: "specs.embedding_dim"))
        #expect(try opened.select(filter) == truth.select(filter), sourceLocation: sourceLocation)
    }

    /// File times advance by the kernel's tick: wait one out, so that a change is not within the same tick
    /// as the stamp taken before it (the 2 s settle window covers that in real use; the tests' clock skips it).
    func nextTick() { usleep(20_000) }

    @Test func aWarmOpenReadsNoFile() throws {
        let folder = try CacheFolder(files: Self.files)
        defer { folder.remove() }
        let cold = try folder.open()
        #expect(cold.outcome == .built)
        #expect(cold.filesHashed == 3)
        try expectCurrent(folder, cold)
        let snapshot = try #require(
            try FileManager.default.contentsOfDirectory(atPath: folder.root + "/.modelreg/query").first { $0.hasSuffix(".snapshot") })
        let written = try FileManager.default.attributesOfItem(atPath: folder.root + "/.modelreg/query/" + snapshot)[.modificationDate] as? Date
        let warm = try folder.open()
        #expect(warm.outcome == .cached)
        #expect(warm.filesHashed == 0)
        // Nothing moved: the snapshot is not written again.
        #expect(try FileManager.default.attributesOfItem(atPath: folder.root + "/.modelreg/query/" + snapshot)[.modificationDate] as? Date == written)
        #expect(warm.treeID == cold.treeID)
        try expectCurrent(folder, warm)
        // Self-ignoring.
        #expect(FileManager.default.contents(atPath: folder.root + "/.modelreg/.gitignore") == Data("# written by modelreg: everything here is a cache\n*\n".utf8))
    }

    /// A first open (no snapshot) reads, stamps and hashes each file as it parses it; what it records is what a
    /// rescan by stamps computes: the same tree id, the same entries, and a snapshot that vouches for every file.
    @Test func aFirstOpenReadsEachFileOnceAndRecordsWhatARescanWould() throws {
        var files: [String: String] = [:]
        for number in 0..<200 { files[String(format: "file-%03d", number)] = model(String(format: "model-%03d", number)) }
        let folder = try CacheFolder(files: files)
        defer { folder.remove() }
        let first = try folder.open()
        #expect(first.outcome == .built)
        #expect(first.filesHashed == 200)
        try expectCurrent(folder, first)
        // Without the archive, the next open rescans by the snapshot's stamps (reading nothing) and builds again.
        let query = folder.root + "/.modelreg/query"
        for name in try FileManager.default.contentsOfDirectory(atPath: query) where name.hasSuffix(".entries") {
            try FileManager.default.removeItem(atPath: query + "/" + name)
        }
        let second = try folder.open()
        #expect(second.outcome == .built)
        #expect(second.filesHashed == 0)
        #expect(second.treeID == first.treeID)
        #expect(try second.registry().entries.map(\.id) == first.registry().entries.map(\.id))
        try expectCurrent(folder, second)
    }

    /// Something named like a model file that is not a regular file (a folder, a FIFO) is refused, by name, whether
    /// the open reads every file in one pass (no snapshot) or stamps them against a snapshot first.
    @Test func aFolderNamedLikeAModelFileIsRefused() throws {
        let folder = try CacheFolder(files: Self.files)
        defer { folder.remove() }
        func refusal() -> String? {
            do {
                _ = try folder.open()
                return nil
            } catch let error as ToolError {
                return error.message
            } catch {
                return "\(error)"
            }
        }
        try FileManager.default.createDirectory(atPath: folder.registry + "/odd.yaml", withIntermediateDirectories: true)
        let first = refusal()
        #expect(first?.contains("cannot read") == true && first?.contains("odd.yaml") == true, "\(first ?? "accepted")")
        // With a snapshot from before the folder appeared.
        try FileManager.default.removeItem(atPath: folder.registry + "/odd.yaml")
        _ = try folder.open()
        nextTick()
        try FileManager.default.createDirectory(atPath: folder.registry + "/odd.yaml", withIntermediateDirectories: true)
        let later = refusal()
        #expect(later?.contains("cannot read") == true && later?.contains("odd.yaml") == true, "\(later ?? "accepted")")
        // A FIFO is refused, not waited on, on a first open that reads every file in one pass.
        try FileManager.default.removeItem(atPath: folder.registry + "/odd.yaml")
        try FileManager.default.removeItem(atPath: folder.root + "/.modelreg")
        #expect(mkfifo(folder.registry + "/pipe.yaml", 0o644) == 0)
        let pipe = refusal()
        #expect(pipe?.contains("cannot read") == true && pipe?.contains("pipe.yaml") == true, "\(pipe ?? "accepted")")
    }

    @Test func aColdOpenListsEntriesByIDWhateverTheFileOrder() throws {
        // Enough files for every core to take a share; ids run against the file names' order.
        var files: [String: String] = [:]
        for number in 0..<300 { files[String(format: "file-%03d", number)] = model(String(format: "model-%03d", 299 - number)) }
        let folder = try CacheFolder(files: files)
        defer { folder.remove() }
        let cold = try folder.open()
        #expect(cold.outcome == .built)
        try expectCurrent(folder, cold)
        #expect(try cold.registry().entries.map(\.id) == (0..<300).map { String(format: "model-%03d", $0) })
        let warm = try folder.open()
        #expect(warm.outcome == .cached)
        try expectCurrent(folder, warm)
    }

    @Test func anyChangeToAnyFileIsSeen() throws {
        var folder = try CacheFolder(files: Self.files)
        defer { folder.remove() }
        folder.cache.capacity = 8
        var trees: Set<ObjectID?> = [try folder.open().treeID]

        // One byte, in place, same size, and the modification time put back: the change time still moves.
        nextTick()
        let path = folder.registry + "/alpha.yaml"
        var before = stat()
        stat(path, &before)
        try folder.overwrite("alpha", Self.files["alpha"]!.replacingOccurrences(of: "384", with: "385"))
        var times = [before.st_atim, before.st_mtim]
        utimensat(AT_FDCWD, path, &times, 0)
        var after = stat()
        stat(path, &after)
        #expect(after.st_mtim.tv_nsec == before.st_mtim.tv_nsec && after.st_size == before.st_size && after.st_ino == before.st_ino)
        var opened = try folder.open()
        #expect(opened.outcome == .built)
        #expect(opened.filesHashed == 1)
        #expect(try opened.registry()["alpha"]?.specs.embeddingDim == 385)
        try expectCurrent(folder, opened)
        trees.insert(opened.treeID)

        // A file added.
        nextTick()
        try folder.write("delta", model("delta", "roles: [rerank]\n"))
        opened = try folder.open()
        #expect(opened.outcome == .built)
        #expect(try opened.registry()["delta"] != nil)
        try expectCurrent(folder, opened)
        trees.insert(opened.treeID)

        // A file removed.
        nextTick()
        try FileManager.default.removeItem(atPath: folder.registry + "/beta.yaml")
        opened = try folder.open()
        #expect(opened.outcome == .built)
        #expect(try opened.registry()["beta"] == nil)
        try expectCurrent(folder, opened)
        trees.insert(opened.treeID)

        // Replaced by a new file of the same size (an editor's save-by-rename).
        nextTick()
        let replacement = Self.files["gamma"]!.replacingOccurrences(of: "true", with: "fals")
        try replacement.write(toFile: folder.registry + "/gamma.yaml", atomically: true, encoding: .utf8)
        opened = try folder.open()
        #expect(opened.outcome == .built)
        try expectCurrent(folder, opened)
        trees.insert(opened.treeID)
        #expect(trees.count == 5)

        // Touched without a change: hashed again, found equal, served from the cache.
        nextTick()
        utimensat(AT_FDCWD, folder.registry + "/delta.yaml", nil, 0)
        opened = try folder.open()
        #expect(opened.outcome == .cached)
        #expect(opened.filesHashed == 1)
        try expectCurrent(folder, opened)

        // Back to an earlier content: an earlier tree id, served from the cache.
        nextTick()
        try folder.write("gamma", Self.files["gamma"]!)
        try folder.write("beta", Self.files["beta"]!)
        try FileManager.default.removeItem(atPath: folder.registry + "/delta.yaml")
        try folder.overwrite("alpha", Self.files["alpha"]!)
        opened = try folder.open()
        #expect(opened.outcome == .cached)
        try expectCurrent(folder, opened)
    }

    @Test func findingsComeBackFromTheCacheWithTheirPaths() throws {
        var files = Self.files
        files["broken"] = "id: broken\nid: again\n"
        files["zero"] = model("zero", "specs: {embedding_dim: 0}\nfine_tuned_from: nowhere\n")
        let folder = try CacheFolder(files: files)
        defer { folder.remove() }
        let cold = try folder.open()
        let warm = try folder.open()
        #expect(warm.outcome == .cached)
        #expect(warm.findings == cold.findings)
        #expect(warm.findings.count >= 3)
        #expect(warm.findings.allSatisfy { $0.location.path.hasPrefix("registry/") })
        // Another current directory shows other paths, from the same cache file.
        let elsewhere = try folder.cache.open(folder: folder.registry, relativeTo: folder.registry, schema: .builtIn)
        #expect(elsewhere.outcome == .cached)
        #expect(elsewhere.findings.map(\.location.path) == cold.findings.map { String($0.location.path.dropFirst("registry/".count)) })
    }

    @Test func aFileChangedJustNowIsHashedEveryTime() throws {
        // The real clock: files written a moment ago are not trusted by their stamps.
        let folder = try CacheFolder(files: Self.files, settledClock: false)
        defer { folder.remove() }
        _ = try folder.open()
        // Same size, same inode, very likely the same tick: only hashing can tell.
        try folder.overwrite("beta", Self.files["beta"]!.replacingOccurrences(of: "128", with: "129"))
        let opened = try folder.open()
        #expect(opened.filesHashed >= 1)
        #expect(try opened.registry()["beta"]?.specs.embeddingDim == 129)
        try expectCurrent(folder, opened)
    }

    @Test func anotherSchemaIsAnotherCacheEntry() throws {
        let folder = try CacheFolder(files: Self.files)
        defer { folder.remove() }
        _ = try folder.open()
        let text = String(decoding: try #require(FileManager.default.contents(atPath: packageSchemaPath)), as: UTF8.self)
        // The same schema, but not the same text: the findings could differ, so the archive is not used.
        let schema = try ModelSchema(text: text + "\n", origin: "test")
        let opened = try folder.cache.open(folder: folder.registry, relativeTo: folder.root, schema: schema)
        #expect(opened.outcome == .built)
    }

    @Test func onlyTheMostRecentStatesAreKept() throws {
        var folder = try CacheFolder(files: Self.files)
        defer { folder.remove() }
        folder.cache.capacity = 2
        for dimension in [1, 2, 3] {
            nextTick()
            try folder.write("alpha", model("alpha", "specs: {embedding_dim: \(dimension)}\n"))
            #expect(try folder.open().outcome == .built)
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.root + "/.modelreg/query")
        #expect(names.filter { $0.hasSuffix(".entries") }.count == 2)
    }

    @Test func gitObjectIdsAreGits() {
        let hasher = GitObjectHasher()
        // `printf 'hello\n' | git hash-object --stdin`
        let hello = hasher.blobID(of: Array("hello\n".utf8))
        #expect(hello.hex == "ce013625030ba8dba906f756967f9e9ca394464a")
        // `git write-tree` of a.yaml ("hello\n") and b.yaml ("x: 1\n"), listed in either order.
        let b = hasher.blobID(of: Array("x: 1\n".utf8))
        #expect(hasher.treeID(of: [("b.yaml", b), ("a.yaml", hello)]).hex == "c17a739acf9c84c7e95055928f4111a58e7f6e2d")
        #expect(hasher.treeID(of: []).hex == "4b825dc642cb6eb9a060e54bf8d69288fbee4904")
    }
}
