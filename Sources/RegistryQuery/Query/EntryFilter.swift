/// Which entries to keep, and in what order: the options of `modelreg list` and `modelreg query`.
///
/// Every option narrows the result. An option given several values keeps entries that match any
/// of them (`types: ["colbert", "dense"]`). Deprecated entries are left out unless
/// `includeDeprecated` is set.
public struct EntryFilter: Sendable {
    /// Keep entries of these types.
    public var types: [String]
    /// Keep entries that read one of these languages (see `ModelEntry.Capabilities.supportsLanguage`).
    public var languages: [String]
    /// Keep entries that accept one of these modalities.
    public var modalities: [String]
    /// Keep entries that claim one of these roles.
    public var roles: [String]
    /// Keep entries whose organization contains one of these, ignoring case (`baai`, `alibaba`).
    public var organizations: [String]
    /// Keep entries with one of these licenses (ignoring case).
    public var licenses: [String]
    /// Keep entries with an `embedding_dim` of at most this.
    public var maxEmbeddingDim: Int?
    /// Keep entries with a `context_length` of at least this.
    public var minContext: Int?
    /// Keep entries whose `capabilities.matryoshka` is this (absent counts as false).
    public var matryoshka: Bool?
    /// Keep entries whose `capabilities.multi_vector` is this (absent counts as false).
    public var multiVector: Bool?
    /// Keep entries whose `version_lock.locked` is this (absent counts as false).
    public var locked: Bool?
    /// Keep deprecated entries too.
    public var includeDeprecated: Bool
    /// Keep entries that satisfy this `--where` expression.
    public var expression: QueryExpression?
    /// The order of the result; by id when nil.
    public var order: EntryOrder?

    /// A filter; with no arguments it keeps every entry that is not deprecated, sorted by id.
    public init(
        types: [String] = [], languages: [String] = [], modalities: [String] = [], roles: [String] = [],
        organizations: [String] = [], licenses: [String] = [], maxEmbeddingDim: Int? = nil, minContext: Int? = nil,
        matryoshka: Bool? = nil, multiVector: Bool? = nil, locked: Bool? = nil, includeDeprecated: Bool = false,
        expression: QueryExpression? = nil, order: EntryOrder? = nil
    ) {
        self.types = types
        self.languages = languages
        self.modalities = modalities
        self.roles = roles
        self.organizations = organizations
        self.licenses = licenses
        self.maxEmbeddingDim = maxEmbeddingDim
        self.minContext = minContext
        self.matryoshka = matryoshka
        self.multiVector = multiVector
        self.locked = locked
        self.includeDeprecated = includeDeprecated
        self.expression = expression
        self.order = order
    }

    /// Whether `entry` passes every option (the order aside).
    public func matches(_ entry: ModelEntry) -> Bool {
        matches(subject: entry)
    }

    /// Whether an entry passes every option, reading only what the options need.
    func matches<Subject: FilterSubject>(subject entry: Subject) -> Bool {
        if !includeDeprecated, entry.isDeprecated { return false }
        if !types.isEmpty, !types.contains(entry.type) { return false }
        if !languages.isEmpty, !languages.contains(where: entry.capabilities.supportsLanguage) { return false }
        if !modalities.isEmpty, !modalities.contains(where: entry.capabilities.modalities.contains) { return false }
        if !roles.isEmpty, !roles.contains(where: entry.roles.contains) { return false }
        if !organizations.isEmpty {
            let organization = entry.organization?.lowercased() ?? ""
            if !organizations.contains(where: { organization.contains($0.lowercased()) }) { return false }
        }
        if !licenses.isEmpty, !licenses.contains(where: { $0.lowercased() == entry.license.lowercased() }) { return false }
        if let maxEmbeddingDim {
            guard let dimension = entry.specs.embeddingDim, dimension <= maxEmbeddingDim else { return false }
        }
        if let minContext {
            guard let context = entry.specs.contextLength, context >= minContext else { return false }
        }
        if let matryoshka, entry.capabilities.matryoshka != matryoshka { return false }
        if let multiVector, entry.capabilities.multiVector != multiVector { return false }
        if let locked, entry.locked != locked { return false }
        if let expression, !expression.matches(subject: entry) { return false }
        return true
    }

    /// The entries that pass, in the filter's order.
    public func apply(to entries: [ModelEntry]) -> [ModelEntry] {
        sorted(entries.filter(matches))
    }

    /// `entries` in the filter's order (by id when it has none).
    func sorted(_ entries: [ModelEntry]) -> [ModelEntry] {
        guard let order else { return entries.sorted { ($0.id, $0.path) < ($1.id, $1.path) } }
        return order.sorted(entries)
    }
}
