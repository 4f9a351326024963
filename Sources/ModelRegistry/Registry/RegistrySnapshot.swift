/// The model files of a registry that could be read, as the cross-file rules see them: one `EntryExtract` each,
/// with lookups the rules share. Made from parsed documents (`verify`) or from extracts kept per git blob (`gate`).
public struct RegistrySnapshot: Sendable {
    /// Entries sorted by path.
    public let entries: [EntryExtract]
    /// The position in `entries` of each id (the first one by path when an id is duplicated).
    private let positionByID: [String: Int]

    public init(entries: [EntryExtract]) {
        // Usually nearly sorted already (a git tree's order, with the few changed files at the end).
        let inOrder = entries.indices.dropFirst().allSatisfy { entries[$0 - 1].path <= entries[$0].path }
        self.entries = inOrder ? entries : entries.sorted { $0.path < $1.path }
        var positions: [String: Int] = [:]
        positions.reserveCapacity(self.entries.count)
        // One hash per entry: the first position is put back in the rare case of a duplicated id.
        for position in self.entries.indices {
            guard let id = self.entries[position].id?.value else { continue }
            if let first = positions.updateValue(position, forKey: id) { positions[id] = first }
        }
        positionByID = positions
    }

    /// The entry with this id (the first one by path when an id is duplicated).
    public subscript(id id: String) -> EntryExtract? {
        positionByID[id].map { entries[$0] }
    }

    /// The position in `entries` of the entry with this id (the first one by path when an id is duplicated).
    public func position(ofID id: String) -> Int? {
        positionByID[id]
    }

    /// True when some entry has this id.
    public func contains(id: String) -> Bool {
        positionByID[id] != nil
    }

    public init(documents: [ModelDocument]) {
        self.init(entries: documents.map(EntryExtract.init))
    }

    /// True when the entry with this id is deprecated.
    public func isDeprecated(_ id: String) -> Bool {
        positionByID[id].map { entries[$0].isDeprecated } ?? false
    }
}
