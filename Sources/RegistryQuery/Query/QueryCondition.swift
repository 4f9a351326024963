/// One test on one field of an entry, such as `specs.embedding_dim <= 384`.
public struct QueryCondition: Sendable, Hashable, CustomStringConvertible {
    /// The dotted path of the field in the entry's data (`specs.embedding_dim`).
    public var field: String
    /// What is asked of the field.
    public var test: QueryTest

    /// A condition on `field`.
    public init(field: String, test: QueryTest) {
        self.field = field
        self.test = test
    }

    /// Whether `entry`'s field passes the test. A missing field passes only `!=` (and `not …`).
    public func matches(_ entry: ModelEntry) -> Bool {
        matches(subject: entry)
    }

    func matches<Subject: FilterSubject>(subject entry: Subject) -> Bool {
        let value = FieldValue.normalized(field, entry.value(at: field))
        switch test {
        case .isSet:
            guard let value else { return false }
            switch value {
            case .null, .bool(false): return false
            default: return true
            }
        case .exists:
            if case .null? = value { return false }
            return value != nil
        case .compare(let comparator, let literal):
            guard let value else { return comparator == .notEqual }
            guard let order = FieldValue.order(value, literal) else { return comparator == .notEqual }
            return comparator.accepts(order)
        case .within(let literals):
            guard let value else { return false }
            if case .array(let items) = value {
                return items.contains { item in literals.contains { FieldValue.order(item, $0) == 0 } }
            }
            return literals.contains { FieldValue.order(value, $0) == 0 }
        case .contains(let literal):
            switch value {
            case .array(let items)?:
                return items.contains { FieldValue.order($0, literal) == 0 }
            case .string(let text)?:
                return text.lowercased().contains(literal.text.lowercased())
            default:
                return false
            }
        }
    }

    /// The condition as it would be written.
    public var description: String {
        switch test {
        case .isSet: return field
        case .exists: return "\(field) exists"
        case .compare(let comparator, let literal): return "\(field) \(comparator.rawValue) \(literal)"
        case .within(let literals): return "\(field) in [" + literals.map(\.description).joined(separator: ", ") + "]"
        case .contains(let literal): return "\(field) contains \(literal)"
        }
    }
}

/// What a condition asks of its field.
public enum QueryTest: Sendable, Hashable {
    /// The field alone (`deprecated`, `capabilities.matryoshka`): present and not `false`.
    case isSet
    /// `exists`: present, whatever its value.
    case exists
    /// `=`, `!=`, `<`, `<=`, `>`, `>=` against a value.
    case compare(QueryComparator, QueryLiteral)
    /// `in [a, b]`: equal to one of the values; for a list field, sharing one of them.
    case within([QueryLiteral])
    /// `contains x`: a list field with an element equal to `x`, or a text field with `x` in it (ignoring case).
    case contains(QueryLiteral)
}
