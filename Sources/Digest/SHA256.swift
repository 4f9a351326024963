import CCrypto

/// Incremental SHA-256 backed by the system's libcrypto (which uses the CPU's SHA extensions when present).
/// Its libcrypto context is an `EVPDigest` owned by this value alone.
public final class SHA256 {
    private let digest = EVPDigest(SHA256.algorithm, name: "SHA-256")
    nonisolated(unsafe) private static let algorithm = EVPDigest.fetch("SHA256")

    /// Starts a new digest.
    public init() {}

    /// Feeds bytes into the digest.
    public func update(_ bytes: UnsafeRawBufferPointer) { digest.update(bytes) }

    /// Feeds bytes into the digest.
    public func update<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 { digest.update(bytes) }

    /// Finishes the digest and returns the 32-byte hash. It then starts over, so the value can hash the next input.
    public func finalize() -> SHA256Digest {
        SHA256Digest(bytes: digest.finalize(length: 32))
    }

    /// The hash of one buffer.
    public static func hash<Bytes: Sequence>(_ bytes: Bytes) -> SHA256Digest where Bytes.Element == UInt8 {
        let hasher = SHA256()
        hasher.update(bytes)
        return hasher.finalize()
    }
}

/// A finished SHA-256 hash.
public struct SHA256Digest: Sendable, Hashable, CustomStringConvertible {
    public let bytes: [UInt8]

    /// Lowercase hexadecimal, as `sha256sum` prints it.
    public var hex: String {
        let digits = Array("0123456789abcdef".utf8)
        var text = [UInt8]()
        text.reserveCapacity(64)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// Whether `text` is this hash in lowercase hexadecimal, as `hex` writes it; no string is made.
    public func isWritten(as text: String) -> Bool {
        let digits: StaticString = "0123456789abcdef"
        let utf8 = text.utf8
        guard utf8.count == bytes.count * 2 else { return false }
        var index = utf8.startIndex
        for byte in bytes {
            let high = digits.utf8Start[Int(byte >> 4)], low = digits.utf8Start[Int(byte & 0x0f)]
            guard utf8[index] == high else { return false }
            utf8.formIndex(after: &index)
            guard utf8[index] == low else { return false }
            utf8.formIndex(after: &index)
        }
        return true
    }

    public var description: String { hex }
}
