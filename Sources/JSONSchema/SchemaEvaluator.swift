/// Applies compiled nodes to an instance.
///
/// Two modes share this code: *collecting* (every violation, with instance paths and messages,
/// for `validate`) and *fast* (stop at the first failure and build nothing, for `isValid` and
/// for trying `anyOf`/`oneOf`/`not`/`if`/`contains` branches). In collecting mode, a node whose
/// `type` fails reports only that, not its other keywords.
///
/// The keywords of each instance type live in extensions: `+Values` (numbers, strings, arrays),
/// `+Objects` and `+Applicators`.
struct SchemaEvaluator {
    /// Nested schema applications allowed before giving up on an instance.
    static let maximumDepth = 1000

    let nodes: SchemaNodes
    let collecting: Bool
    var path: [JSONPathComponent] = []
    var violations: [SchemaViolation] = []
    var depth = 0

    init(nodes: SchemaNodes, collecting: Bool) {
        self.nodes = nodes
        self.collecting = collecting
        if collecting { path.reserveCapacity(16) }
    }

    // MARK: Nodes

    /// Whether `value` satisfies node `index`; in collecting mode, records why not.
    mutating func evaluate(_ index: Int, _ value: JSONValue) -> Bool {
        nodes.reference(index)._withUnsafeGuaranteedRef { node in evaluate(node, value) }
    }

    private mutating func evaluate(_ node: SchemaNode, _ value: JSONValue) -> Bool {
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

    // MARK: Helpers

    /// Fast check of a subschema, whatever the mode: nothing is recorded.
    mutating func passes(_ index: Int, _ value: JSONValue) -> Bool {
        guard collecting else { return evaluate(index, value) }
        var fast = SchemaEvaluator(nodes: nodes, collecting: false)
        fast.depth = depth
        return fast.evaluate(index, value)
    }

    mutating func evaluate(_ index: Int, _ value: JSONValue, key: String) -> Bool {
        guard collecting else { return evaluate(index, value) }
        path.append(.key(key))
        defer { path.removeLast() }
        return evaluate(index, value)
    }

    mutating func evaluate(_ index: Int, _ value: JSONValue, index position: Int) -> Bool {
        guard collecting else { return evaluate(index, value) }
        path.append(.index(position))
        defer { path.removeLast() }
        return evaluate(index, value)
    }

    mutating func report(
        _ schemaPath: String, _ keyword: String, _ message: String, atKey: Bool = false,
        expectedTypes: [String] = [], extra: JSONPathComponent? = nil
    ) {
        violations.append(violation(
            schemaPath, keyword, message, atKey: atKey, expectedTypes: expectedTypes, extra: extra))
    }

    func violation(
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
