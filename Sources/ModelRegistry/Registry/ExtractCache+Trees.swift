import Git
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
        // Kept records are read on every core, each straight into an extract shown at its path.
        let paths = files.map { join(folder, $0.name) }
        var records = Parallel.map(count: files.count) { [self] index in record(for: files[index].id, shownAt: paths[index]) }
        var misses: [Int] = []
        var missedBytes: [[UInt8]] = []
        for (index, entry) in files.enumerated() where records[index] == nil {
            do {
                missedBytes.append(try repository.blob(entry.id))
                misses.append(index)
            } catch {
                throw ToolError("cannot read \(paths[index]) (blob \(entry.id.shortHex)): \(error.message)")
            }
        }
        for (index, record) in zip(misses, Self.records(parsing: missedBytes, loader: loader)) {
            store(record, for: files[index].id)
            guard case .entry(let extract) = record else { records[index] = .unreadable; continue }
            records[index] = .entry(extract.moved(to: paths[index]))
        }
        // In the order of `files` (a git tree's: sorted by name). Each extract is moved out of its record, not
        // copied: a copy retains every string of the extract, and freeing the records then releases them again.
        var extracts: [EntryExtract] = []
        extracts.reserveCapacity(files.count)
        records.withUnsafeMutableBufferPointer { records in
            for index in records.indices {
                let record = (records.baseAddress! + index).move()
                (records.baseAddress! + index).initialize(to: nil)
                if case .entry(let extract)? = consume record { extracts.append(extract) }
            }
        }
        return (extracts, misses.count)
    }

    /// The records of files not in the cache, parsed on every core.
    static func records(parsing sources: [[UInt8]], loader: DocumentLoader) -> [Record] {
        Parallel.map(count: sources.count, minimumShare: 64) { index in
            // Readable as `DocumentLoader` reads it (a top-level mapping), but only the extract's nodes are
            // converted: most of a file is never looked at.
            if let outline = try? YAMLReader.outline(sources[index], path: "", limits: loader.limits),
                outline.nodes[YAMLOutline.root].kind == .mapping
            {
                return .entry(EntryExtract(path: "", outline: outline))
            }
            return .unreadable
        }.map { $0 ?? .unreadable }
    }
}
