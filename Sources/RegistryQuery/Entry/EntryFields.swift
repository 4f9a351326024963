import JSONSchema
import ModelRegistry

/// The typed fields of an entry, read from its data when asked: what `ModelEntry(value:path:)` stores,
/// and what a filter reads from the query cache without building whole entries. The one place that
/// says how each field is read.
struct EntryFields: FilterSubject {
    let raw: JSONValue

    var id: String? { raw.member("id")?.asString }
    var name: String { raw.member("name")?.asString ?? "" }
    var type: String { raw.member("type")?.asString ?? "" }
    var license: String { raw.member("license")?.asString ?? "" }
    var description: String { raw.member("description")?.asString ?? "" }
    var huggingfaceID: String? { raw.member("huggingface_id")?.asString }
    var revision: String? { raw.member("revision")?.asString }
    var organization: String? { raw.member("organization")?.asString }
    var releaseDate: String? { raw.member("release_date")?.asString }
    var architecture: ModelEntry.Architecture { ModelEntry.Architecture(raw.member("architecture")) }
    var specs: ModelEntry.Specs { ModelEntry.Specs(raw.member("specs")) }
    var capabilities: ModelEntry.Capabilities { ModelEntry.Capabilities(raw.member("capabilities")) }
    var roles: [String] { raw.member("roles")?.strings ?? [] }
    var aliases: [String] { raw.member("aliases")?.strings ?? [] }
    var backend: ModelEntry.Backend? { raw.member("backend").flatMap(ModelEntry.Backend.init) }
    var fineTunedFrom: String? { raw.member("fine_tuned_from")?.asString }
    var deprecation: ModelEntry.Deprecation? { ModelEntry.Deprecation(raw.member("deprecated")) }
    var isDeprecated: Bool { deprecation != nil }
    var locked: Bool { raw.member("version_lock")?.member("locked")?.asBool ?? false }
    var priority: Int? { raw.member("priority")?.asInt }

    var performance: [String: Double] {
        var performance: [String: Double] = [:]
        for (benchmark, score) in raw.member("performance")?.asObject?.pairs ?? [] {
            if let number = score.asDouble { performance[benchmark] = number }
        }
        return performance
    }
}
