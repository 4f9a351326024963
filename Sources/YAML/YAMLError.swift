/// Why a YAML file was rejected. Each case maps to a stable rule id (`yaml-…`) in the registry layer.
public enum YAMLErrorKind: String, Sendable, Hashable, CaseIterable {
    case syntax              // libyaml's own message
    case duplicateKey        // the same key twice in one mapping
    case multipleDocuments   // more than one document in the stream
    case alias               // anchors and aliases are not allowed
    case tag                 // explicit tags other than the core ones
    case encoding            // not valid UTF-8 (or a BOM of another encoding)
    case depth               // nesting deeper than the limit
    case size                // file larger than the limit
}

/// A located failure to read a YAML file.
public struct YAMLError: Error, Sendable, CustomStringConvertible {
    public var kind: YAMLErrorKind
    public var location: SourceLocation
    public var message: String

    public init(kind: YAMLErrorKind, location: SourceLocation, message: String) {
        self.kind = kind
        self.location = location
        self.message = message
    }

    public var description: String { "\(location): error: \(message)" }
}

/// Limits that protect the reader from hostile input.
public struct YAMLLimits: Sendable, Hashable {
    /// Deepest allowed nesting of collections (the top-level mapping is depth 1).
    public var maxDepth: Int
    /// Largest accepted input, in bytes.
    public var maxBytes: Int

    public init(maxDepth: Int = 64, maxBytes: Int = 1 << 20) {
        self.maxDepth = maxDepth
        self.maxBytes = maxBytes
    }

    public static let `default` = YAMLLimits()
}
