import Foundation

/// Reads what `ByteWriter` wrote, from memory that stays valid while the reader is used. Every read
/// is bounds-checked: a truncated or damaged cache file fails with `CacheDamage`, never crashes.
struct ByteReader {
    let buffer: UnsafeRawBufferPointer
    var position: Int

    init(_ buffer: UnsafeRawBufferPointer, at position: Int = 0) {
        self.buffer = buffer
        self.position = position
    }

    var isAtEnd: Bool { position >= buffer.count }

    mutating func byte() throws(CacheDamage) -> UInt8 {
        guard position < buffer.count else { throw CacheDamage("unexpected end") }
        defer { position += 1 }
        return buffer[position]
    }

    mutating func varint() throws(CacheDamage) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < buffer.count else { throw CacheDamage("unexpected end in a number") }
            let byte = buffer[position]
            position += 1
            guard shift < 64 else { throw CacheDamage("number too long") }
            result |= UInt64(byte & 0x7f) << shift
            if byte < 0x80 { return result }
            shift += 7
        }
    }

    /// A length or count: a varint that must fit what is left of the buffer when `bounded`.
    mutating func count(bounded: Bool = true) throws(CacheDamage) -> Int {
        let value = try varint()
        guard value <= UInt64(Int32.max), !bounded || Int(value) <= buffer.count - position else {
            throw CacheDamage("length out of range")
        }
        return Int(value)
    }

    mutating func signed() throws(CacheDamage) -> Int64 {
        let raw = try varint()
        return Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1)
    }

    mutating func fixed64() throws(CacheDamage) -> UInt64 {
        guard buffer.count - position >= 8 else { throw CacheDamage("unexpected end") }
        defer { position += 8 }
        return UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: position, as: UInt64.self))
    }

    mutating func fixed32() throws(CacheDamage) -> UInt32 {
        guard buffer.count - position >= 4 else { throw CacheDamage("unexpected end") }
        defer { position += 4 }
        return UInt32(littleEndian: buffer.loadUnaligned(fromByteOffset: position, as: UInt32.self))
    }

    mutating func raw(_ count: Int) throws(CacheDamage) -> UnsafeRawBufferPointer {
        guard count >= 0, buffer.count - position >= count else { throw CacheDamage("unexpected end") }
        defer { position += count }
        return UnsafeRawBufferPointer(rebasing: buffer[position..<position + count])
    }

    mutating func skip(_ count: Int) throws(CacheDamage) {
        guard count >= 0, buffer.count - position >= count else { throw CacheDamage("unexpected end") }
        position += count
    }

    mutating func string() throws(CacheDamage) -> String {
        let length = try count()
        let start = position
        position += length
        return String(decoding: UnsafeRawBufferPointer(rebasing: buffer[start..<start + length]), as: UTF8.self)
    }

    /// Compares the next bytes with `expected` and steps over them when equal.
    mutating func expect(_ expected: [UInt8]) throws(CacheDamage) {
        let found = try raw(expected.count)
        guard found.elementsEqual(expected) else { throw CacheDamage("unexpected bytes") }
    }
}

/// A cache file that cannot be read as written: truncated, damaged, or from another format. The
/// cache treats it as absent and rebuilds it.
struct CacheDamage: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

extension Array where Element == UInt8 {
    /// `withUnsafeBytes` with the reader's typed error (the standard one only rethrows `any Error`).
    func withReader<T>(_ body: (UnsafeRawBufferPointer) throws(CacheDamage) -> T) throws(CacheDamage) -> T {
        try withUnsafeBytes { buffer in Result { () throws(CacheDamage) -> T in try body(buffer) } }.get()
    }
}

extension Data {
    /// `withUnsafeBytes` with the reader's typed error.
    func withReader<T>(_ body: (UnsafeRawBufferPointer) throws(CacheDamage) -> T) throws(CacheDamage) -> T {
        try withUnsafeBytes { buffer in Result { () throws(CacheDamage) -> T in try body(buffer) } }.get()
    }
}
