import JSONSchema

/// What change rules compare: the entries a change touched, matched by id, as they were before it (`base`) and
/// as they are after it (`head`). An entry added by the change has no base; one deleted has no head.
public struct RegistryChange: Sendable {
    public struct Entry: Sendable {
        /// The entry's id (its file name when it has no string id).
        public var id: String
        public var base: ModelDocument?
        public var head: ModelDocument?
    }

    /// The entries, sorted by id.
    public let entries: [Entry]

    /// Pairs the documents of the changed files by id; only the first document with an id counts (a duplicate is
    /// reported by `id-unique`). Unchanged files may be passed too: they compare equal and find nothing.
    public init(base: [ModelDocument], head: [ModelDocument]) {
        func byID(_ documents: [ModelDocument]) -> [String: ModelDocument] {
            var result: [String: ModelDocument] = [:]
            for document in documents.sorted(by: { $0.path < $1.path }) {
                let id = document.id ?? document.fileStem
                if result[id] == nil { result[id] = document }
            }
            return result
        }
        let before = byID(base)
        let after = byID(head)
        entries = Set(before.keys).union(after.keys).sorted().map { Entry(id: $0, base: before[$0], head: after[$0]) }
    }

    /// True when the document is locked (`version_lock.locked: true`).
    public static func isLocked(_ document: ModelDocument) -> Bool {
        document.value.member(path: "version_lock.locked")?.asBool == true
    }
}

/// A change rule's finding, with the model it is about, so that an approved relock of that model can excuse it.
public struct ChangeFinding: Sendable, Hashable {
    public var modelID: String
    public var finding: Finding

    public init(modelID: String, finding: Finding) {
        self.modelID = modelID
        self.finding = finding
    }
}
