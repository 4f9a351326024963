import CCrypto

/// One libcrypto digest context (`EVP_MD_CTX`), owned by this value alone and freed in `deinit`: the part
/// `SHA256` and `SHA1` share. Not public; each algorithm's type says what its output is.
final class EVPDigest {
    private let context: OpaquePointer
    private let algorithm: OpaquePointer

    /// Starts a digest with `algorithm` (`EVP_sha256()`, `EVP_sha1()`); `name` only words the fatal errors.
    init(_ algorithm: OpaquePointer, name: String) {
        guard let context = EVP_MD_CTX_new() else {
            fatalError("libcrypto could not allocate a digest context (out of memory)")
        }
        guard EVP_DigestInit_ex(context, algorithm, nil) == 1 else {
            EVP_MD_CTX_free(context)
            fatalError("libcrypto could not initialise \(name)")
        }
        self.context = context
        self.algorithm = algorithm
    }

    deinit { EVP_MD_CTX_free(context) }

    /// Feeds bytes into the digest.
    func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        // EVP_DigestUpdate only fails on a misconfigured context, which init rules out.
        _ = EVP_DigestUpdate(context, base, bytes.count)
    }

    /// Feeds any byte sequence, without a copy when it is contiguous.
    func update<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        let handled: Void? = bytes.withContiguousStorageIfAvailable { update(UnsafeRawBufferPointer($0)) }
        if handled == nil {
            let copy = Array(bytes)
            copy.withUnsafeBytes { update($0) }
        }
    }

    /// Finishes with `length` bytes of output, then starts over with the same algorithm.
    func finalize(length: Int) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: length)
        var written: UInt32 = 0
        _ = EVP_DigestFinal_ex(context, &output, &written)
        _ = EVP_DigestInit_ex(context, algorithm, nil)
        return output
    }
}
