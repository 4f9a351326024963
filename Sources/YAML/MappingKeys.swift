/// The keys seen so far in every open mapping, to find a duplicate as soon as it appears.
///
/// Keys compare as Swift strings, so canonically equivalent spellings (`café` precomposed or not)
/// count as the same key, as they would in a Swift dictionary built from the mapping later.
/// An ASCII key carries a cheap fingerprint of its bytes that settles most comparisons; a small
/// mapping is scanned, a large one gets an open-addressing table over the fingerprints (and a
/// dictionary for its non-ASCII keys).
struct MappingKeys {
    private struct Key {
        var text: String
        var fingerprint: Int
        var line: Int
    }

    private struct Scope {
        /// Where this mapping's keys start in `keys`.
        var start: Int
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

    /// Records a key of the innermost mapping. Returns the line where the same key appeared
    /// before, or nil when it is new.
    mutating func insert(_ text: String, fingerprint: Int, line: Int) -> Int? {
        let scope = scopes.count - 1
        if !scopes[scope].table.isEmpty { return insertLarge(text, fingerprint: fingerprint, line: line, scope: scope) }
        let start = scopes[scope].start
        for index in start..<keys.count {
            let other = keys[index].fingerprint
            if other == fingerprint || other == Self.unknownFingerprint || fingerprint == Self.unknownFingerprint,
                keys[index].text == text
            {
                return keys[index].line
            }
        }
        keys.append(Key(text: text, fingerprint: fingerprint, line: line))
        if keys.count - start > Self.linearLimit { buildTable(scope) }
        return nil
    }

    private mutating func insertLarge(_ text: String, fingerprint: Int, line: Int, scope: Int) -> Int? {
        if fingerprint == Self.unknownFingerprint {
            if let first = scopes[scope].nonASCII[text] { return first }
            scopes[scope].nonASCII[text] = line
        } else {
            let mask = scopes[scope].table.count - 1
            var slot = fingerprint & mask
            while true {
                let index = Int(scopes[scope].table[slot])
                if index < 0 { break }
                if keys[index].fingerprint == fingerprint && keys[index].text == text { return keys[index].line }
                slot = (slot + 1) & mask
            }
            scopes[scope].table[slot] = Int32(keys.count)
        }
        keys.append(Key(text: text, fingerprint: fingerprint, line: line))
        if (keys.count - scopes[scope].start) * 2 > scopes[scope].table.count { buildTable(scope) }
        return nil
    }

    /// (Re)builds the table of a scope with room for twice its keys.
    private mutating func buildTable(_ scope: Int) {
        let start = scopes[scope].start
        var size = 64
        while size < (keys.count - start) * 4 { size *= 2 }
        var table = [Int32](repeating: -1, count: size)
        var nonASCII: [String: Int] = [:]
        for index in start..<keys.count {
            let key = keys[index]
            if key.fingerprint == Self.unknownFingerprint {
                nonASCII[key.text] = nonASCII[key.text] ?? key.line
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
