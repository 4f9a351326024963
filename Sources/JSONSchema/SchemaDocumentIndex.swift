/// Every subschema location of one schema document, each with its base URI, plus the
/// document's resources (`$id`) and anchors (`$anchor`) — what `$ref` resolution needs.
///
/// Registration also rejects what this validator does not support, wherever a subschema is.
struct SchemaDocumentIndex {
    struct Location {
        var value: JSONValue
        var pointer: String
        var base: URIReference
    }

    /// The base URI of a document without `$id`. Relative references resolve against it like
    /// against any other base; it never names a real resource.
    static let defaultBase = URIReference("https://modelreg.invalid/schema.json")

    /// Keywords of draft 2020-12 this validator refuses rather than ignore.
    static let unsupportedKeywords: [String: String] = [
        "$dynamicRef": "`$dynamicRef` is not supported",
        "$dynamicAnchor": "`$dynamicAnchor` is not supported",
        "unevaluatedProperties": "`unevaluatedProperties` is not supported",
        "unevaluatedItems": "`unevaluatedItems` is not supported",
    ]

    static let singleSchemaKeywords = [
        "additionalProperties", "propertyNames", "items", "contains", "not", "if", "then", "else", "contentSchema",
    ]
    static let schemaMapKeywords = ["properties", "patternProperties", "dependentSchemas", "$defs"]
    static let schemaArrayKeywords = ["allOf", "anyOf", "oneOf", "prefixItems"]

    private(set) var locations: [Location] = []
    private var indexByPointer: [String: Int] = [:]
    /// Absolute URI without fragment → pointer of the resource root.
    private var resources: [String: String] = [:]
    /// Absolute URI + `#` + anchor name → pointer.
    private var anchors: [String: String] = [:]

    func index(of pointer: String) -> Int? { indexByPointer[pointer] }

    func resource(_ uri: URIReference) -> String? { resources[uri.withoutFragment.description] }

    func anchor(_ name: String, in uri: URIReference) -> String? {
        anchors[uri.withoutFragment.description + "#" + name]
    }

    /// Registers the subschema `value` at `pointer` and every subschema inside it.
    mutating func register(_ value: JSONValue, pointer: String, base: URIReference) throws(SchemaError) {
        guard indexByPointer[pointer] == nil else { return }
        guard case .object(let object) = value else {
            if case .bool = value {
                indexByPointer[pointer] = locations.count
                locations.append(Location(value: value, pointer: pointer, base: base))
                return
            }
            throw SchemaError(message: "a schema must be an object or a boolean, found \(JSONType(of: value).rawValue)", pointer: pointer)
        }
        for key in object.keys {
            if let message = Self.unsupportedKeywords[key] {
                throw SchemaError(.unsupported, message: message, pointer: JSONPointer.appending(pointer, key))
            }
        }
        var base = base
        if let id = object["$id"] {
            base = try registerResource(id, pointer: pointer, parent: base)
        }
        if let anchor = object["$anchor"] {
            try registerAnchor(anchor, pointer: pointer, base: base)
        }
        indexByPointer[pointer] = locations.count
        locations.append(Location(value: value, pointer: pointer, base: base))

        for keyword in Self.singleSchemaKeywords {
            guard let child = object[keyword] else { continue }
            if keyword == "items", case .array = child {
                throw SchemaError(
                    message: "`items` must be a single schema in draft 2020-12; use `prefixItems` for tuples",
                    pointer: JSONPointer.appending(pointer, keyword))
            }
            try register(child, pointer: JSONPointer.appending(pointer, keyword), base: base)
        }
        for keyword in Self.schemaMapKeywords {
            guard let child = object[keyword] else { continue }
            let keywordPointer = JSONPointer.appending(pointer, keyword)
            guard case .object(let members) = child else {
                throw SchemaError(message: "`\(keyword)` must be an object of schemas", pointer: keywordPointer)
            }
            for (name, member) in zip(members.keys, members.values) {
                try register(member, pointer: JSONPointer.appending(keywordPointer, name), base: base)
            }
        }
        for keyword in Self.schemaArrayKeywords {
            guard let child = object[keyword] else { continue }
            let keywordPointer = JSONPointer.appending(pointer, keyword)
            guard case .array(let elements) = child, !elements.isEmpty else {
                throw SchemaError(message: "`\(keyword)` must be a non-empty array of schemas", pointer: keywordPointer)
            }
            for (position, element) in elements.enumerated() {
                try register(element, pointer: JSONPointer.appending(keywordPointer, position), base: base)
            }
        }
    }

    private mutating func registerResource(
        _ id: JSONValue, pointer: String, parent: URIReference
    ) throws(SchemaError) -> URIReference {
        let idPointer = JSONPointer.appending(pointer, "$id")
        guard case .string(let text) = id else {
            throw SchemaError(message: "`$id` must be a string", pointer: idPointer)
        }
        let reference = URIReference(text)
        if let fragment = reference.fragment, !fragment.isEmpty {
            throw SchemaError(message: "`$id` must not contain a fragment; use `$anchor` to name a location", pointer: idPointer)
        }
        let uri = reference.resolved(against: parent).withoutFragment
        let key = uri.description
        if let existing = resources[key], existing != pointer {
            throw SchemaError(message: "`$id` \(key) is already used at \(existing.isEmpty ? "the root" : existing)", pointer: idPointer)
        }
        resources[key] = pointer
        return uri
    }

    private mutating func registerAnchor(_ anchor: JSONValue, pointer: String, base: URIReference) throws(SchemaError) {
        let anchorPointer = JSONPointer.appending(pointer, "$anchor")
        guard case .string(let name) = anchor, Self.isAnchorName(name) else {
            throw SchemaError(message: "`$anchor` must be a name matching ^[A-Za-z_][-A-Za-z0-9._]*$", pointer: anchorPointer)
        }
        let key = base.description + "#" + name
        if let existing = anchors[key], existing != pointer {
            throw SchemaError(message: "`$anchor` \(name) is already defined at \(existing.isEmpty ? "the root" : existing)", pointer: anchorPointer)
        }
        anchors[key] = pointer
    }

    /// Registers the document root: its `$id` (if any) resolved against `defaultBase`.
    mutating func registerRoot(_ root: JSONValue) throws(SchemaError) {
        resources[Self.defaultBase.description] = ""
        try register(root, pointer: "", base: Self.defaultBase)
    }

    private static func isAnchorName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first,
              ("A" ... "Z").contains(first) || ("a" ... "z").contains(first) || first == "_" else { return false }
        return name.unicodeScalars.allSatisfy {
            ("A" ... "Z").contains($0) || ("a" ... "z").contains($0) || ("0" ... "9").contains($0)
                || $0 == "-" || $0 == "." || $0 == "_"
        }
    }
}
