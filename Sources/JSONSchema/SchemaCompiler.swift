/// Turns a schema document into `SchemaNode`s: checks every keyword's value, compiles patterns,
/// resolves each `$ref` to a node index, and rejects `$ref` cycles that would never consume
/// the instance.
struct SchemaCompiler {
    private let root: JSONValue
    private var index = SchemaDocumentIndex()
    private var nodes: [SchemaNode] = []

    /// Compiles `root`; the root schema is node 0.
    static func compile(_ root: JSONValue) throws(SchemaError) -> [SchemaNode] {
        var compiler = SchemaCompiler(root: root)
        try compiler.index.registerRoot(root)
        // Locations may be added while compiling (a `$ref` into an unknown keyword), so loop
        // until every registered location has a node.
        while compiler.nodes.count < compiler.index.locations.count {
            let location = compiler.index.locations[compiler.nodes.count]
            compiler.nodes.append(try compiler.compileNode(location))
        }
        try SchemaCycleCheck.run(compiler.nodes)
        return compiler.nodes
    }

    private init(root: JSONValue) {
        self.root = root
    }

    // MARK: Nodes

    private mutating func compileNode(_ location: SchemaDocumentIndex.Location) throws(SchemaError) -> SchemaNode {
        let pointer = location.pointer
        guard case .object(let object) = location.value else {
            if case .bool(true) = location.value { return SchemaNode(pointer: pointer, kind: .alwaysValid) }
            return SchemaNode(pointer: pointer, kind: .alwaysInvalid)
        }
        let reader = KeywordReader(object: object, pointer: pointer)

        var types = JSONTypeSet.all
        var typeNames: [String] = []
        if let type = object["type"] {
            (types, typeNames) = try reader.types(type)
        }
        var enumValues: [JSONValue]?
        if let values = object["enum"] {
            guard case .array(let array) = values else { throw reader.error("enum", "`enum` must be an array") }
            enumValues = array
        }

        var number = SchemaNode.NumberRules()
        number.minimum = try reader.number("minimum")
        number.maximum = try reader.number("maximum")
        number.exclusiveMinimum = try reader.number("exclusiveMinimum")
        number.exclusiveMaximum = try reader.number("exclusiveMaximum")
        number.multipleOf = try reader.number("multipleOf")
        if let step = number.multipleOf, !step.isPositive {
            throw reader.error("multipleOf", "`multipleOf` must be greater than 0")
        }

        var string = SchemaNode.StringRules()
        string.minLength = try reader.count("minLength")
        string.maxLength = try reader.count("maxLength")
        if let pattern = object["pattern"] {
            string.pattern = try reader.pattern(pattern, at: JSONPointer.appending(pointer, "pattern"))
        }

        var array = SchemaNode.ArrayRules()
        array.minItems = try reader.count("minItems")
        array.maxItems = try reader.count("maxItems")
        array.uniqueItems = try reader.bool("uniqueItems") ?? false
        if case .array(let elements) = object["prefixItems"] {
            array.prefixItems = try elements.indices.map { (position) throws(SchemaError) in
                try child(pointer, "prefixItems", position)
            }
        }
        if object["items"] != nil { array.items = try child(pointer, "items") }
        if object["contains"] != nil {
            array.contains = try child(pointer, "contains")
            array.minContains = try reader.count("minContains") ?? 1
            array.maxContains = try reader.count("maxContains")
        } else {
            // Without `contains`, minContains and maxContains do nothing, but must still be valid.
            _ = try reader.count("minContains")
            _ = try reader.count("maxContains")
        }

        var objectRules = SchemaNode.ObjectRules()
        objectRules.minProperties = try reader.count("minProperties")
        objectRules.maxProperties = try reader.count("maxProperties")
        if let required = object["required"] {
            objectRules.required = try reader.uniqueStrings(required, keyword: "required", at: JSONPointer.appending(pointer, "required"))
        }
        if let dependent = object["dependentRequired"] {
            guard case .object(let members) = dependent else {
                throw reader.error("dependentRequired", "`dependentRequired` must be an object of string arrays")
            }
            let base = JSONPointer.appending(pointer, "dependentRequired")
            for (name, names) in zip(members.keys, members.values) {
                let list = try reader.uniqueStrings(names, keyword: "dependentRequired", at: JSONPointer.appending(base, name))
                objectRules.dependentRequired.append(.init(property: name, target: list))
            }
        }
        if case .object(let members) = object["properties"] {
            var entries: [(String, Int)] = []
            for name in members.keys { entries.append((name, try child(pointer, "properties", name))) }
            objectRules.properties = PropertyTable(entries)
        }
        if case .object(let members) = object["patternProperties"] {
            let base = JSONPointer.appending(pointer, "patternProperties")
            for name in members.keys {
                let compiled = try reader.pattern(.string(name), at: JSONPointer.appending(base, name))
                objectRules.patternProperties.append(.init(pattern: compiled, node: try child(pointer, "patternProperties", name)))
            }
        }
        if !objectRules.required.isEmpty, objectRules.properties.count <= 64 {
            let positions = objectRules.required.compactMap { objectRules.properties.position(of: $0) }
            if positions.count == objectRules.required.count { objectRules.requiredPositions = positions }
        }
        if object["additionalProperties"] != nil { objectRules.additionalProperties = try child(pointer, "additionalProperties") }
        if object["propertyNames"] != nil { objectRules.propertyNames = try child(pointer, "propertyNames") }
        if case .object(let members) = object["dependentSchemas"] {
            for name in members.keys {
                objectRules.dependentSchemas.append(.init(property: name, target: try child(pointer, "dependentSchemas", name)))
            }
        }

        var applicators = SchemaNode.Applicators()
        if let ref = object["$ref"] {
            guard case .string(let text) = ref else { throw reader.error("$ref", "`$ref` must be a string") }
            applicators.ref = try resolve(text, base: location.base, at: JSONPointer.appending(pointer, "$ref"))
        }
        for keyword in ["allOf", "anyOf", "oneOf"] {
            guard case .array(let elements) = object[keyword] else { continue }
            let children = try elements.indices.map { (position) throws(SchemaError) in try child(pointer, keyword, position) }
            switch keyword {
            case "allOf": applicators.allOf = children
            case "anyOf": applicators.anyOf = children
            default: applicators.oneOf = children
            }
        }
        if object["not"] != nil { applicators.not = try child(pointer, "not") }
        if object["if"] != nil, object["then"] != nil || object["else"] != nil {
            applicators.if = try child(pointer, "if")
            if object["then"] != nil { applicators.then = try child(pointer, "then") }
            if object["else"] != nil { applicators.else = try child(pointer, "else") }
        }

        let hasNumber = number.minimum != nil || number.maximum != nil || number.exclusiveMinimum != nil
            || number.exclusiveMaximum != nil || number.multipleOf != nil
        let hasString = string.minLength != nil || string.maxLength != nil || string.pattern != nil
        let hasArray = array.minItems != nil || array.maxItems != nil || array.uniqueItems
            || !array.prefixItems.isEmpty || array.items != nil || array.contains != nil
        let hasObject = objectRules.minProperties != nil || objectRules.maxProperties != nil
            || !objectRules.required.isEmpty || !objectRules.dependentRequired.isEmpty
            || objectRules.visitsMembers || !objectRules.dependentSchemas.isEmpty
        let hasApplicators = applicators.ref != nil || !applicators.allOf.isEmpty || !applicators.anyOf.isEmpty
            || !applicators.oneOf.isEmpty || applicators.not != nil || applicators.if != nil
        let constValue = object["const"]
        let asserts = types.rawValue != JSONTypeSet.all.rawValue || enumValues != nil || constValue != nil
            || hasNumber || hasString || hasArray || hasObject || hasApplicators

        return SchemaNode(
            pointer: pointer, kind: asserts ? .rules : .alwaysValid, types: types, typeNames: typeNames,
            constValue: constValue, enumValues: enumValues, number: hasNumber ? number : nil,
            string: hasString ? string : nil, array: hasArray ? array : nil, object: hasObject ? objectRules : nil,
            applicators: hasApplicators ? applicators : nil)
    }

    /// The node index of the subschema at `pointer` + the given tokens (registered already).
    private func child(_ pointer: String, _ keyword: String, _ name: String? = nil) throws(SchemaError) -> Int {
        var childPointer = JSONPointer.appending(pointer, keyword)
        if let name { childPointer = JSONPointer.appending(childPointer, name) }
        guard let position = index.index(of: childPointer) else {
            throw SchemaError(message: "internal error: subschema not registered", pointer: childPointer)
        }
        return position
    }

    private func child(_ pointer: String, _ keyword: String, _ position: Int) throws(SchemaError) -> Int {
        try child(pointer, keyword, String(position))
    }

    // MARK: $ref

    /// Resolves a `$ref` against `base` to a node index, registering the target if it is not a
    /// known subschema location (a pointer into an unknown keyword, say).
    private mutating func resolve(_ reference: String, base: URIReference, at pointer: String) throws(SchemaError) -> Int {
        let uri = URIReference(reference).resolved(against: base)
        guard let resourcePointer = index.resource(uri) else {
            throw SchemaError(
                .unsupported,
                message: "`$ref` \(reference) points outside this schema document; remote references are not supported",
                pointer: pointer)
        }
        let fragment = URIReference.percentDecoded(uri.fragment ?? "")
        var targetPointer: String
        if fragment.isEmpty {
            targetPointer = resourcePointer
        } else if fragment.hasPrefix("/") {
            guard let tokens = JSONPointer.tokens(fragment) else {
                throw SchemaError(message: "`$ref` \(reference) has an invalid JSON Pointer", pointer: pointer)
            }
            targetPointer = resourcePointer
            for token in tokens { targetPointer = JSONPointer.appending(targetPointer, token) }
        } else {
            guard let anchorPointer = index.anchor(fragment, in: uri) else {
                throw SchemaError(message: "`$ref` \(reference): no `$anchor` named \(fragment) in \(uri.withoutFragment)", pointer: pointer)
            }
            targetPointer = anchorPointer
        }
        if let position = index.index(of: targetPointer) { return position }
        guard let tokens = JSONPointer.tokens(targetPointer), let target = JSONPointer.resolve(tokens, in: root) else {
            throw SchemaError(message: "`$ref` \(reference) points to nothing in this schema", pointer: pointer)
        }
        let resourceBase = uri.withoutFragment
        try index.register(target, pointer: targetPointer, base: resourceBase)
        guard let position = index.index(of: targetPointer) else {
            throw SchemaError(message: "`$ref` \(reference) points to nothing in this schema", pointer: pointer)
        }
        return position
    }
}
