/// One compiled subschema. Keywords are grouped by the instance type they apply to, so the
/// evaluator looks only at the group that matters; subschemas are indices into
/// `JSONSchema.nodes`, which lets `$ref` cycles exist without reference cycles.
final class SchemaNode: Sendable {
    enum Kind: Sendable {
        /// `true`, `{}`, or an object with annotations only.
        case alwaysValid
        /// `false`.
        case alwaysInvalid
        case rules
    }

    struct NumberRules: Sendable {
        var minimum: SchemaNumber?
        var maximum: SchemaNumber?
        var exclusiveMinimum: SchemaNumber?
        var exclusiveMaximum: SchemaNumber?
        var multipleOf: SchemaNumber?

        var isEmpty: Bool {
            minimum == nil && maximum == nil && exclusiveMinimum == nil && exclusiveMaximum == nil && multipleOf == nil
        }
    }

    struct StringRules: Sendable {
        var minLength: Int?
        var maxLength: Int?
        var pattern: ECMAPattern?

        var isEmpty: Bool { minLength == nil && maxLength == nil && pattern == nil }
    }

    struct ArrayRules: Sendable {
        var minItems: Int?
        var maxItems: Int?
        var uniqueItems = false
        var prefixItems: [Int] = []
        var items: Int?
        var contains: Int?
        var minContains = 1
        var maxContains: Int?

        var isEmpty: Bool {
            minItems == nil && maxItems == nil && !uniqueItems && prefixItems.isEmpty && items == nil && contains == nil
        }
    }

    struct PatternProperty: Sendable {
        var pattern: ECMAPattern
        var node: Int
    }

    struct Dependency<Target: Sendable>: Sendable {
        var property: String
        var target: Target
    }

    struct ObjectRules: Sendable {
        var minProperties: Int?
        var maxProperties: Int?
        var required: [String] = []
        var dependentRequired: [Dependency<[String]>] = []
        var properties = PropertyTable()
        var patternProperties: [PatternProperty] = []
        var additionalProperties: Int?
        var propertyNames: Int?
        var dependentSchemas: [Dependency<Int>] = []
        /// For each `required` name, its position in `properties`, when every required name is
        /// a declared property and there are at most 64 properties: then `required` is checked
        /// with a bit set filled while visiting members, without lookups.
        var requiredPositions: [Int]?

        var isEmpty: Bool {
            minProperties == nil && maxProperties == nil && required.isEmpty && dependentRequired.isEmpty
                && !visitsMembers && dependentSchemas.isEmpty
        }

        /// Whether any keyword looks at individual members.
        var visitsMembers: Bool {
            !properties.isEmpty || !patternProperties.isEmpty || additionalProperties != nil || propertyNames != nil
        }
    }

    /// Keywords that apply subschemas to the same instance.
    struct Applicators: Sendable {
        var ref: Int?
        var allOf: [Int] = []
        var anyOf: [Int] = []
        var oneOf: [Int] = []
        var not: Int?
        var `if`: Int?
        var then: Int?
        var `else`: Int?

        var isEmpty: Bool {
            ref == nil && allOf.isEmpty && anyOf.isEmpty && oneOf.isEmpty && not == nil && `if` == nil
        }

        /// Every subschema applied in place, with the keyword that applies it.
        var inPlace: [(keyword: String, node: Int)] {
            var result: [(String, Int)] = []
            if let ref { result.append(("$ref", ref)) }
            result += allOf.map { ("allOf", $0) }
            result += anyOf.map { ("anyOf", $0) }
            result += oneOf.map { ("oneOf", $0) }
            if let not { result.append(("not", not)) }
            if let `if` { result.append(("if", `if`)) }
            if let then { result.append(("then", then)) }
            if let `else` { result.append(("else", `else`)) }
            return result
        }
    }

    /// JSON Pointer to this subschema within the schema document.
    let pointer: String
    let kind: Kind
    /// `type`, or `.all` when absent.
    let types: JSONTypeSet
    /// `type` as written, for messages.
    let typeNames: [String]
    let constValue: JSONValue?
    let enumRule: EnumRule?
    let number: RuleBox<NumberRules>?
    let string: RuleBox<StringRules>?
    let array: RuleBox<ArrayRules>?
    let object: RuleBox<ObjectRules>?
    let applicators: RuleBox<Applicators>?

    init(
        pointer: String, kind: Kind, types: JSONTypeSet = .all, typeNames: [String] = [],
        constValue: JSONValue? = nil, enumValues: [JSONValue]? = nil, number: NumberRules? = nil,
        string: StringRules? = nil, array: ArrayRules? = nil, object: ObjectRules? = nil,
        applicators: Applicators? = nil
    ) {
        self.pointer = pointer
        self.kind = kind
        self.types = types
        self.typeNames = typeNames
        self.constValue = constValue
        self.enumRule = enumValues.map(EnumRule.init)
        self.number = number.map(RuleBox.init)
        self.string = string.map(RuleBox.init)
        self.array = array.map(RuleBox.init)
        self.object = object.map(RuleBox.init)
        self.applicators = applicators.map(RuleBox.init)
    }

    /// `pointer` + `/` + `keyword`: where a failing keyword sits in the schema.
    func path(_ keyword: String) -> String {
        pointer + "/" + keyword
    }
}
