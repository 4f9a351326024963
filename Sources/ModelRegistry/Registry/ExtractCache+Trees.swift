import Dispatch
import Git
import Synchronization
import YAML

extension ExtractCache {
    /// The cache of a repository's registry, in its `.modelreg/` folder (see `CacheDirectory`).
    public init(for registry: RegistryRepository) {
        self.init(directory: CacheDirectory.forRepository(registry))
    }

    /// The extracts of model files of a git tree (`files`, entries of the tree at `folder`): from the cache where
    /// their blob was seen before, else read from `repository`, parsed on every core and kept. Files that are not
    /// readable model files have no extract. Returns the extracts, shown at `folder/name`, and how many files
    /// were parsed.
    public mutating func extracts(
        of files: [TreeEntry], in folder: String, repository: Repository, loader: DocumentLoader
    ) throws(ToolError) -> (extracts: [EntryExtract], parsed: Int) {
        var extracts: [EntryExtract] = []
        var misses: [(entry: TreeEntry, bytes: [UInt8])] = []
        for entry in files {
            if let record = self[entry.id] {
                if case .entry(let extract) = record { extracts.append(extract.moved(to: join(folder, entry.name))) }
                continue
            }
            do {
                misses.append((entry, try repository.blob(entry.id)))
            } catch {
                throw ToolError("cannot read \(join(folder, entry.name)) (blob \(entry.id.shortHex)): \(error.message)")
            }
        }
        for (miss, record) in zip(misses, Self.records(parsing: misses.map(\.bytes), loader: loader)) {
            store(record, for: miss.entry.id)
            if case .entry(let extract) = record { extracts.append(extract.moved(to: join(folder, miss.entry.name))) }
        }
        return (extracts, misses.count)
    }

    /// The records of files not in the cache, parsed on every core.
    static func records(parsing sources: [[UInt8]], loader: DocumentLoader) -> [Record] {
        let count = sources.count
        guard count > 0 else { return [] }
        let workers = max(1, min(count / 64, System.coreCount))
        let results = Mutex<[Record?]>(Array(repeating: nil, count: count))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var local: [(Int, Record)] = []
            var index = worker
            while index < count {
                // Readable as `DocumentLoader` reads it (a top-level mapping), but only the extract's nodes are
                // converted: most of a file is never looked at.
                let record: Record
                if let root = try? YAMLReader.parse(sources[index], path: "", limits: loader.limits),
                    case .mapping = root.content
                {
                    record = .entry(EntryExtract(path: "", root: root))
                } else {
                    record = .unreadable
                }
                local.append((index, record))
                index += workers
            }
            results.withLock { all in
                for (index, record) in local { all[index] = record }
            }
        }
        return results.withLock { $0.map { $0 ?? .unreadable } }
    }
}
