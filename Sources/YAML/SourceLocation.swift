/// A position in a source file: 1-based line and column, the column counted in characters
/// (Unicode scalars), plus the byte offset from the start of the file.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var path: String
    public var line: Int
    public var column: Int
    /// Byte offset of this position from the start of the file (0-based).
    public var offset: Int

    public init(path: String, line: Int, column: Int, offset: Int = 0) {
        self.path = path
        self.line = line
        self.column = column
        self.offset = offset
    }

    /// `path:line:column`, the way compilers print it.
    public var description: String { "\(path):\(line):\(column)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.path, lhs.line, lhs.column) < (rhs.path, rhs.line, rhs.column)
    }
}
