import JSONSchema

/// What a filter reads of an entry. `ModelEntry` answers from its stored fields; `EntryFields` reads
/// each from its source when asked, so that the query cache can filter without building whole
/// entries. Both give the same answers for an entry read from data.
protocol FilterSubject {
    /// The value at a dotted path of the entry's data, where expressions look fields up.
    func value(at path: String) -> JSONValue?
    var type: String { get }
    var license: String { get }
    var organization: String? { get }
    var roles: [String] { get }
    var specs: ModelEntry.Specs { get }
    var capabilities: ModelEntry.Capabilities { get }
    var locked: Bool { get }
    var isDeprecated: Bool { get }
}

extension ModelEntry: FilterSubject {}
