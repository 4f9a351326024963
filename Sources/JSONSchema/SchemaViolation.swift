/// One step of a path into a JSON instance.
public enum JSONPathComponent: Sendable, Hashable, CustomStringConvertible {
    case key(String)
    case index(Int)

    public var description: String {
        switch self {
        case .key(let key): return key
        case .index(let index): return "[\(index)]"
        }
    }
}

/// One way an instance fails its schema.
public struct SchemaViolation: Sendable, Hashable, CustomStringConvertible {
    /// Where in the instance: the value that failed (or, when `atKey` is true, the key that failed).
    public var instancePath: [JSONPathComponent]
    /// The keyword that failed: `type`, `required`, `additionalProperties`, `enum`, `pattern`, …
    public var keyword: String
    /// JSON Pointer into the schema to the failing keyword, e.g. `/properties/specs/properties/vocab_size/type`.
    public var schemaPath: String
    /// A message for people, naming the value and what was expected.
    public var message: String
    /// True when the violation concerns a property's name rather than its value
    /// (`additionalProperties: false`, `propertyNames`): tools should point at the key.
    public var atKey: Bool
    /// For `type` failures: the expected JSON types (`string`, `integer`, …); empty otherwise.
    public var expectedTypes: [String]

    public init(
        instancePath: [JSONPathComponent], keyword: String, schemaPath: String, message: String,
        atKey: Bool = false, expectedTypes: [String] = []
    ) {
        self.instancePath = instancePath
        self.keyword = keyword
        self.schemaPath = schemaPath
        self.message = message
        self.atKey = atKey
        self.expectedTypes = expectedTypes
    }

    public var description: String {
        let path = instancePath.isEmpty ? "(root)" : instancePath.map(\.description).joined(separator: ".")
        return "\(path): \(message) [\(keyword)]"
    }
}
