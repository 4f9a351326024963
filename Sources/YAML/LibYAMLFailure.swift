import CYAML

/// A copy of libyaml's error fields, taken right after a call failed.
struct LibYAMLFailure {
    var isReaderError: Bool
    var isMemoryError: Bool
    var problem: String
    var context: String?
    var problemMark: yaml_mark_t
    var contextMark: yaml_mark_t
    /// For reader errors: the byte offset of the offending input.
    var problemOffset: Int
    /// For reader errors: the offending byte or code point, or -1.
    var problemValue: Int

    /// The failure as a located error: reader errors (characters YAML forbids) are `.encoding`,
    /// scanner and parser errors `.syntax`, with libyaml's own wording.
    func error(in map: inout SourceMap) -> YAMLError {
        if isMemoryError {
            return YAMLError(
                kind: .syntax, location: SourceLocation(path: map.path, line: 1, column: 1),
                message: "libyaml ran out of memory")
        }
        if isReaderError {
            var message = problem
            if problemValue >= 0 {
                let hex = String(problemValue, radix: 16, uppercase: true)
                message += " (U+\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex))"
            }
            return YAMLError(
                kind: .encoding, location: map.location(ofByte: map.base + problemOffset), message: message)
        }
        var message = problem
        if let context {
            message += " (\(context) that started at line \(contextMark.line + 1), column \(contextMark.column + 1))"
        }
        return YAMLError(kind: .syntax, location: map.location(problemMark), message: message)
    }
}
