import CCrypto

/// Incremental SHA-1 backed by the system's libcrypto: what git names its objects with.
///
/// Not for security: modelreg uses it only to compute the ids git would give to files and
/// folders (`blob <size>\0…`, `tree <size>\0…`), so that a folder's content has the same name as
/// the tree git would store for it. Its libcrypto context is an `EVPDigest` owned by this value alone.
public final class SHA1 {
    private let digest = EVPDigest(SHA1.algorithm, name: "SHA-1")
    nonisolated(unsafe) private static let algorithm = EVPDigest.fetch("SHA1")

    /// Starts a new digest.
    public init() {}

    /// Feeds bytes into the digest.
    public func update(_ bytes: UnsafeRawBufferPointer) { digest.update(bytes) }

    /// Feeds bytes into the digest.
    public func update<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 { digest.update(bytes) }

    /// Finishes the digest and returns the 20-byte hash, then starts over, so the value can hash
    /// the next input without a new context.
    public func finalize() -> [UInt8] {
        digest.finalize(length: 20)
    }

    /// The hash of one buffer.
    public static func hash<Bytes: Sequence>(_ bytes: Bytes) -> [UInt8] where Bytes.Element == UInt8 {
        let hasher = SHA1()
        hasher.update(bytes)
        return hasher.finalize()
    }
}
