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
        matches(subject: entry)
    }

    func matches<Subject: FilterSubject>(subject entry: Subject) -> Bool {
        switch self {
        case .condition(let condition): return condition.matches(subject: entry)
        case .not(let operand): return !operand.matches(subject: entry)
        case .and(let left, let right): return left.matches(subject: entry) && right.matches(subject: entry)
        case .or(let left, let right): return left.matches(subject: entry) || right.matches(subject: entry)
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
