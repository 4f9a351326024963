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

/// A position in a file without the file's name: what a parsed outline keeps for each node (the name is the
/// outline's, once), so that recording a position costs no reference to a string.
public struct SourcePosition: Sendable, Hashable {
    /// 1-based line.
    public var line: Int32
    /// 1-based column, in characters.
    public var column: Int32
    /// 0-based byte offset from the start of the file.
    public var offset: Int32

    public init(line: Int, column: Int, offset: Int) {
        self.line = Int32(truncatingIfNeeded: line)
        self.column = Int32(truncatingIfNeeded: column)
        self.offset = Int32(truncatingIfNeeded: offset)
    }

    /// The same position as a location in the file named `path`.
    public func located(in path: String) -> SourceLocation {
        SourceLocation(path: path, line: Int(line), column: Int(column), offset: Int(offset))
    }
}
