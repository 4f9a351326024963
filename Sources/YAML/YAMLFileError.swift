#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file that could not be opened or read: the tool's failure, not the file's content.
public struct YAMLFileError: Error, Sendable, CustomStringConvertible {
    public var path: String
    /// What was being done: `open`, `stat` or `read`.
    public var operation: String
    /// The `errno` value.
    public var code: Int32

    public init(path: String, operation: String, code: Int32) {
        self.path = path
        self.operation = operation
        self.code = code
    }

    public var description: String {
        "\(path): error: cannot \(operation) the file: \(String(cString: strerror(code)))"
    }
}
