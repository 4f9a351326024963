/// A malformed `--where` expression: what is wrong, and the column where it is, counted in
/// characters from 1.
///
/// `description` reads like a compiler's message, with the expression and a caret:
/// ```
/// column 22: expected a value after `<=`
///   specs.embedding_dim <=
///                         ^
/// ```
public struct QuerySyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The whole expression as given.
    public var expression: String
    /// The 1-based column (in characters) the message points at; one past the end for "expected more".
    public var column: Int
    /// What is wrong, and where possible what to write instead.
    public var message: String

    /// A located error in `expression`.
    public init(expression: String, column: Int, message: String) {
        self.expression = expression
        self.column = column
        self.message = message
    }

    /// `column N: message`, then the expression and a caret under the column, each indented by two spaces.
    public var description: String {
        "column \(column): \(message)\n  \(expression)\n  \(caretLine)"
    }

    /// Spaces (tabs where the expression has tabs, so the caret lines up) and a `^` under the column.
    public var caretLine: String {
        let before = expression.prefix(max(0, column - 1)).map { $0 == "\t" ? "\t" : " " }.joined()
        return before + "^"
    }
}
