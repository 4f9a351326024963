/// Objects: counts, `required`, `dependentRequired`, members, `dependentSchemas`.
extension SchemaEvaluator {
    mutating func checkObject(
        _ rules: RuleBox<SchemaNode.ObjectRules>, _ node: SchemaNode, _ object: JSONObject, _ value: JSONValue
    ) -> Bool {
        var valid = true
        if let limit = rules.value.minProperties, object.count < limit {
            guard collecting else { return false }
            valid = false
            report(node.path("minProperties"), "minProperties",
                   "object has \(ViolationText.count(object.count, "property", "properties")), fewer than the minimum \(limit)")
        }
        if let limit = rules.value.maxProperties, object.count > limit {
            guard collecting else { return false }
            valid = false
            report(node.path("maxProperties"), "maxProperties",
                   "object has \(ViolationText.count(object.count, "property", "properties")), more than the maximum \(limit)")
        }
        let requiredByBits = rules.value.visitsMembers && rules.value.requiredPositions != nil
        let requiredInsertion = violations.count
        if !requiredByBits {
            for name in rules.value.required where object.position(of: name) == nil {
                guard collecting else { return false }
                valid = false
                report(node.path("required"), "required", "missing required property `\(name)`")
            }
        }
        for dependency in rules.value.dependentRequired where object.position(of: dependency.property) != nil {
            for name in dependency.target where object.position(of: name) == nil {
                guard collecting else { return false }
                valid = false
                report(node.path("dependentRequired"), "dependentRequired",
                       "missing property `\(name)`, required when `\(dependency.property)` is present")
            }
        }
        if rules.value.visitsMembers {
            let keys = object.keys
            let values = object.values
            var seen: UInt64 = 0
            for position in keys.indices where !checkMember(rules, node, keys[position], values[position], seen: &seen) {
                guard collecting else { return false }
                valid = false
            }
            if requiredByBits, let positions = rules.value.requiredPositions {
                var missing: [SchemaViolation] = []
                for (index, position) in positions.enumerated() where seen & (1 << UInt64(position)) == 0 {
                    guard collecting else { return false }
                    valid = false
                    missing.append(violation(
                        node.path("required"), "required", "missing required property `\(rules.value.required[index])`"))
                }
                // Keep the order of `validate`: the object's own keywords before its members'.
                if !missing.isEmpty { violations.insert(contentsOf: missing, at: requiredInsertion) }
            }
        }
        for dependency in rules.value.dependentSchemas where object.position(of: dependency.property) != nil {
            if !evaluate(dependency.target, value) {
                guard collecting else { return false }
                valid = false
            }
        }
        return valid
    }

    /// `properties`, `patternProperties`, `additionalProperties` and `propertyNames` for one member.
    mutating func checkMember(
        _ rules: RuleBox<SchemaNode.ObjectRules>, _ node: SchemaNode, _ key: String, _ member: JSONValue,
        seen: inout UInt64
    ) -> Bool {
        var valid = true
        var matched = false
        let properties = rules.value.properties
        if !properties.isEmpty, let position = properties.position(of: key) {
            if position < 64 { seen |= 1 << UInt64(position) }
            let target = properties.nodes[position]
            matched = true
            if !checkNamedMember(target, key, member, keyword: "properties") {
                guard collecting else { return false }
                valid = false
            }
        }
        for entry in rules.value.patternProperties {
            switch entry.pattern.search(key) {
            case .match:
                matched = true
                if !checkNamedMember(entry.node, key, member, keyword: "patternProperties") {
                    guard collecting else { return false }
                    valid = false
                }
            case .noMatch:
                break
            case .limitExceeded:
                guard collecting else { return false }
                valid = false
                report(node.path("patternProperties"), "patternProperties",
                       "property name `\(key)` could not be checked against pattern \(entry.pattern.source): the match took too many steps",
                       atKey: true, extra: .key(key))
            }
        }
        if !matched, let additional = rules.value.additionalProperties {
            if case .alwaysInvalid = nodes.kind(additional) {
                guard collecting else { return false }
                valid = false
                var message = "unknown property `\(key)`"
                if let guess = ViolationText.suggestion(for: key, among: rules.value.properties.names) {
                    message += " (did you mean `\(guess)`?)"
                }
                report(nodes.pointer(additional), "additionalProperties", message, atKey: true, extra: .key(key))
            } else if !evaluate(additional, member, key: key) {
                guard collecting else { return false }
                valid = false
            }
        }
        if let names = rules.value.propertyNames, !checkPropertyName(names, key) {
            guard collecting else { return false }
            valid = false
        }
        return valid
    }

    /// A member matched by `properties` or `patternProperties`; a `false` subschema there
    /// means the property is forbidden, which is reported at the key.
    mutating func checkNamedMember(_ target: Int, _ key: String, _ member: JSONValue, keyword: String) -> Bool {
        if case .alwaysInvalid = nodes.kind(target) {
            if collecting {
                report(nodes.pointer(target), keyword, "property `\(key)` is not allowed", atKey: true, extra: .key(key))
            }
            return false
        }
        return evaluate(target, member, key: key)
    }

    mutating func checkPropertyName(_ names: Int, _ key: String) -> Bool {
        guard collecting else { return evaluate(names, .string(key)) }
        let start = violations.count
        path.append(.key(key))
        let valid = evaluate(names, .string(key))
        path.removeLast()
        for position in start ..< violations.count {
            violations[position].atKey = true
            violations[position].instancePath = path + [.key(key)]
            violations[position].message = "invalid property name: " + violations[position].message
        }
        return valid
    }
}
