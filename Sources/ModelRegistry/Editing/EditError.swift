import YAML

/// Why `YAMLEditor` refused an edit. The file's bytes are left as they were.
public struct EditError: Error, Sendable, CustomStringConvertible {
    public var message: String
    /// Where the problem is in the file before the edit (the node in the way, or the deepest
    /// existing part of a missing path), when there is such a place.
    public var location: SourceLocation?

    public init(_ message: String, at location: SourceLocation? = nil) {
        self.message = message
        self.location = location
    }

    /// `path:line:column: error: message`, or just the message when there is no location.
    public var description: String {
        guard let location else { return "error: \(message)" }
        return "\(location): error: \(message)"
    }
}
