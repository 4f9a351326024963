import CCrypto

/// Incremental SHA-1 backed by the system's libcrypto: what git names its objects with.
///
/// Not for security: modelreg uses it only to compute the ids git would give to files and
/// folders (`blob <size>\0…`, `tree <size>\0…`), so that a folder's content has the same name as
/// the tree git would store for it. The `EVP_MD_CTX` is owned by this value alone and freed in `deinit`.
public final class SHA1 {
    private let context: OpaquePointer

    /// Starts a new digest.
    public init() {
        guard let context = EVP_MD_CTX_new() else {
            fatalError("libcrypto could not allocate a digest context (out of memory)")
        }
        guard EVP_DigestInit_ex(context, EVP_sha1(), nil) == 1 else {
            EVP_MD_CTX_free(context)
            fatalError("libcrypto could not initialise SHA-1")
        }
        self.context = context
    }

    deinit { EVP_MD_CTX_free(context) }

    /// Feeds bytes into the digest.
    public func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        // EVP_DigestUpdate only fails on a misconfigured context, which init rules out.
        _ = EVP_DigestUpdate(context, base, bytes.count)
    }

    /// Feeds bytes into the digest.
    public func update<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        let handled: Void? = bytes.withContiguousStorageIfAvailable { update(UnsafeRawBufferPointer($0)) }
        if handled == nil {
            let copy = Array(bytes)
            copy.withUnsafeBytes { update($0) }
        }
    }

    /// Finishes the digest and returns the 20-byte hash, then starts over, so the value can hash
    /// the next input without a new context.
    public func finalize() -> [UInt8] {
        var output = [UInt8](repeating: 0, count: 20)
        var length: UInt32 = 0
        _ = EVP_DigestFinal_ex(context, &output, &length)
        // A NULL type re-initialises with the digest already set: SHA-1 again.
        _ = EVP_DigestInit_ex(context, nil, nil)
        return output
    }

    /// The hash of one buffer.
    public static func hash<Bytes: Sequence>(_ bytes: Bytes) -> [UInt8] where Bytes.Element == UInt8 {
        let hasher = SHA1()
        hasher.update(bytes)
        return hasher.finalize()
    }
}
