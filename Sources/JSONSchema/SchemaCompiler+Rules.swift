/// Reading the keyword groups of one schema object into `SchemaNode` rules.
extension SchemaCompiler {
    func numberRules(_ reader: KeywordReader) throws(SchemaError) -> SchemaNode.NumberRules {
        var number = SchemaNode.NumberRules()
        number.minimum = try reader.number("minimum")
        number.maximum = try reader.number("maximum")
        number.exclusiveMinimum = try reader.number("exclusiveMinimum")
        number.exclusiveMaximum = try reader.number("exclusiveMaximum")
        number.multipleOf = try reader.number("multipleOf")
        if let step = number.multipleOf, !step.isPositive {
            throw reader.error("multipleOf", "`multipleOf` must be greater than 0")
        }
        return number
    }

    func stringRules(_ reader: KeywordReader) throws(SchemaError) -> SchemaNode.StringRules {
        var string = SchemaNode.StringRules()
        string.minLength = try reader.count("minLength")
        string.maxLength = try reader.count("maxLength")
        if let pattern = reader.object["pattern"] {
            string.pattern = try reader.pattern(pattern, at: JSONPointer.appending(reader.pointer, "pattern"))
        }
        return string
    }

    func arrayRules(_ reader: KeywordReader) throws(SchemaError) -> SchemaNode.ArrayRules {
        let object = reader.object
        let pointer = reader.pointer
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
        return array
    }

    func objectRules(_ reader: KeywordReader) throws(SchemaError) -> SchemaNode.ObjectRules {
        let object = reader.object
        let pointer = reader.pointer
        var rules = SchemaNode.ObjectRules()
        rules.minProperties = try reader.count("minProperties")
        rules.maxProperties = try reader.count("maxProperties")
        if let required = object["required"] {
            rules.required = try reader.uniqueStrings(required, keyword: "required", at: JSONPointer.appending(pointer, "required"))
        }
        if let dependent = object["dependentRequired"] {
            guard case .object(let members) = dependent else {
                throw reader.error("dependentRequired", "`dependentRequired` must be an object of string arrays")
            }
            let base = JSONPointer.appending(pointer, "dependentRequired")
            for (name, names) in zip(members.keys, members.values) {
                let list = try reader.uniqueStrings(names, keyword: "dependentRequired", at: JSONPointer.appending(base, name))
                rules.dependentRequired.append(.init(property: name, target: list))
            }
        }
        if case .object(let members) = object["properties"] {
            var entries: [(String, Int)] = []
            for name in members.keys { entries.append((name, try child(pointer, "properties", name))) }
            rules.properties = PropertyTable(entries)
        }
        if case .object(let members) = object["patternProperties"] {
            let base = JSONPointer.appending(pointer, "patternProperties")
            for name in members.keys {
                let compiled = try reader.pattern(.string(name), at: JSONPointer.appending(base, name))
                rules.patternProperties.append(.init(pattern: compiled, node: try child(pointer, "patternProperties", name)))
            }
        }
        if !rules.required.isEmpty, rules.properties.count <= 64 {
            let positions = rules.required.compactMap { rules.properties.position(of: $0) }
            if positions.count == rules.required.count { rules.requiredPositions = positions }
        }
        if object["additionalProperties"] != nil { rules.additionalProperties = try child(pointer, "additionalProperties") }
        if object["propertyNames"] != nil { rules.propertyNames = try child(pointer, "propertyNames") }
        if case .object(let members) = object["dependentSchemas"] {
            for name in members.keys {
                rules.dependentSchemas.append(.init(property: name, target: try child(pointer, "dependentSchemas", name)))
            }
        }
        return rules
    }

    mutating func applicators(_ reader: KeywordReader, base: URIReference) throws(SchemaError) -> SchemaNode.Applicators {
        let object = reader.object
        let pointer = reader.pointer
        var applicators = SchemaNode.Applicators()
        if let ref = object["$ref"] {
            guard case .string(let text) = ref else { throw reader.error("$ref", "`$ref` must be a string") }
            applicators.ref = try resolve(text, base: base, at: JSONPointer.appending(pointer, "$ref"))
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
        // `then` and `else` without `if`, and `if` without either, change nothing.
        if object["if"] != nil, object["then"] != nil || object["else"] != nil {
            applicators.if = try child(pointer, "if")
            if object["then"] != nil { applicators.then = try child(pointer, "then") }
            if object["else"] != nil { applicators.else = try child(pointer, "else") }
        }
        return applicators
    }
}
