/// The model files of a registry that could be read, as the cross-file rules see them: one `EntryExtract` each,
/// with lookups the rules share. Made from parsed documents (`verify`) or from extracts kept per git blob (`gate`).
public struct RegistrySnapshot: Sendable {
    /// Entries sorted by path.
    public let entries: [EntryExtract]
    /// The position in `entries` of each id (the first one by path when an id is duplicated).
    private let positionByID: [String: Int]

    public init(entries: [EntryExtract]) {
        // Usually nearly sorted already (a git tree's order, with the few changed files at the end).
        let inOrder = zip(entries, entries.dropFirst()).allSatisfy { $0.path <= $1.path }
        self.entries = inOrder ? entries : entries.sorted { $0.path < $1.path }
        var positions: [String: Int] = [:]
        positions.reserveCapacity(self.entries.count)
        for (position, entry) in self.entries.enumerated() {
            if let id = entry.id?.value, positions[id] == nil { positions[id] = position }
        }
        positionByID = positions
    }

    /// The entry with this id (the first one by path when an id is duplicated).
    public subscript(id id: String) -> EntryExtract? {
        positionByID[id].map { entries[$0] }
    }

    /// Every id, with the entry it names.
    public var ids: some Sequence<(id: String, entry: EntryExtract)> {
        positionByID.lazy.map { (id: $0.key, entry: entries[$0.value]) }
    }

    public init(documents: [ModelDocument]) {
        self.init(entries: documents.map(EntryExtract.init))
    }

    /// True when the entry with this id is deprecated.
    public func isDeprecated(_ id: String) -> Bool {
        self[id: id]?.isDeprecated ?? false
    }
}
