import JSONSchema
import ModelRegistry

/// Where an entry's fields are read from: its data in memory (`JSONValue`), or an entry in the query
/// cache, decoded field by field (`ArchivedFields`).
protocol FieldSource {
    /// The top-level field `key`, or nil.
    func member(_ key: String) -> JSONValue?
    /// The value at a dotted path (`specs.embedding_dim`), as `JSONValue.member(path:)` finds it.
    func value(at path: String) -> JSONValue?
}

extension JSONValue: FieldSource {
    func value(at path: String) -> JSONValue? { member(path: path) }
}

/// The typed fields of an entry, each read from its source when asked: what `ModelEntry(value:path:)`
/// stores, and what a filter reads from the query cache without building whole entries. The one place
/// that says how each field is read.
struct EntryFields<Source: FieldSource>: FilterSubject {
    let source: Source

    func value(at path: String) -> JSONValue? { source.value(at: path) }

    var id: String? { source.member("id")?.asString }
    var name: String { source.member("name")?.asString ?? "" }
    var type: String { source.member("type")?.asString ?? "" }
    var license: String { source.member("license")?.asString ?? "" }
    var description: String { source.member("description")?.asString ?? "" }
    var huggingfaceID: String? { source.member("huggingface_id")?.asString }
    var revision: String? { source.member("revision")?.asString }
    var organization: String? { source.member("organization")?.asString }
    var releaseDate: String? { source.member("release_date")?.asString }
    var architecture: ModelEntry.Architecture { ModelEntry.Architecture(source.member("architecture")) }
    var specs: ModelEntry.Specs { ModelEntry.Specs(source.member("specs")) }
    var capabilities: ModelEntry.Capabilities { ModelEntry.Capabilities(source.member("capabilities")) }
    var roles: [String] { source.member("roles")?.strings ?? [] }
    var aliases: [String] { source.member("aliases")?.strings ?? [] }
    var backend: ModelEntry.Backend? { source.member("backend").flatMap(ModelEntry.Backend.init) }
    var fineTunedFrom: String? { source.member("fine_tuned_from")?.asString }
    var deprecation: ModelEntry.Deprecation? { ModelEntry.Deprecation(source.member("deprecated")) }
    var isDeprecated: Bool { deprecation != nil }
    var locked: Bool { source.member("version_lock")?.member("locked")?.asBool ?? false }
    var priority: Int? { source.member("priority")?.asInt }

    var performance: [String: Double] {
        var performance: [String: Double] = [:]
        for (benchmark, score) in source.member("performance")?.asObject?.pairs ?? [] {
            if let number = score.asDouble { performance[benchmark] = number }
        }
        return performance
    }
}
