/// Why a schema could not be compiled, and where in it.
public struct SchemaError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The schema is not a valid draft 2020-12 schema (wrong keyword value, bad pattern, a
        /// `$ref` that leads nowhere, a `$ref` cycle that never consumes the instance, …).
        case invalid
        /// The schema is valid but uses something this validator deliberately does not support:
        /// `$dynamicRef`, `$dynamicAnchor`, `unevaluatedProperties`, `unevaluatedItems`, or a
        /// `$ref` to a document other than this one.
        case unsupported
    }

    public var kind: Kind
    public var message: String
    /// JSON Pointer into the schema, e.g. `/properties/specs/unevaluatedProperties`; empty for
    /// the root.
    public var pointer: String

    public init(_ kind: Kind = .invalid, message: String, pointer: String) {
        self.kind = kind
        self.message = message
        self.pointer = pointer
    }

    public var description: String {
        "\(pointer.isEmpty ? "(schema root)" : pointer): \(message)"
    }
}
