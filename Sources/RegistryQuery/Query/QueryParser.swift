/// A recursive-descent parser for `--where` expressions.
///
/// ```
/// expression := disjunction
/// disjunction := conjunction ("or" conjunction)*
/// conjunction := negation ("and" negation)*
/// negation   := "not" negation | primary
/// primary    := "(" disjunction ")" | condition
/// condition  := field [ comparator value | "in" list | "contains" value | "exists" ]
/// comparator := "=" | "==" | "!=" | "<" | "<=" | ">" | ">="
/// list       := "[" value ("," value)* "]"
/// value      := number | word | quoted-string | "true" | "false"
/// ```
struct QueryParser {
    private let expression: String
    private let tokens: [QueryToken]
    private let fields: FieldCatalog?
    private var position = 0

    init(_ expression: String, fields: FieldCatalog?) throws(QuerySyntaxError) {
        self.expression = expression
        self.fields = fields
        tokens = try QueryTokenizer.tokens(of: expression)
    }

    /// The whole expression; anything left over is an error.
    mutating func parseAll() throws(QuerySyntaxError) -> QueryExpression {
        if current.kind == .end {
            throw error(at: current, "the expression is empty: write a condition such as `type = dense`")
        }
        let result = try parseDisjunction()
        switch current.kind {
        case .end:
            return result
        case .rightParen:
            throw error(at: current, "unmatched `)`")
        default:
            throw error(at: current, "unexpected \(current.quoted): expected `and`, `or` or the end of the expression")
        }
    }

    private var current: QueryToken { tokens[position] }

    private mutating func advance() -> QueryToken {
        let token = tokens[position]
        if position < tokens.count - 1 { position += 1 }
        return token
    }

    private mutating func parseDisjunction() throws(QuerySyntaxError) -> QueryExpression {
        var result = try parseConjunction()
        while current.keyword == .or {
            _ = advance()
            result = .or(result, try parseConjunction())
        }
        return result
    }

    private mutating func parseConjunction() throws(QuerySyntaxError) -> QueryExpression {
        var result = try parseNegation()
        while current.keyword == .and {
            _ = advance()
            result = .and(result, try parseNegation())
        }
        return result
    }

    private mutating func parseNegation() throws(QuerySyntaxError) -> QueryExpression {
        if current.keyword == .not {
            _ = advance()
            return .not(try parseNegation())
        }
        return try parsePrimary()
    }

    private mutating func parsePrimary() throws(QuerySyntaxError) -> QueryExpression {
        let token = current
        switch token.kind {
        case .leftParen:
            _ = advance()
            let inner = try parseDisjunction()
            guard current.kind == .rightParen else {
                throw error(
                    at: current,
                    "expected `)` to close the `(` at column \(token.column), found \(current.quoted)")
            }
            _ = advance()
            return inner
        case .word where token.keyword == nil:
            return .condition(try parseCondition())
        case .end:
            throw error(at: token, "expected a condition, found the end of the expression")
        default:
            throw error(at: token, "expected a field name, found \(token.quoted)")
        }
    }

    private mutating func parseCondition() throws(QuerySyntaxError) -> QueryCondition {
        let fieldToken = advance()
        let field = fieldToken.text
        guard Self.isFieldPath(field) else {
            throw error(at: fieldToken, "`\(field)` is not a field name: write dotted names such as `specs.embedding_dim`")
        }
        let kind = try checkField(fieldToken)
        let operatorToken = current
        switch operatorToken.kind {
        case .comparison(let comparator):
            _ = advance()
            let literal = try parseValue(after: operatorToken)
            try check(comparator, on: field, kind: kind, at: operatorToken)
            try check(literal, for: field, kind: kind, at: tokens[position - 1])
            return QueryCondition(field: field, test: .compare(comparator, literal))
        case .word where operatorToken.keyword == .in:
            _ = advance()
            let literals = try parseList(after: operatorToken)
            for (literal, token) in literals {
                try check(literal, for: field, kind: kind.map(Self.elementKind), at: token)
            }
            return QueryCondition(field: field, test: .within(literals.map(\.0)))
        case .word where operatorToken.keyword == .contains:
            _ = advance()
            let literal = try parseValue(after: operatorToken)
            switch kind {
            case .list(let element)?:
                try check(literal, for: field, kind: element, at: tokens[position - 1])
            case .number?, .boolean?, .mapping?:
                throw error(
                    at: operatorToken,
                    "`\(field)` is \(Self.describe(kind!)): `contains` tests lists and text; use `=`")
            default:
                break
            }
            return QueryCondition(field: field, test: .contains(literal))
        case .word where operatorToken.keyword == .exists:
            _ = advance()
            return QueryCondition(field: field, test: .exists)
        case .word where operatorToken.keyword == nil, .number, .string:
            throw error(
                at: operatorToken,
                "expected an operator after `\(field)` (`=`, `!=`, `<`, `<=`, `>`, `>=`, `in`, `contains`, `exists`), found \(operatorToken.quoted)"
            )
        default:
            return QueryCondition(field: field, test: .isSet)
        }
    }

    private mutating func parseValue(after operatorToken: QueryToken) throws(QuerySyntaxError) -> QueryLiteral {
        let token = current
        switch token.kind {
        case .number:
            _ = advance()
            return .number(Double(token.text) ?? 0, text: token.text)
        case .string:
            _ = advance()
            return .string(token.text)
        case .word:
            switch token.keyword {
            case .true?:
                _ = advance()
                return .bool(true)
            case .false?:
                _ = advance()
                return .bool(false)
            case nil:
                _ = advance()
                return .string(token.text)
            default:
                throw error(
                    at: token,
                    "expected a value after \(operatorToken.quoted), found the keyword \(token.quoted); quote it to mean the word"
                )
            }
        default:
            throw error(at: token, "expected a value after \(operatorToken.quoted), found \(token.quoted)")
        }
    }

    private mutating func parseList(after inToken: QueryToken) throws(QuerySyntaxError) -> [(QueryLiteral, QueryToken)] {
        let open = current
        guard open.kind == .leftBracket else {
            throw error(at: open, "expected `[` after `in`, as in `type in [colbert, dense]`, found \(open.quoted)")
        }
        _ = advance()
        if current.kind == .rightBracket { throw error(at: current, "the list is empty: give at least one value") }
        var literals: [(QueryLiteral, QueryToken)] = []
        while true {
            let token = current
            let previous = literals.isEmpty ? open : tokens[position - 1]
            literals.append((try parseValue(after: previous), token))
            switch current.kind {
            case .comma:
                _ = advance()
            case .rightBracket:
                _ = advance()
                return literals
            case .end:
                throw error(at: current, "expected `]` to close the `[` at column \(open.column)")
            default:
                throw error(at: current, "expected `,` or `]` in the list, found \(current.quoted)")
            }
        }
    }

    // MARK: Checks against the field catalog

    /// The field's kind; an error when a catalog is given and knows no such field.
    private func checkField(_ token: QueryToken) throws(QuerySyntaxError) -> FieldCatalog.Kind? {
        guard let fields else { return nil }
        if let kind = fields.kind(of: token.text) { return kind }
        var message = "unknown field `\(token.text)`"
        let suggestions = fields.suggestions(for: token.text)
        if !suggestions.isEmpty {
            message += "; did you mean " + suggestions.map { "`\($0)`" }.joined(separator: " or ") + "?"
        }
        throw error(at: token, message)
    }

    private func check(
        _ comparator: QueryComparator, on field: String, kind: FieldCatalog.Kind?, at token: QueryToken
    ) throws(QuerySyntaxError) {
        switch kind {
        case .list?:
            throw error(at: token, "`\(field)` is a list: use `contains` (one value) or `in [...]` (any of several)")
        case .mapping?:
            throw error(at: token, "`\(field)` is a mapping: compare one of its fields, or test it with `exists`")
        case .boolean? where comparator.isOrdering:
            throw error(at: token, "`\(field)` is true or false: compare it with `=` or `!=`")
        default:
            break
        }
    }

    private func check(
        _ literal: QueryLiteral, for field: String, kind: FieldCatalog.Kind?, at token: QueryToken
    ) throws(QuerySyntaxError) {
        switch (kind, literal) {
        case (.number?, .string(let text)) where ParameterCount.parse(text) == nil:
            throw error(at: token, "`\(field)` is a number; \(token.quoted) is not")
        case (.number?, .bool):
            throw error(at: token, "`\(field)` is a number; \(token.quoted) is not")
        case (.boolean?, .string), (.boolean?, .number):
            throw error(at: token, "`\(field)` is true or false; \(token.quoted) is neither")
        case (.text(let allowed?)?, _) where !allowed.contains(literal.text):
            var message = "`\(field)` is one of " + allowed.joined(separator: ", ") + "; \(token.quoted) is not"
            if let close = NameSuggestions.closest(to: literal.text, among: allowed, limit: 1).first {
                message += " (did you mean `\(close)`?)"
            }
            throw error(at: token, message)
        default:
            break
        }
    }

    private static func elementKind(_ kind: FieldCatalog.Kind) -> FieldCatalog.Kind {
        if case .list(let element) = kind { return element }
        return kind
    }

    private static func describe(_ kind: FieldCatalog.Kind) -> String {
        switch kind {
        case .text: return "text"
        case .number: return "a number"
        case .boolean: return "true or false"
        case .list: return "a list"
        case .mapping: return "a mapping"
        case .any: return "free-form"
        }
    }

    /// `name` or `name.name…`: parts of letters, digits, `_` or `-`; the first starts with a letter or `_`.
    static func isFieldPath(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard let first = parts.first?.first, first.isLetter || first == "_" else { return false }
        return parts.allSatisfy { part in
            !part.isEmpty && part.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
        }
    }

    private func error(at token: QueryToken, _ message: String) -> QuerySyntaxError {
        QuerySyntaxError(expression: expression, column: token.column, message: message)
    }
}
