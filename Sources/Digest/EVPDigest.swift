import CCrypto

/// One libcrypto digest context (`EVP_MD_CTX`), owned by this value alone and freed in `deinit`: the part
/// `SHA256` and `SHA1` share. Not public; each algorithm's type says what its output is.
final class EVPDigest {
    private let context: OpaquePointer
    private let algorithm: OpaquePointer
    private let name: String
    /// True after `finalize`: the context starts over when next used, not before (a digest that is finalized
    /// and dropped, the common case, never pays for a second start).
    private var finished = false

    /// Starts a digest with `algorithm` (a fetched `EVP_MD`, see `fetch`); `name` only words the fatal errors.
    init(_ algorithm: OpaquePointer, name: String) {
        guard let context = EVP_MD_CTX_new() else {
            fatalError("libcrypto could not allocate a digest context (out of memory)")
        }
        self.context = context
        self.algorithm = algorithm
        self.name = name
        start()
    }

    deinit { EVP_MD_CTX_free(context) }

    /// The algorithm named `name` (`SHA256`, `SHA1`), fetched from libcrypto's default provider. Fetched once per
    /// process by the callers and kept: starting a context with an algorithm that is not fetched (`EVP_sha256()`)
    /// makes libcrypto look it up again every time.
    static func fetch(_ name: String) -> OpaquePointer {
        guard let algorithm = EVP_MD_fetch(nil, name, nil) else {
            fatalError("libcrypto has no \(name) digest")
        }
        return algorithm
    }

    private func start() {
        guard EVP_DigestInit_ex(context, algorithm, nil) == 1 else {
            fatalError("libcrypto could not initialise \(name)")
        }
        finished = false
    }

    /// Feeds bytes into the digest.
    func update(_ bytes: UnsafeRawBufferPointer) {
        if finished { start() }
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

    /// Finishes with `length` bytes of output; the next update starts over with the same algorithm.
    func finalize(length: Int) -> [UInt8] {
        if finished { start() }
        var output = [UInt8](repeating: 0, count: length)
        var written: UInt32 = 0
        _ = EVP_DigestFinal_ex(context, &output, &written)
        finished = true
        return output
    }
}
