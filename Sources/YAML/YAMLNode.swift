/// How a scalar was written in the source.
public enum ScalarStyle: Sendable, Hashable {
    case plain, singleQuoted, doubleQuoted, literal, folded
}

/// A scalar as written, with its style and explicit tag (if any).
public struct YAMLScalar: Sendable, Hashable {
    /// The scalar's value after YAML unescaping/folding (what libyaml reports).
    public var text: String
    public var style: ScalarStyle
    /// The explicit tag in its resolved long form (`tag:yaml.org,2002:str`), or nil when untagged.
    public var tag: String?

    public init(text: String, style: ScalarStyle, tag: String? = nil) {
        self.text = text
        self.style = style
        self.tag = tag
    }
}

/// A scalar's value resolved the YAML 1.2 core-schema way.
/// `yes`/`no`/`on`/`off` stay strings; `1.10` is a float; quoted scalars are strings.
public enum ResolvedScalar: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case float(Double)
    case string(String)
}

/// One node of a parsed YAML document, carrying where it starts and ends in the source.
public struct YAMLNode: Sendable {
    /// Not `indirect`: the arrays already give the recursion its indirection, and a box per node
    /// would cost an allocation for every scalar.
    public enum Content: Sendable {
        case scalar(YAMLScalar)
        case sequence([YAMLNode])
        /// Key/value pairs in source order (duplicate keys are rejected by the reader).
        case mapping([(key: YAMLNode, value: YAMLNode)])
    }

    public var content: Content
    /// Where the node starts (for a block collection: its first entry; for a scalar: its first character,
    /// including the opening quote; for a node with an explicit tag: the tag).
    public var start: SourceLocation
    /// Where the node ends (one past its last character), useful for byte-preserving edits: after
    /// a closing quote or bracket, after a block collection's last entry, and for a block scalar
    /// (`|`, `>`) after the line break of its last line with content (with `+`, of its last kept line).
    public var end: SourceLocation

    public init(content: Content, start: SourceLocation, end: SourceLocation) {
        self.content = content
        self.start = start
        self.end = end
    }
}
