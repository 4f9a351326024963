/// Splits a `--where` expression into tokens, each with its column.
struct QueryTokenizer {
    let expression: String
    private let characters: [Character]
    private var position = 0

    init(_ expression: String) {
        self.expression = expression
        characters = Array(expression)
    }

    /// Every token, ending with `.end`.
    static func tokens(of expression: String) throws(QuerySyntaxError) -> [QueryToken] {
        var tokenizer = QueryTokenizer(expression)
        var tokens: [QueryToken] = []
        while true {
            let token = try tokenizer.next()
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    /// Characters allowed in a bare word besides letters and digits.
    static let wordPunctuation: Set<Character> = ["_", "-", ".", "/", ":", "+"]

    static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || wordPunctuation.contains(character)
    }

    private mutating func next() throws(QuerySyntaxError) -> QueryToken {
        while position < characters.count, characters[position].isWhitespace { position += 1 }
        let start = position
        let column = start + 1
        guard position < characters.count else { return QueryToken(kind: .end, text: "", column: column) }
        let character = characters[position]
        position += 1
        func token(_ kind: QueryToken.Kind) -> QueryToken {
            QueryToken(kind: kind, text: String(characters[start..<position]), column: column)
        }
        switch character {
        case "(": return token(.leftParen)
        case ")": return token(.rightParen)
        case "[": return token(.leftBracket)
        case "]": return token(.rightBracket)
        case ",": return token(.comma)
        case "=":
            if peek == "=" { position += 1 }
            return token(.comparison(.equal))
        case "!":
            guard peek == "=" else {
                throw error(at: column, "unexpected `!`: write `!=` to compare, or `not` to negate")
            }
            position += 1
            return token(.comparison(.notEqual))
        case "<":
            if peek == "=" {
                position += 1
                return token(.comparison(.lessOrEqual))
            }
            if peek == ">" {
                throw error(at: column, "unexpected `<>`: write `!=`")
            }
            return token(.comparison(.less))
        case ">":
            if peek == "=" {
                position += 1
                return token(.comparison(.greaterOrEqual))
            }
            return token(.comparison(.greater))
        case "\"", "'":
            return try quoted(closing: character, column: column)
        case _ where Self.isWordCharacter(character):
            while position < characters.count, Self.isWordCharacter(characters[position]) { position += 1 }
            let text = String(characters[start..<position])
            return QueryToken(kind: Self.isNumber(text) ? .number : .word, text: text, column: column)
        default:
            throw error(at: column, "unexpected character `\(character)`")
        }
    }

    private var peek: Character? { position < characters.count ? characters[position] : nil }

    /// A string in `closing` quotes; `\` escapes the next character.
    private mutating func quoted(closing: Character, column: Int) throws(QuerySyntaxError) -> QueryToken {
        var value = ""
        while position < characters.count {
            let character = characters[position]
            position += 1
            if character == closing { return QueryToken(kind: .string, text: value, column: column) }
            if character == "\\", position < characters.count {
                value.append(characters[position])
                position += 1
            } else {
                value.append(character)
            }
        }
        throw error(at: column, "unterminated string: add the closing \(closing)")
    }

    /// `12`, `-3`, `0.5`, `1e6`: what reads as a number; `1B`, `2024-08` and `v1.5` are words.
    static func isNumber(_ text: String) -> Bool {
        var scalars = Substring(text)
        if scalars.first == "-" || scalars.first == "+" { scalars.removeFirst() }
        var sawDigit = false
        var sawDot = false
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let character = scalars[index]
            if character.isASCIIDigit {
                sawDigit = true
            } else if character == ".", !sawDot, sawDigit {
                sawDot = true
            } else if character == "e" || character == "E", sawDigit {
                var exponent = scalars[scalars.index(after: index)...]
                if exponent.first == "-" || exponent.first == "+" { exponent.removeFirst() }
                return !exponent.isEmpty && exponent.allSatisfy(\.isASCIIDigit)
            } else {
                return false
            }
            index = scalars.index(after: index)
        }
        return sawDigit && scalars.last != "."
    }

    private func error(at column: Int, _ message: String) -> QuerySyntaxError {
        QuerySyntaxError(expression: expression, column: column, message: message)
    }
}
