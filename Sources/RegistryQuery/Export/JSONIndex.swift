import JSONSchema

/// `modelreg export --format json`: one document with every entry and the maps applications
/// would otherwise compute themselves.
///
/// ```json
/// {
///   "models": [ { …entry as written… }, … ],          // sorted by id, deprecated ones included
///   "aliases": { "colbertv2": "colbert-v2", … },      // alias as written → id
///   "roles": { "retrieval": ["colbert-v2", …], … },    // role → ids in resolution order
///   "types": { "colbert": ["colbert-v2", …], … },      // type → ids
///   "huggingface": { "colbert-ir/colbertv2.0": "colbert-v2", … }
/// }
/// ```
/// Map keys are sorted, so the output changes only when the registry does.
public enum JSONIndex {
    /// The index as a JSON value.
    public static func value(of registry: Registry) -> JSONValue {
        let entries = registry.entries
        var aliases: [(String, String)] = []
        var huggingface: [(String, String)] = []
        for entry in entries {
            for alias in entry.aliases { aliases.append((alias, entry.id)) }
            if let hub = entry.huggingfaceID { huggingface.append((hub, entry.id)) }
        }
        var roles: [(String, JSONValue)] = []
        for role in registry.roles {
            roles.append((role, .array(registry.entries(withRole: role).map { .string($0.id) })))
        }
        var types: [(String, JSONValue)] = []
        for type in registry.types {
            types.append((type, .array(entries.filter { $0.type == type }.map { .string($0.id) })))
        }
        return .object(
            JSONObject([
                ("models", .array(entries.map(\.raw))),
                ("aliases", sortedObject(aliases.map { ($0.0, .string($0.1)) })),
                ("roles", sortedObject(roles)),
                ("types", sortedObject(types)),
                ("huggingface", sortedObject(huggingface.map { ($0.0, .string($0.1)) })),
            ]))
    }

    /// The index as pretty-printed JSON text, ending with a newline.
    public static func render(_ registry: Registry) -> String {
        value(of: registry).serialized(pretty: true) + "\n"
    }

    /// An object with keys in code-point order; the first value wins for a repeated key.
    private static func sortedObject(_ pairs: [(String, JSONValue)]) -> JSONValue {
        let sorted = pairs.enumerated().sorted { a, b in
            let order = FieldValue.compare(a.element.0, b.element.0)
            return order != 0 ? order < 0 : a.offset < b.offset
        }
        var object = JSONObject()
        for (_, pair) in sorted { object.appendIfAbsent(key: pair.0, value: pair.1) }
        return .object(object)
    }
}
