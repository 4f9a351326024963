import CGit2

/// A git object id (SHA-1), as a plain value: 20 bytes held inline, so ids are cheap to copy,
/// hash and compare. Ordered like their hexadecimal text.
public struct ObjectID: Sendable, Hashable, Comparable, CustomStringConvertible {
    // The 20 bytes read big-endian, so comparing the words compares the bytes in order.
    private let high: UInt64
    private let middle: UInt64
    private let low: UInt32

    init(_ oid: git_oid) {
        (high, middle, low) = withUnsafeBytes(of: oid.id) { raw in
            (UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self)),
             UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)),
             UInt32(bigEndian: raw.loadUnaligned(fromByteOffset: 16, as: UInt32.self)))
        }
    }

    /// The id as libgit2's struct, to pass to C.
    var oid: git_oid {
        var oid = git_oid()
        withUnsafeMutableBytes(of: &oid.id) { raw in
            raw.storeBytes(of: high.bigEndian, toByteOffset: 0, as: UInt64.self)
            raw.storeBytes(of: middle.bigEndian, toByteOffset: 8, as: UInt64.self)
            raw.storeBytes(of: low.bigEndian, toByteOffset: 16, as: UInt32.self)
        }
        return oid
    }

    /// An id from its 20 raw bytes; nil for any other count.
    public init?(bytes: [UInt8]) {
        guard bytes.count == 20 else { return nil }
        var oid = git_oid()
        withUnsafeMutableBytes(of: &oid.id) { $0.copyBytes(from: bytes) }
        self.init(oid)
    }

    /// Parses a full 40-digit hexadecimal id (either case); nil for anything else.
    /// Abbreviated ids need the repository: use `Repository.resolveCommit(_:)`.
    public init?(hex: String) {
        var bytes = [UInt8]()
        bytes.reserveCapacity(20)
        var pending: UInt8?
        for character in hex.utf8 {
            let nibble: UInt8
            switch character {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = character - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = character - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): nibble = character - UInt8(ascii: "A") + 10
            default: return nil
            }
            if let high = pending {
                bytes.append(high << 4 | nibble)
                pending = nil
            } else {
                pending = nibble
            }
            if bytes.count > 20 { return nil }
        }
        guard pending == nil else { return nil }
        self.init(bytes: bytes)
    }

    /// The 20 raw bytes.
    public var bytes: [UInt8] {
        withUnsafeBytes(of: oid.id) { Array($0) }
    }

    /// Full lowercase hexadecimal, as `git rev-parse` prints it.
    public var hex: String {
        let digits = Array("0123456789abcdef".utf8)
        return withUnsafeBytes(of: oid.id) { raw in
            String(unsafeUninitializedCapacity: 40) { text in
                for (index, byte) in raw.enumerated() {
                    text[2 * index] = digits[Int(byte >> 4)]
                    text[2 * index + 1] = digits[Int(byte & 0x0f)]
                }
                return 40
            }
        }
    }

    /// The first 7 hexadecimal digits, as `git log --oneline` abbreviates (not checked for uniqueness).
    public var shortHex: String { String(hex.prefix(7)) }

    public var description: String { hex }

    public static func < (lhs: ObjectID, rhs: ObjectID) -> Bool {
        (lhs.high, lhs.middle, lhs.low) < (rhs.high, rhs.middle, rhs.low)
    }
}
