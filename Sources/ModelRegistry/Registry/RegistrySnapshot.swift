/// The model files of a registry that could be read, with lookups that cross-file rules share.
public struct RegistrySnapshot: Sendable {
    /// Documents sorted by path.
    public let documents: [ModelDocument]
    /// Documents by `id` (the first one by path when an id is duplicated).
    public let byID: [String: ModelDocument]

    public init(documents: [ModelDocument]) {
        self.documents = documents.sorted { $0.path < $1.path }
        var byID: [String: ModelDocument] = [:]
        for document in self.documents {
            if let id = document.id, byID[id] == nil { byID[id] = document }
        }
        self.byID = byID
    }

    /// True when the entry with this id is deprecated.
    public func isDeprecated(_ id: String) -> Bool {
        guard let value = byID[id]?.value.member("deprecated") else { return false }
        if case .bool(false) = value { return false }
        return true
    }
}
