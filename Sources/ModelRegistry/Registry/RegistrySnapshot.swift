/// The model files of a registry that could be read, as the cross-file rules see them: one `EntryExtract` each,
/// with lookups the rules share. Made from parsed documents (`verify`) or from extracts kept per git blob (`gate`).
public struct RegistrySnapshot: Sendable {
    /// Entries sorted by path.
    public let entries: [EntryExtract]
    /// Entries by `id` (the first one by path when an id is duplicated).
    public let byID: [String: EntryExtract]

    public init(entries: [EntryExtract]) {
        self.entries = entries.sorted { $0.path < $1.path }
        var byID: [String: EntryExtract] = [:]
        byID.reserveCapacity(entries.count)
        for entry in self.entries {
            if let id = entry.id?.value, byID[id] == nil { byID[id] = entry }
        }
        self.byID = byID
    }

    public init(documents: [ModelDocument]) {
        self.init(entries: documents.map(EntryExtract.init))
    }

    /// True when the entry with this id is deprecated.
    public func isDeprecated(_ id: String) -> Bool {
        byID[id]?.isDeprecated ?? false
    }
}
