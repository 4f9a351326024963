import Foundation

/// Names compared as the uniqueness rules compare them (`caseFolded`, then Swift's `==`: canonically equivalent
/// spellings are the same name), each with the owner that claimed it first.
///
/// A name is found by a 64-bit hash of its folded bytes, worked out in place for an ASCII name (no string is made),
/// so a registry of thousands of entries fills the table without the general string hashing; only names whose hashes
/// agree are compared as strings. A name beyond ASCII is hashed in its composed (NFC) form, so that canonically
/// equivalent spellings hash alike.
struct FoldedNameTable<Owner> {
    /// Position + 1 in `hashes` and `owners` of the name in each slot; 0 for an empty slot.
    private var slots: [Int32]
    private var hashes: [UInt64] = []
    private var owners: [Owner] = []

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = [Int32](repeating: 0, count: size)
        hashes.reserveCapacity(capacity)
        owners.reserveCapacity(capacity)
    }

    /// Records `owner` as the owner of a name with hash `hash` (see `hash(_:)`), unless an earlier claim is the same
    /// name: then returns that claim's owner and records nothing. `isSame` compares an earlier owner's name with the
    /// new one; it is asked only when the hashes agree.
    mutating func claim(hash: UInt64, by owner: Owner, isSame: (Owner) -> Bool) -> Owner? {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 {
            let index = Int(slots[slot]) - 1
            if hashes[index] == hash && isSame(owners[index]) { return owners[index] }
            slot = (slot + 1) & mask
        }
        slots[slot] = Int32(truncatingIfNeeded: owners.count + 1)
        hashes.append(hash)
        owners.append(owner)
        if owners.count * 2 > slots.count { grow() }
        return nil
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for index in hashes.indices {
            var slot = Int(truncatingIfNeeded: hashes[index]) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(truncatingIfNeeded: index + 1)
        }
    }

    /// The hash of `name` folded (`folding`, the default) or as written: equal for any two names whose `caseFolded`
    /// forms (or themselves) are equal strings.
    static func hash(_ name: String, folding: Bool = true) -> UInt64 {
        if let ascii = name.utf8.withContiguousStorageIfAvailable({ asciiHash($0, folding: folding) }), let ascii {
            return ascii
        }
        let composed = (folding ? name.lowercased() : name).precomposedStringWithCanonicalMapping
        var hash = Self.seed
        for byte in composed.utf8 { hash = step(hash, byte) }
        return finish(hash)
    }

    /// The hash of two names together: the first folded, the second as written.
    static func hash(folded first: String, exact second: String) -> UInt64 {
        finish(hash(first) ^ (hash(second, folding: false) &* 0x9e37_79b9_7f4a_7c15))
    }

    /// The hash of an ASCII name (with its capitals lowercased when `folding`), or nil when a byte is beyond ASCII.
    private static func asciiHash(_ bytes: UnsafeBufferPointer<UInt8>, folding: Bool) -> UInt64? {
        var hash = Self.seed
        for byte in bytes {
            guard byte < 0x80 else { return nil }
            hash = step(hash, folding && byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte)
        }
        return finish(hash)
    }

    /// FNV-1a over the bytes, then a mix of the high bits into the low ones that pick the slot.
    private static var seed: UInt64 { 0xcbf2_9ce4_8422_2325 }

    @inline(__always)
    private static func step(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
        (hash ^ UInt64(byte)) &* 0x100_0000_01b3
    }

    @inline(__always)
    private static func finish(_ hash: UInt64) -> UInt64 {
        var value = hash ^ (hash >> 33)
        value &*= 0xff51_afd7_ed55_8ccd
        return value ^ (value >> 33)
    }
}
