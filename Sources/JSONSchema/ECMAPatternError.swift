/// Why a `pattern` is not a regular expression this engine can run.
public struct ECMAPatternError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    /// 0-based offset, in Unicode scalars, into the pattern.
    public var offset: Int
    /// True when the pattern is valid ECMA-262 but uses a construct the native engine lacks
    /// (a `\p{…}` property other than a general category or a supported binary property).
    public var isUnsupportedConstruct: Bool

    public init(message: String, offset: Int, isUnsupportedConstruct: Bool = false) {
        self.message = message
        self.offset = offset
        self.isUnsupportedConstruct = isUnsupportedConstruct
    }

    public var description: String { "\(message) at offset \(offset)" }
}
