import CGit2

/// A git object id (SHA-1), as a plain value: 20 bytes held inline, so ids are cheap to copy,
/// hash and compare. Ordered like their hexadecimal text.
public struct ObjectID: Sendable, Hashable, Comparable, CustomStringConvertible {
    // The 20 bytes read big-endian, so comparing the words compares the bytes in order.
    private let high: UInt64
    private let middle: UInt64
    private let low: UInt32

    /// Hashes the first eight bytes only: an id is a hash already, and tables of thousands of blob ids (the extract
    /// cache's index, the history index) hash one word instead of three.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(high)
    }

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
        var text = hex
        guard let parsed = text.withUTF8({ ObjectID(hexDigits: $0) }) else { return nil }
        self = parsed
    }

    /// Parses exactly 40 hexadecimal digits (either case) given as ASCII bytes; nil for anything else. For readers
    /// of files that hold many ids.
    public init?(hexDigits: Slice<UnsafeBufferPointer<UInt8>>) {
        self.init(hexDigits: UnsafeBufferPointer(rebasing: hexDigits))
    }

    /// Parses exactly 40 hexadecimal digits (either case) given as ASCII bytes; nil for anything else.
    public init?(hexDigits: UnsafeBufferPointer<UInt8>) {
        guard hexDigits.count == 40 else { return nil }
        func word(_ start: Int, _ count: Int) -> UInt64? {
            var value: UInt64 = 0
            var invalid: UInt8 = 0
            for index in start..<(start + count) {
                let nibble = hexNibble(hexDigits[index])
                invalid |= nibble
                value = value << 4 | UInt64(nibble & 0x0f)
            }
            return invalid & 0xf0 == 0 ? value : nil
        }
        guard let high = word(0, 16), let middle = word(16, 16), let low = word(32, 8) else { return nil }
        self.high = high
        self.middle = middle
        self.low = UInt32(low)
    }

    /// The 20 raw bytes.
    public var bytes: [UInt8] {
        withUnsafeBytes(of: oid.id) { Array($0) }
    }

    /// The id whose 20 raw bytes start at `offset` in `raw` (for readers of binary files; the caller checks the
    /// bounds).
    public init(rawBytes raw: UnsafeRawBufferPointer, at offset: Int) {
        precondition(offset >= 0 && raw.count - offset >= 20, "an object id needs 20 bytes")
        high = UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
        middle = UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
        low = UInt32(bigEndian: raw.loadUnaligned(fromByteOffset: offset + 16, as: UInt32.self))
    }

    /// Appends the 20 raw bytes to `bytes` (for writers of binary files).
    public func appendBytes(to bytes: inout [UInt8]) {
        withUnsafeBytes(of: high.bigEndian) { bytes.append(contentsOf: $0) }
        withUnsafeBytes(of: middle.bigEndian) { bytes.append(contentsOf: $0) }
        withUnsafeBytes(of: low.bigEndian) { bytes.append(contentsOf: $0) }
    }

    /// Appends the 40 lowercase hexadecimal digits to `bytes` (for writers of files that hold many ids).
    public func appendHex(to bytes: inout [UInt8]) {
        let digits: StaticString = "0123456789abcdef"
        digits.withUTF8Buffer { digits in
            for (word, count) in [(high, 16), (middle, 16), (UInt64(low), 8)] {
                for shift in stride(from: (count - 1) * 4, through: 0, by: -4) {
                    bytes.append(digits[Int((word >> UInt64(shift)) & 0xf)])
                }
            }
        }
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

/// The value of each ASCII hexadecimal digit, indexed by byte; 0xff for every other byte.
/// The value of one hexadecimal digit (either case), or 0xff for any other byte: arithmetic, not a table (a global
/// table is a lazy global behind an access check, and this runs 40 times per id read from text).
@inline(__always)
private func hexNibble(_ byte: UInt8) -> UInt8 {
    let digit = byte &- UInt8(ascii: "0")
    if digit < 10 { return digit }
    let letter = (byte | 0x20) &- UInt8(ascii: "a")
    return letter < 6 ? letter + 10 : 0xff
}
