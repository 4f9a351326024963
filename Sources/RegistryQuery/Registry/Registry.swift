import Foundation
import ModelRegistry

/// A registry's entries, with the questions applications ask of them: look up by id or alias,
/// iterate, filter, resolve a role, walk lineage.
///
/// ```swift
/// let registry = try Registry.open(directory: "registry")
/// let colbert = registry.lookup("colbertv2")          // by id or alias
/// let small = registry.select(EntryFilter(types: ["dense"], maxEmbeddingDim: 384))
/// let captioner = try registry.resolve(RoleRequest(role: "caption")).chosen
/// ```
///
/// A registry is a value: opening reads every file once, and the result never changes.
public struct Registry: Sendable {
    /// Every entry, sorted by id (then by path when an id is duplicated).
    public let entries: [ModelEntry]
    /// What was wrong with the files: unreadable files always; schema and rule findings when
    /// the registry was opened with a schema. Sorted by path, line, column.
    public let findings: [Finding]
    private let positionByID: [String: Int]
    private let positionByName: [String: Int]

    /// A registry of entries already in memory.
    public init(entries: [ModelEntry], findings: [Finding] = []) {
        func inOrder(_ a: ModelEntry, _ b: ModelEntry) -> Bool { a.id != b.id ? a.id < b.id : a.path < b.path }
        // Entries read from a folder or a tree come sorted by path, which is nearly always the order of their ids.
        if zip(entries, entries.dropFirst()).allSatisfy({ !inOrder($1, $0) }) {
            self.entries = entries
        } else {
            // Sort positions, not entries: an entry is a large value, costly to move around.
            self.entries = entries.indices.sorted { inOrder(entries[$0], entries[$1]) }.map { entries[$0] }
        }
        self.findings = findings.sorted()
        var byID: [String: Int] = [:]
        var byName: [String: Int] = [:]
        for (position, entry) in self.entries.enumerated() where byID[entry.id] == nil {
            byID[entry.id] = position
            byName[entry.id.lowercased()] = byName[entry.id.lowercased()] ?? position
        }
        // Ids first, so an id always wins over another entry's alias.
        for (position, entry) in self.entries.enumerated() {
            for alias in entry.aliases where byName[alias.lowercased()] == nil {
                byName[alias.lowercased()] = position
            }
        }
        positionByID = byID
        positionByName = byName
    }

    /// Reads a registry from model files in memory: the folder's files, or a git tree's blobs.
    ///
    /// Files that cannot be read as YAML mappings are left out and reported in `findings`. With a
    /// `schema`, every file is also checked against it and against the document and cross-file
    /// rules, as `modelreg verify` does, and those findings are kept too.
    public init(files: [RegistryFile], schema: ModelSchema? = nil) {
        let loader = DocumentLoader()
        let linter = schema.map { Linter(schema: $0) }
        // Each core reads, checks and builds the entries of its share of the files (contiguous, so the entries come
        // back in the files' order), and keeps of each document only its entry and the extract the cross-file rules
        // read: documents are freed where they were made.
        let read = Parallel.map(chunksOf: files.count, minimumChunk: 64) { range in
            range.map { index -> (EntryExtract?, ModelEntry?, [Finding]) in
                let (document, findings) = files[index].read(loader: loader, linter: linter)
                guard let document else { return (nil, nil, findings) }
                return (linter.map { _ in EntryExtract(document) }, ModelEntry(document: document), findings)
            }
        }
        var extracts: [EntryExtract] = []
        var entries: [ModelEntry] = []
        var findings: [Finding] = []
        for (extract, entry, found) in read {
            if let extract { extracts.append(extract) }
            if let entry { entries.append(entry) }
            findings.append(contentsOf: found)
        }
        if let linter { findings.append(contentsOf: linter.checkRegistry(RegistrySnapshot(entries: extracts))) }
        self.init(entries: entries, findings: findings)
    }

    /// Reads the model files of a registry folder (`*.yaml`; hidden files skipped).
    ///
    /// - Parameters:
    ///   - directory: the registry folder.
    ///   - relativeTo: when given, file paths are shown relative to this folder (as the CLI does).
    ///   - schema: when given, files are checked as by `modelreg verify` and findings kept.
    /// - Throws: `ToolError` when the folder or a file cannot be read.
    public static func open(
        directory: String, relativeTo base: String? = nil, schema: ModelSchema? = nil
    ) throws(ToolError) -> Registry {
        var files: [RegistryFile] = []
        for path in try RegistryLocator.modelFiles(in: directory) {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ToolError("cannot read \(path)")
            }
            let shown = base.map { RegistryLocator.displayPath(path, relativeTo: $0) } ?? path
            files.append(RegistryFile(path: shown, bytes: Array(data)))
        }
        return Registry(files: files, schema: schema)
    }

    /// The entry with exactly this id.
    public subscript(id: String) -> ModelEntry? {
        positionByID[id].map { entries[$0] }
    }

    /// The entry whose id or alias is `name`, compared case-insensitively; an id wins over an alias.
    public func lookup(_ name: String) -> ModelEntry? {
        positionByName[name.lowercased()].map { entries[$0] }
    }

    /// Known ids and aliases close to `name`, closest first, for "did you mean" hints.
    public func suggestions(for name: String, limit: Int = 3) -> [String] {
        NameSuggestions.closest(to: name, among: positionByName.keys, limit: limit)
    }

    /// The entries that pass `filter`, in `filter`'s order.
    public func select(_ filter: EntryFilter) -> [ModelEntry] {
        filter.apply(to: entries)
    }

    /// The entries that fine-tune `id` directly (`fine_tuned_from: id`), sorted by id.
    public func children(of id: String) -> [ModelEntry] {
        entries.filter { $0.fineTunedFrom == id }
    }

    /// Every role any entry claims, sorted.
    public var roles: [String] { Set(entries.flatMap(\.roles)).sorted() }

    /// Every type any entry has, sorted.
    public var types: [String] { Set(entries.map(\.type)).sorted() }
}
