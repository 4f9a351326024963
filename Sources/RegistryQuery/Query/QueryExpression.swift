import Foundation

/// A parsed `--where` expression: conditions on an entry's fields joined by `and`, `or` and `not`.
///
/// ```swift
/// let expression = try QueryExpression.parse("type in [colbert, dense] and specs.embedding_dim <= 384 and not deprecated")
/// let small = registry.entries.filter(expression.matches)
/// ```
/// The language is described in `docs/query.md`.
public indirect enum QueryExpression: Sendable, Hashable, CustomStringConvertible {
    /// One test on one field.
    case condition(QueryCondition)
    /// True when the operand is false.
    case not(QueryExpression)
    /// True when both operands are.
    case and(QueryExpression, QueryExpression)
    /// True when either operand is.
    case or(QueryExpression, QueryExpression)

    /// Parses `text`; with a field catalog, unknown fields and tests that cannot apply to a field's
    /// type (a list compared with `<`, a value outside an enumeration) are errors too.
    ///
    /// - Throws: `QuerySyntaxError`, with the column of the problem.
    public static func parse(_ text: String, fields: FieldCatalog? = .builtIn) throws(QuerySyntaxError) -> QueryExpression {
        var parser = try QueryParser(text, fields: fields)
        return try parser.parseAll()
    }

    /// Whether `entry` satisfies the expression.
    public func matches(_ entry: ModelEntry) -> Bool {
        switch self {
        case .condition(let condition): return condition.matches(entry)
        case .not(let operand): return !operand.matches(entry)
        case .and(let left, let right): return left.matches(entry) && right.matches(entry)
        case .or(let left, let right): return left.matches(entry) || right.matches(entry)
        }
    }

    /// The expression in canonical form, parenthesised where precedence needs it.
    public var description: String { render(precedence: 0) }

    private func render(precedence: Int) -> String {
        switch self {
        case .condition(let condition):
            return condition.description
        case .not(let operand):
            return "not " + operand.render(precedence: 3)
        case .and(let left, let right):
            let text = left.render(precedence: 2) + " and " + right.render(precedence: 2)
            return precedence > 2 ? "(\(text))" : text
        case .or(let left, let right):
            let text = left.render(precedence: 1) + " or " + right.render(precedence: 1)
            return precedence > 1 ? "(\(text))" : text
        }
    }
}

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
        let value = FieldValue.lookup(field, in: entry)
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

/// A comparison operator.
public enum QueryComparator: String, Sendable, Hashable, CaseIterable {
    /// `=` (also written `==`).
    case equal = "="
    /// `!=`: the negation of `=`, so a missing field passes.
    case notEqual = "!="
    /// `<`
    case less = "<"
    /// `<=`
    case lessOrEqual = "<="
    /// `>`
    case greater = ">"
    /// `>=`
    case greaterOrEqual = ">="

    /// Whether a comparison whose result is `order` (negative, zero, positive) passes.
    func accepts(_ order: Int) -> Bool {
        switch self {
        case .equal: return order == 0
        case .notEqual: return order != 0
        case .less: return order < 0
        case .lessOrEqual: return order <= 0
        case .greater: return order > 0
        case .greaterOrEqual: return order >= 0
        }
    }

    /// True for `<`, `<=`, `>`, `>=`.
    var isOrdering: Bool { self != .equal && self != .notEqual }
}

/// A value written in an expression.
public enum QueryLiteral: Sendable, Hashable, CustomStringConvertible {
    /// A bare word (`dense`, `1B`, `2024-08`) or a quoted string.
    case string(String)
    /// A number; `text` is how it was written, used when it is compared with text (`release_date >= 2024`).
    case number(Double, text: String)
    /// `true` or `false`.
    case bool(Bool)

    /// The literal's text: the string, the number as written, `true` or `false`.
    public var text: String {
        switch self {
        case .string(let text): return text
        case .number(_, let text): return text
        case .bool(let value): return String(value)
        }
    }

    /// The literal as it would be written: quoted when a bare word would not read back the same.
    public var description: String {
        switch self {
        case .string(let text):
            let bare = !text.isEmpty && text.allSatisfy(QueryTokenizer.isWordCharacter)
                && !QueryTokenizer.isNumber(text) && QueryKeyword(rawValue: text.lowercased()) == nil
            if bare { return text }
            return "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        case .number(_, let text): return text
        case .bool(let value): return String(value)
        }
    }
}
