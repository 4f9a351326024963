/// The keys seen so far in every open mapping, to find a duplicate as soon as it appears.
///
/// Keys compare as Swift strings, so canonically equivalent spellings (`café` precomposed or not)
/// count as the same key, as they would in a Swift dictionary built from the mapping later.
/// An ASCII key carries a cheap fingerprint of its bytes that settles most comparisons; a small
/// mapping is scanned, a large one gets an open-addressing table over the fingerprints (and a
/// dictionary for its non-ASCII keys).
struct MappingKeys {
    /// A key by its place in the outline's texts (no copy of the string, so nothing to retain or release).
    private struct Key {
        var text: Int32
        var fingerprint: Int
        var line: Int32
    }

    private struct Scope {
        /// Where this mapping's keys start in `keys`.
        var start: Int
        /// One bit per key, chosen by its fingerprint (every bit for a non-ASCII key): a key whose bit is clear
        /// is new without a scan.
        var seen: UInt64 = 0
        /// Once the mapping is large: slots holding indexes into `keys` (-1 when free).
        var table: [Int32] = []
        /// Once the mapping is large: its non-ASCII keys → line.
        var nonASCII: [String: Int] = [:]
    }

    /// Every open mapping's keys, innermost mapping's last.
    private var keys: [Key] = []
    private var scopes: [Scope] = []

    /// The fingerprint of a key that is not ASCII; it matches every other fingerprint.
    static let unknownFingerprint = 0
    /// Above this many keys a mapping stops scanning and builds its table.
    private static let linearLimit = 24

    init() {
        keys.reserveCapacity(32)
        scopes.reserveCapacity(8)
    }

    /// FNV-1a over an ASCII key's bytes; `unknownFingerprint` for any other key.
    static func fingerprint(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var high: UInt8 = 0
        for byte in bytes {
            high |= byte
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        guard high < 0x80 else { return unknownFingerprint }
        let value = Int(truncatingIfNeeded: hash)
        return value == unknownFingerprint ? 1 : value
    }

    mutating func openMapping() {
        scopes.append(Scope(start: keys.count))
    }

    mutating func closeMapping() {
        let scope = scopes.removeLast()
        keys.removeSubrange(scope.start...)
    }

    /// Records a key of the innermost mapping: `texts[textIndex]`, whose earlier keys are in `texts` too.
    /// Returns the line where the same key appeared before, or nil when it is new.
    mutating func insert(_ textIndex: Int, fingerprint: Int, line: Int, texts: borrowing [String]) -> Int? {
        let scope = scopes.count - 1
        let text = texts[textIndex]
        if !scopes[scope].table.isEmpty {
            return insertLarge(textIndex, fingerprint: fingerprint, line: line, scope: scope, texts: texts)
        }
        let start = scopes[scope].start
        let bit: UInt64 = fingerprint == Self.unknownFingerprint ? ~0 : 1 << UInt64(fingerprint & 63)
        if scopes[scope].seen & bit != 0 {
            for index in start..<keys.count {
                let other = keys[index].fingerprint
                if other == fingerprint || other == Self.unknownFingerprint || fingerprint == Self.unknownFingerprint,
                    texts[Int(keys[index].text)] == text
                {
                    return Int(keys[index].line)
                }
            }
        }
        scopes[scope].seen |= bit
        keys.append(Key(text: Int32(textIndex), fingerprint: fingerprint, line: Int32(truncatingIfNeeded: line)))
        if keys.count - start > Self.linearLimit { buildTable(scope, texts: texts) }
        return nil
    }

    private mutating func insertLarge(
        _ textIndex: Int, fingerprint: Int, line: Int, scope: Int, texts: borrowing [String]
    ) -> Int? {
        let text = texts[textIndex]
        if fingerprint == Self.unknownFingerprint {
            if let first = scopes[scope].nonASCII[text] { return first }
            scopes[scope].nonASCII[text] = line
        } else {
            let mask = scopes[scope].table.count - 1
            var slot = fingerprint & mask
            while true {
                let index = Int(scopes[scope].table[slot])
                if index < 0 { break }
                if keys[index].fingerprint == fingerprint && texts[Int(keys[index].text)] == text {
                    return Int(keys[index].line)
                }
                slot = (slot + 1) & mask
            }
            scopes[scope].table[slot] = Int32(keys.count)
        }
        keys.append(Key(text: Int32(textIndex), fingerprint: fingerprint, line: Int32(truncatingIfNeeded: line)))
        if (keys.count - scopes[scope].start) * 2 > scopes[scope].table.count { buildTable(scope, texts: texts) }
        return nil
    }

    /// (Re)builds the table of a scope with room for twice its keys.
    private mutating func buildTable(_ scope: Int, texts: borrowing [String]) {
        let start = scopes[scope].start
        var size = 64
        while size < (keys.count - start) * 4 { size *= 2 }
        var table = [Int32](repeating: -1, count: size)
        var nonASCII: [String: Int] = [:]
        for index in start..<keys.count {
            let key = keys[index]
            if key.fingerprint == Self.unknownFingerprint {
                let text = texts[Int(key.text)]
                nonASCII[text] = nonASCII[text] ?? Int(key.line)
                continue
            }
            var slot = key.fingerprint & (size - 1)
            while table[slot] >= 0 { slot = (slot + 1) & (size - 1) }
            table[slot] = Int32(index)
        }
        scopes[scope].table = table
        scopes[scope].nonASCII = nonASCII
    }
}
