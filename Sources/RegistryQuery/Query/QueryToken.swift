/// One token of a `--where` expression.
struct QueryToken: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        /// A bare word: a field name, a keyword, or an unquoted value (`specs.embedding_dim`, `and`, `dense`).
        case word
        /// A quoted string; `text` holds its value without quotes or escapes.
        case string
        /// A number such as `384`, `-1` or `0.5`.
        case number
        case comparison(QueryComparator)
        case leftParen, rightParen, leftBracket, rightBracket, comma
        /// After the last token; its column is one past the end of the expression.
        case end
    }

    var kind: Kind
    /// The word, the string's value, the number as written, or the punctuation.
    var text: String
    /// 1-based column of the first character.
    var column: Int

    /// The keyword this word spells (case-insensitively), if any.
    var keyword: QueryKeyword? {
        guard kind == .word else { return nil }
        return QueryKeyword(rawValue: text.lowercased())
    }

    /// How the token reads in a message: `` `and` ``, or "the end of the expression".
    var quoted: String {
        switch kind {
        case .end: return "the end of the expression"
        case .string: return "\"\(text)\""
        default: return "`\(text)`"
        }
    }
}

/// The reserved words of the expression language (matched case-insensitively).
enum QueryKeyword: String, Sendable, CaseIterable {
    case and, or, not, `in`, contains, exists, `true`, `false`
}
