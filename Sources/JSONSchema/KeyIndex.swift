/// Finds a string key's position in an array of keys: open addressing over a power-of-two
/// table, hashing the key's `StringProbe` (length and first sixteen bytes) mixed with a
/// per-process random seed. The caller decides what counts as a match, so the table stores
/// nothing but positions. Cheaper than `Dictionary<String, Int>` for the short keys of JSON.
struct KeyIndex: Sendable {
    /// Position + 1 of the key in each slot; 0 for an empty slot.
    private var slots: [Int32] = []

    private static let seed = UInt64.random(in: 0 ... UInt64.max)

    init() {}

    init(_ keys: [String]) {
        rebuild(keys)
    }

    var isEmpty: Bool { slots.isEmpty }

    /// The first position whose key `matches`, probing from `probe`'s slot.
    @inline(__always)
    func position(of probe: StringProbe, where matches: (Int) -> Bool) -> Int? {
        let mask = slots.count - 1
        var slot = Self.hash(probe) & mask
        while true {
            let entry = Int(slots[slot])
            if entry == 0 { return nil }
            if matches(entry - 1) { return entry - 1 }
            slot = (slot + 1) & mask
        }
    }

    /// Records that the last of `keys` was just appended, growing the table as needed.
    mutating func appended(_ keys: [String], probe: StringProbe) {
        if slots.isEmpty || keys.count * 2 > slots.count {
            rebuild(keys)
        } else {
            insert(keys.count - 1, probe: probe)
        }
    }

    private mutating func rebuild(_ keys: [String]) {
        var size = 16
        while size < keys.count * 2 { size *= 2 }
        slots = [Int32](repeating: 0, count: size)
        for (position, key) in keys.enumerated() { insert(position, probe: StringProbe(key)) }
    }

    private mutating func insert(_ position: Int, probe: StringProbe) {
        let mask = slots.count - 1
        var slot = Self.hash(probe) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(truncatingIfNeeded: position + 1)
    }

    @inline(__always)
    static func hash(_ probe: StringProbe) -> Int {
        var value = (probe.head ^ seed) &* 0x9E37_79B9_7F4A_7C15
        value ^= (probe.tail &+ UInt64(probe.length)) &* 0xC2B2_AE3D_27D4_EB4F
        value ^= value >> 31
        value &*= 0x1656_67B1_9E37_79F9
        value ^= value >> 29
        return Int(truncatingIfNeeded: value)
    }
}
