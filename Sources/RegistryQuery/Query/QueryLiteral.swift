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
            return "\"" + text.replacingAll("\\", with: "\\\\").replacingAll("\"", with: "\\\"") + "\""
        case .number(_, let text): return text
        case .bool(let value): return String(value)
        }
    }
}
