/// Why a text is not JSON, and where: 1-based line and column (counted in characters) and the
/// byte offset.
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var line: Int
    public var column: Int
    public var offset: Int

    public init(message: String, line: Int, column: Int, offset: Int) {
        self.message = message
        self.line = line
        self.column = column
        self.offset = offset
    }

    /// `line:column: message`, ready to be prefixed with a file path.
    public var description: String { "\(line):\(column): \(message)" }
}
