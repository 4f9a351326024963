import Digest
import Foundation
import Git
import ModelRegistry

/// The parsed-entry cache: registries read once are kept, parsed and checked, under `.modelreg/query/`,
/// keyed by the git tree id of the registry folder's content, so that the next query reads no YAML.
///
/// A tree id names content exactly, so a cached registry can never be stale: change any byte of any
/// model file, add one or remove one, and the folder has another tree id. At a revision the tree id
/// comes from git. For the work tree it is computed the way git would, from each file's blob id;
/// a snapshot of the files' stamps (inode, size, modification and change times) lets the next query
/// reuse the blob ids of files whose stamps did not move, so an untouched registry costs one `stat`
/// per file. The key also holds the schema's digest (findings depend on it) and the identity of the
/// modelreg build (rules change between builds).
///
/// ```swift
/// let cache = QueryCache(directory: CacheDirectory.forFolder("registry"))
/// let opened = try cache.open(folder: "registry", schema: .builtIn)
/// let small = try opened.select(EntryFilter(maxEmbeddingDim: 384))
/// ```
///
/// Writing is best effort: when the folder cannot be written, queries read the files every time.
public struct QueryCache: Sendable {
    /// The `.modelreg/` folder the cache lives in (its files are in `query/` inside it).
    public let directory: String
    /// Names the build of the program that reads and writes the cache: archives written by another
    /// build are not used, since rules and readers change between builds.
    public let tool: String
    /// How many cached registry states to keep; the least recently used go first.
    public var capacity = 4
    /// For a command that exits after its query: what building an archive leaves behind (the workers' shares, the
    /// extracts) is left to the process's end instead of being freed one by one (see `LeftToExit`).
    public var leavesBuildToExit = false
    /// The wall clock, in nanoseconds since the epoch (tests move it forward).
    var clock: @Sendable () -> Int64 = { FileStamp.now() }

    /// A cache in `directory` (usually `CacheDirectory.forFolder(_:)` or `.forRepository(_:)`), for the
    /// running program's build unless `tool` names another.
    public init(directory: String, tool: String = QueryCache.currentBuild) {
        self.directory = directory
        self.tool = tool
    }

    private var folder: String { directory + "/query" }

    /// Names the running program's build (see `BuildIdentity`): archives hold what this build's readers and rules
    /// made of the files.
    public static var currentBuild: String { BuildIdentity.current }

    /// Opens the registry folder `path`, from the cache when it holds the folder's current content.
    ///
    /// - Parameters:
    ///   - path: the registry folder.
    ///   - base: when given, file paths are shown relative to this folder (as the CLI does).
    ///   - schema: findings are those of `modelreg verify` with this schema.
    /// - Throws: `ToolError` when the folder or a file cannot be read.
    public func open(folder path: String, relativeTo base: String? = nil, schema: ModelSchema) throws(ToolError)
        -> CachedRegistry
    {
        let directory = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
        let prefix = Self.displayPrefix(of: directory, relativeTo: base)
        let snapshotFile = folder + "/" + Self.snapshotName(for: directory)
        let previous = Self.readFile(snapshotFile).flatMap { try? FolderSnapshot(decoding: $0) }
        if previous == nil {
            return try openReading(directory: directory, prefix: prefix, snapshotFile: snapshotFile, schema: schema)
        }
        var scan = try FolderScan.scan(directory: directory, previous: previous, now: clock())
        let key = EntryArchive.Key(treeID: scan.treeID, schemaDigest: schema.digest, tool: tool)
        let build = rebuilding(scan, prefix: prefix, schema: schema, key: key)
        if !scan.snapshotIsCurrent { write(scan.snapshot.bytes, to: snapshotFile) }
        if let opened = cached(key, prefix: prefix, rebuild: build, hashed: scan.hashedCount) { return opened }
        let files = try scan.contents().map { RegistryFile(path: prefix + $0.name, bytes: $0.bytes) }
        return try built(files: files, schema: schema, prefix: prefix, key: key, rebuild: build, hashed: scan.hashedCount)
    }

    /// A folder with no snapshot to reuse (a first open): every file is read, stamped, hashed and parsed in one
    /// pass, and the archive kept under the key the files' blob ids give. (A cached archive for that key, left
    /// from before the snapshot was lost, would hold the same.)
    private func openReading(directory: String, prefix: String, snapshotFile: String, schema: ModelSchema)
        throws(ToolError) -> CachedRegistry
    {
        let now = clock()
        let folder = try FolderScan.folderStamp(directory)
        let names = try RegistryLocator.modelFileNames(in: directory)
        let tool = tool
        let built = try ArchiveBuilder.build(
            reading: names, in: directory, schema: schema, prefix: prefix, leavingToExit: leavesBuildToExit
        ) { blobs in
            let treeID = GitObjectHasher().treeID(of: zip(names, blobs).map { (name: $0, blob: $1) })
            return EntryArchive.Key(treeID: treeID, schemaDigest: schema.digest, tool: tool)
        }
        let scan = FolderScan.read(
            directory: directory, folder: folder, names: names, reads: built.reads, treeID: built.key.treeID, now: now)
        write(scan.snapshot.bytes, to: snapshotFile)
        let rebuild = rebuilding(scan, prefix: prefix, schema: schema, key: built.key)
        return try opened(built.bytes, key: built.key, prefix: prefix, schema: schema, rebuild: rebuild, hashed: names.count) {
            () throws(ToolError) in
            var reread = scan
            return try reread.contents().map { RegistryFile(path: prefix + $0.name, bytes: $0.bytes) }
        }
    }

    /// How a registry opened from `scan` is read again in full when asked for (and its archive stored).
    private func rebuilding(_ scan: FolderScan, prefix: String, schema: ModelSchema, key: EntryArchive.Key)
        -> @Sendable () throws(ToolError) -> Registry
    {
        { () throws(ToolError) -> Registry in
            var rescan = scan
            let files = try rescan.contents().map { RegistryFile(path: prefix + $0.name, bytes: $0.bytes) }
            let registry = Registry(files: files, schema: schema)
            store(registry, prefix: prefix, key: key)
            return registry
        }
    }

    /// Builds the archive of `files` straight from them, keeps it, and answers from it as from a cached one.
    private func built(
        files: [RegistryFile], schema: ModelSchema, prefix: String, key: EntryArchive.Key,
        rebuild: @escaping @Sendable () throws(ToolError) -> Registry, hashed: Int
    ) throws(ToolError) -> CachedRegistry {
        let bytes = ArchiveBuilder.build(files: files, schema: schema, prefix: prefix, key: key, leavingToExit: leavesBuildToExit)
        return try opened(bytes, key: key, prefix: prefix, schema: schema, rebuild: rebuild, hashed: hashed) {
            () throws(ToolError) in files
        }
    }

    /// Keeps a freshly built archive and answers from it as from a cached one; should it not read back, from the
    /// registry made of `files`.
    private func opened(
        _ bytes: [UInt8], key: EntryArchive.Key, prefix: String, schema: ModelSchema,
        rebuild: @escaping @Sendable () throws(ToolError) -> Registry, hashed: Int,
        files: () throws(ToolError) -> [RegistryFile]
    ) throws(ToolError) -> CachedRegistry {
        keep(bytes, for: key)
        if let archive = (try? EntryArchive(bytes: Data(bytes), key: key)) ?? nil, let findings = try? archive.findings(prefix: prefix) {
            return CachedRegistry(
                archive: archive, prefix: prefix, findings: findings, treeID: key.treeID, filesHashed: hashed,
                rebuild: rebuild, outcome: .built)
        }
        let registry = Registry(files: try files(), schema: schema)
        return CachedRegistry(registry: registry, outcome: .built, treeID: key.treeID, filesHashed: hashed)
    }

    /// Opens the registry as stored in `commit` of `repository`, read from the object database, from the
    /// cache when it holds that tree. Paths are shown relative to the repository root (`registry/x.yaml`).
    public func open(repository: RegistryRepository, commit: ObjectID, schema: ModelSchema) throws(ToolError)
        -> CachedRegistry
    {
        let prefix = repository.registryPath.isEmpty ? "" : repository.registryPath + "/"
        let (workTree, gitDirectory, registryPath) =
            (repository.workTree, repository.repository.gitDirectory, repository.registryPath)
        let build: @Sendable () throws(ToolError) -> Registry = {
            // Repository handles are not shared between threads: open the repository again.
            let again = try RegistryRepository(
                discoveringFrom: workTree ?? gitDirectory,
                registryDirectory: workTree.map { registryPath.isEmpty ? $0 : $0 + "/" + registryPath })
            return try Self.read(again, commit: commit, schema: schema)
        }
        guard let treeID = repository.repository.treeID(at: repository.registryPath, inCommit: commit) else {
            // No registry folder at that revision: nothing to cache.
            return CachedRegistry(
                registry: try Self.read(repository, commit: commit, schema: schema), outcome: .built, treeID: nil,
                filesHashed: 0)
        }
        let key = EntryArchive.Key(treeID: treeID, schemaDigest: schema.digest, tool: tool)
        if let opened = cached(key, prefix: prefix, rebuild: build, hashed: 0) { return opened }
        let files = try repository.sources(at: commit).map { RegistryFile(path: $0.displayPath, bytes: $0.bytes) }
        return try built(files: files, schema: schema, prefix: prefix, key: key, rebuild: build, hashed: 0)
    }

    private static func read(_ repository: RegistryRepository, commit: ObjectID, schema: ModelSchema) throws(ToolError)
        -> Registry
    {
        let files = try repository.sources(at: commit).map { RegistryFile(path: $0.displayPath, bytes: $0.bytes) }
        return Registry(files: files, schema: schema)
    }

    // MARK: Archives

    private func archiveFile(for key: EntryArchive.Key) -> String {
        folder + "/" + key.treeID.hex + "-" + key.schemaDigest.prefix(16) + ".entries"
    }

    /// The cached registry for `key`, or nil when there is none (or it is damaged).
    private func cached(
        _ key: EntryArchive.Key, prefix: String, rebuild: @escaping @Sendable () throws(ToolError) -> Registry,
        hashed: Int
    ) -> CachedRegistry? {
        let file = archiveFile(for: key)
        // Mapped, not read: the pages come straight from the page cache, and only those touched.
        guard let bytes = try? Data(contentsOf: URL(fileURLWithPath: file), options: .alwaysMapped) else { return nil }
        do {
            guard let archive = try EntryArchive(bytes: bytes, key: key) else { return nil }
            let findings = try archive.findings(prefix: prefix)
            // Most recently used last to go.
            utimensat(AT_FDCWD, file, nil, 0)
            return CachedRegistry(
                archive: archive, prefix: prefix, findings: findings, treeID: key.treeID, filesHashed: hashed,
                rebuild: rebuild)
        } catch {
            unlink(file)
            return nil
        }
    }

    /// Writes the archive of `registry` and drops the least recently used beyond `capacity`.
    func store(_ registry: Registry, prefix: String, key: EntryArchive.Key) {
        keep(EntryArchive.encode(registry, prefix: prefix, key: key), for: key)
    }

    /// Writes an archive and drops the least recently used beyond `capacity`.
    private func keep(_ bytes: [UInt8], for key: EntryArchive.Key) {
        let file = archiveFile(for: key)
        guard write(bytes, to: file) else { return }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        let archives = names.filter { $0.hasSuffix(".entries") }.map { folder + "/" + $0 }
        guard archives.count > capacity else { return }
        let byAge = archives.map { path -> (String, Int64) in
            var status = stat()
            return (path, stat(path, &status) == 0 ? FileStamp(status).modified : 0)
        }.sorted { $0.1 < $1.1 }
        for (path, _) in byAge.prefix(archives.count - capacity) where path != file { unlink(path) }
    }

    // MARK: Files

    /// Replaces `path` with `bytes` (a temporary file renamed over it, so readers see old or new, never
    /// half); false when the cache folder cannot be written.
    @discardableResult
    private func write(_ bytes: [UInt8], to path: String) -> Bool {
        guard (try? CacheDirectory.prepare(folder)) != nil else { return false }
        let temporary = path + ".\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        let descriptor = Foundation.open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return false }
        var written = 0
        while written < bytes.count {
            let result = bytes[written...].withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            if result < 0 {
                if errno == EINTR { continue }
                break
            }
            written += result
        }
        close(descriptor)
        guard written == bytes.count, rename(temporary, path) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }

    private static func readFile(_ path: String) -> [UInt8]? {
        try? FolderScan.readFile(path)
    }

    /// The snapshot file of a registry folder: its name, and a digest of its absolute path.
    private static func snapshotName(for directory: String) -> String {
        let canonical = RegistryRepository.canonical(directory)
        let name = (canonical as NSString).lastPathComponent.filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
        return "folder-\(name)-\(SHA256.hash(canonical.utf8).hex.prefix(12)).snapshot"
    }

    /// What precedes a file's name in its shown path: `registry/`, `../registry/`, or the absolute folder.
    static func displayPrefix(of directory: String, relativeTo base: String?) -> String {
        guard let base else { return directory.hasSuffix("/") ? directory : directory + "/" }
        let probe = "probe.yaml"
        let shown = RegistryLocator.displayPath(directory + "/" + probe, relativeTo: base)
        return String(shown.dropLast(probe.count))
    }
}
