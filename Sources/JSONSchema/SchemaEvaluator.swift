/// Applies compiled nodes to an instance.
///
/// Two modes share this code: *collecting* (every violation, with instance paths and messages,
/// for `validate`) and *fast* (stop at the first failure and build nothing, for `isValid` and
/// for trying `anyOf`/`oneOf`/`not`/`if`/`contains` branches). In collecting mode, a node whose
/// `type` fails reports only that, not its other keywords.
struct SchemaEvaluator {
    /// Nested schema applications allowed before giving up on an instance.
    static let maximumDepth = 1000

    private let nodes: [SchemaNode]
    private let collecting: Bool
    private var path: [JSONPathComponent] = []
    private(set) var violations: [SchemaViolation] = []
    private var depth = 0

    init(nodes: [SchemaNode], collecting: Bool) {
        self.nodes = nodes
        self.collecting = collecting
    }

    // MARK: Nodes

    /// Whether `value` satisfies node `index`; in collecting mode, records why not.
    mutating func evaluate(_ index: Int, _ value: JSONValue) -> Bool {
        let node = nodes[index]
        switch node.kind {
        case .alwaysValid:
            return true
        case .alwaysInvalid:
            if collecting { report(node.pointer, "false", "no value is allowed here (the schema is `false`)") }
            return false
        case .rules:
            break
        }
        depth += 1
        defer { depth -= 1 }
        if depth > Self.maximumDepth {
            if collecting { report(node.pointer, "$ref", "schema evaluation nested deeper than \(Self.maximumDepth) levels") }
            return false
        }

        if !node.types.accepts(value) {
            if collecting {
                report(node.path("type"), "type",
                       "expected \(ViolationText.alternatives(node.typeNames)), found \(ViolationText.found(value))",
                       expectedTypes: node.typeNames)
            }
            return false
        }
        var valid = true
        if let constant = node.constValue, constant != value {
            guard collecting else { return false }
            valid = false
            report(node.path("const"), "const", "expected \(ViolationText.quoted(constant)), found \(ViolationText.quoted(value))")
        }
        if let rule = node.enumRule, !rule.contains(value) {
            guard collecting else { return false }
            valid = false
            report(node.path("enum"), "enum", "\(ViolationText.quoted(value)) is not one of: \(ViolationText.list(rule.values))")
        }

        switch value {
        case .integer, .number:
            if let rules = node.number, !checkNumber(rules, node, value) {
                guard collecting else { return false }
                valid = false
            }
        case .string(let string):
            if let rules = node.string, !checkString(rules, node, string) {
                guard collecting else { return false }
                valid = false
            }
        case .array(let array):
            if let rules = node.array, !checkArray(rules, node, array) {
                guard collecting else { return false }
                valid = false
            }
        case .object(let object):
            if let rules = node.object, !checkObject(rules, node, object, value) {
                guard collecting else { return false }
                valid = false
            }
        case .null, .bool:
            break
        }

        if let applicators = node.applicators, !checkApplicators(applicators, node, value) {
            guard collecting else { return false }
            valid = false
        }
        return valid
    }

    // MARK: Numbers

    private mutating func checkNumber(_ rules: RuleBox<SchemaNode.NumberRules>, _ node: SchemaNode, _ value: JSONValue) -> Bool {
        guard let number = SchemaNumber(value) else { return true }
        var valid = true
        func fail(_ keyword: String, _ message: String) {
            valid = false
            if collecting { report(node.path(keyword), keyword, message) }
        }
        if let limit = rules.value.minimum, number.compare(to: limit) < 0 {
            fail("minimum", "\(number) is less than the minimum \(limit)")
            if !collecting { return false }
        }
        if let limit = rules.value.exclusiveMinimum, number.compare(to: limit) <= 0 {
            fail("exclusiveMinimum", "\(number) is not greater than the exclusive minimum \(limit)")
            if !collecting { return false }
        }
        if let limit = rules.value.maximum, number.compare(to: limit) > 0 {
            fail("maximum", "\(number) is greater than the maximum \(limit)")
            if !collecting { return false }
        }
        if let limit = rules.value.exclusiveMaximum, number.compare(to: limit) >= 0 {
            fail("exclusiveMaximum", "\(number) is not less than the exclusive maximum \(limit)")
            if !collecting { return false }
        }
        if let step = rules.value.multipleOf, !number.isMultiple(of: step) {
            fail("multipleOf", "\(number) is not a multiple of \(step)")
        }
        return valid
    }

    // MARK: Strings

    private mutating func checkString(_ rules: RuleBox<SchemaNode.StringRules>, _ node: SchemaNode, _ string: String) -> Bool {
        var valid = true
        if rules.value.minLength != nil || rules.value.maxLength != nil {
            let bytes = string.utf8.count
            // Code points are at most as many as UTF-8 bytes and at least a quarter of them.
            if let limit = rules.value.minLength, (bytes + 3) / 4 < limit {
                let length = string.unicodeScalars.count
                if length < limit {
                    guard collecting else { return false }
                    valid = false
                    report(node.path("minLength"), "minLength",
                           "\(ViolationText.quoted(.string(string))) has \(ViolationText.count(length, "character", "characters")), fewer than the minimum length \(limit)")
                }
            }
            if let limit = rules.value.maxLength, bytes > limit {
                let length = string.unicodeScalars.count
                if length > limit {
                    guard collecting else { return false }
                    valid = false
                    report(node.path("maxLength"), "maxLength",
                           "\(ViolationText.quoted(.string(string))) has \(ViolationText.count(length, "character", "characters")), more than the maximum length \(limit)")
                }
            }
        }
        if let pattern = rules.value.pattern {
            switch pattern.search(string) {
            case .match:
                break
            case .noMatch:
                guard collecting else { return false }
                valid = false
                report(node.path("pattern"), "pattern",
                       "\(ViolationText.quoted(.string(string))) does not match pattern \(pattern.source)")
            case .limitExceeded:
                guard collecting else { return false }
                valid = false
                report(node.path("pattern"), "pattern",
                       "\(ViolationText.quoted(.string(string))) could not be checked against pattern \(pattern.source): the match took too many steps")
            }
        }
        return valid
    }

    // MARK: Arrays

    private mutating func checkArray(_ rules: RuleBox<SchemaNode.ArrayRules>, _ node: SchemaNode, _ array: [JSONValue]) -> Bool {
        var valid = true
        if let limit = rules.value.minItems, array.count < limit {
            guard collecting else { return false }
            valid = false
            report(node.path("minItems"), "minItems",
                   "array has \(ViolationText.count(array.count, "item", "items")), fewer than the minimum \(limit)")
        }
        if let limit = rules.value.maxItems, array.count > limit {
            guard collecting else { return false }
            valid = false
            report(node.path("maxItems"), "maxItems",
                   "array has \(ViolationText.count(array.count, "item", "items")), more than the maximum \(limit)")
        }
        if rules.value.uniqueItems, let (first, second) = Self.duplicate(in: array) {
            guard collecting else { return false }
            valid = false
            report(node.path("uniqueItems"), "uniqueItems",
                   "array items [\(first)] and [\(second)] are equal (\(ViolationText.quoted(array[first]))); items must be unique")
        }
        let prefixCount = rules.value.prefixItems.count
        for (position, item) in array.enumerated() {
            let itemNode: Int
            if position < prefixCount {
                itemNode = rules.value.prefixItems[position]
            } else if let items = rules.value.items {
                if case .alwaysInvalid = nodes[items].kind {
                    guard collecting else { return false }
                    valid = false
                    report(nodes[items].pointer, "items",
                           "array has \(ViolationText.count(array.count, "item", "items")), but only \(prefixCount) \(prefixCount == 1 ? "is" : "are") allowed",
                           extra: .index(position))
                    break
                }
                itemNode = items
            } else {
                break
            }
            if !evaluate(itemNode, item, index: position) {
                guard collecting else { return false }
                valid = false
            }
        }
        if let contains = rules.value.contains {
            var matches = 0
            for item in array where passes(contains, item) {
                matches += 1
                if !collecting, matches >= rules.value.minContains, rules.value.maxContains == nil { break }
            }
            if matches < rules.value.minContains {
                guard collecting else { return false }
                valid = false
                if matches == 0 {
                    report(node.path("contains"), "contains", "array has no item matching the `contains` schema")
                } else {
                    report(node.path("minContains"), "minContains",
                           "array has \(ViolationText.count(matches, "item", "items")) matching `contains`, fewer than minContains \(rules.value.minContains)")
                }
            }
            if let limit = rules.value.maxContains, matches > limit {
                guard collecting else { return false }
                valid = false
                report(node.path("maxContains"), "maxContains",
                       "array has \(ViolationText.count(matches, "item", "items")) matching `contains`, more than maxContains \(limit)")
            }
        }
        return valid
    }

    /// The first pair of equal items, by JSON Schema equality.
    private static func duplicate(in array: [JSONValue]) -> (Int, Int)? {
        if array.count <= 16, array.allSatisfy({ if case .string = $0 { true } else { false } }) {
            return withUnsafeTemporaryAllocation(of: StringProbe.self, capacity: 16) { probes in
                func string(_ index: Int) -> String {
                    if case .string(let string) = array[index] { return string }
                    return ""
                }
                for second in array.indices {
                    let text = string(second)
                    let probe = StringProbe(text)
                    for first in 0 ..< second where StringProbe.same(probes[first], string(first), probe, text) {
                        return (first, second)
                    }
                    probes.initializeElement(at: second, to: probe)
                }
                return nil
            }
        }
        if array.count <= 16 {
            for second in array.indices {
                for first in 0 ..< second where array[first] == array[second] { return (first, second) }
            }
            return nil
        }
        var seen: [JSONValue: Int] = [:]
        for (position, item) in array.enumerated() {
            if let first = seen[item] { return (first, position) }
            seen[item] = position
        }
        return nil
    }

    // MARK: Objects

    private mutating func checkObject(
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
    private mutating func checkMember(
        _ rules: RuleBox<SchemaNode.ObjectRules>, _ node: SchemaNode, _ key: String, _ member: JSONValue,
        seen: inout UInt64
    ) -> Bool {
        var valid = true
        var matched = false
        let properties = rules.value.properties
        if !properties.isEmpty, let position = properties.position(of: key, probe: StringProbe(key)) {
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
            if case .alwaysInvalid = nodes[additional].kind {
                guard collecting else { return false }
                valid = false
                var message = "unknown property `\(key)`"
                if let guess = ViolationText.suggestion(for: key, among: rules.value.properties.names) {
                    message += " (did you mean `\(guess)`?)"
                }
                report(nodes[additional].pointer, "additionalProperties", message, atKey: true, extra: .key(key))
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
    private mutating func checkNamedMember(_ target: Int, _ key: String, _ member: JSONValue, keyword: String) -> Bool {
        if case .alwaysInvalid = nodes[target].kind {
            if collecting {
                report(nodes[target].pointer, keyword, "property `\(key)` is not allowed", atKey: true, extra: .key(key))
            }
            return false
        }
        return evaluate(target, member, key: key)
    }

    private mutating func checkPropertyName(_ names: Int, _ key: String) -> Bool {
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

    // MARK: Applicators

    private mutating func checkApplicators(_ rules: RuleBox<SchemaNode.Applicators>, _ node: SchemaNode, _ value: JSONValue) -> Bool {
        var valid = true
        if let ref = rules.value.ref, !evaluate(ref, value) {
            guard collecting else { return false }
            valid = false
        }
        for branch in rules.value.allOf where !evaluate(branch, value) {
            guard collecting else { return false }
            valid = false
        }
        if !rules.value.anyOf.isEmpty, !rules.value.anyOf.contains(where: { passes($0, value) }) {
            guard collecting else { return false }
            valid = false
            reportBranches(rules.value.anyOf, node, keyword: "anyOf", value)
        }
        if !rules.value.oneOf.isEmpty {
            var matching: [Int] = []
            for (position, branch) in rules.value.oneOf.enumerated() where passes(branch, value) {
                matching.append(position)
                if matching.count > 1 && !collecting { return false }
            }
            if matching.count != 1 {
                guard collecting else { return false }
                valid = false
                if matching.isEmpty {
                    reportBranches(rules.value.oneOf, node, keyword: "oneOf", value)
                } else {
                    let numbers = matching.map { "#\($0)" }
                    let list = numbers.dropLast().joined(separator: ", ") + " and " + numbers[numbers.count - 1]
                    report(node.path("oneOf"), "oneOf",
                           "value matches \(matching.count) schemas of oneOf (\(list)); it must match exactly one")
                }
            }
        }
        if let not = rules.value.not, passes(not, value) {
            guard collecting else { return false }
            valid = false
            report(node.path("not"), "not", "\(ViolationText.quoted(value)) must not match the schema in `not`")
        }
        if let condition = rules.value.if {
            let branch = passes(condition, value) ? rules.value.then : rules.value.else
            if let branch, !evaluate(branch, value) {
                guard collecting else { return false }
                valid = false
            }
        }
        return valid
    }

    /// Collects each failed branch's violations and reports them as `BranchReport` summarises.
    private mutating func reportBranches(_ branches: [Int], _ node: SchemaNode, keyword: String, _ value: JSONValue) {
        var results: [[SchemaViolation]] = []
        for branch in branches {
            let start = violations.count
            _ = evaluate(branch, value)
            results.append(Array(violations[start...]))
            violations.removeSubrange(start...)
        }
        violations += BranchReport.summarize(
            results, keyword: keyword, schemaPath: node.path(keyword), instancePath: path, value: value)
    }

    // MARK: Helpers

    /// Fast check of a subschema, whatever the mode: nothing is recorded.
    private mutating func passes(_ index: Int, _ value: JSONValue) -> Bool {
        guard collecting else { return evaluate(index, value) }
        var fast = SchemaEvaluator(nodes: nodes, collecting: false)
        fast.depth = depth
        return fast.evaluate(index, value)
    }

    private mutating func evaluate(_ index: Int, _ value: JSONValue, key: String) -> Bool {
        guard collecting else { return evaluate(index, value) }
        path.append(.key(key))
        defer { path.removeLast() }
        return evaluate(index, value)
    }

    private mutating func evaluate(_ index: Int, _ value: JSONValue, index position: Int) -> Bool {
        guard collecting else { return evaluate(index, value) }
        path.append(.index(position))
        defer { path.removeLast() }
        return evaluate(index, value)
    }

    private mutating func report(
        _ schemaPath: String, _ keyword: String, _ message: String, atKey: Bool = false,
        expectedTypes: [String] = [], extra: JSONPathComponent? = nil
    ) {
        violations.append(violation(
            schemaPath, keyword, message, atKey: atKey, expectedTypes: expectedTypes, extra: extra))
    }

    private func violation(
        _ schemaPath: String, _ keyword: String, _ message: String, atKey: Bool = false,
        expectedTypes: [String] = [], extra: JSONPathComponent? = nil
    ) -> SchemaViolation {
        var instancePath = path
        if let extra { instancePath.append(extra) }
        return SchemaViolation(
            instancePath: instancePath, keyword: keyword, schemaPath: schemaPath, message: message,
            atKey: atKey, expectedTypes: expectedTypes)
    }
}
