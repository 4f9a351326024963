/// The keys seen so far in every open mapping, to find a duplicate as soon as it appears.
///
/// Keys are compared as Swift strings (so canonically equivalent spellings count as the same
/// key, as they would in a Swift dictionary built from the mapping later). A cheap fingerprint of
/// an ASCII key's bytes skips most string comparisons; mappings with many keys switch to a
/// dictionary.
struct MappingKeys {
    private struct Key {
        var text: String
        var fingerprint: Int
        var line: Int
    }

    /// Every open mapping's keys, innermost mapping's last.
    private var keys: [Key] = []
    /// Per open mapping: where its keys start in `keys`, or its dictionary once it grew large.
    private var scopes: [(start: Int, lines: [String: Int]?)] = []

    /// A fingerprint that matches every other: the key is not ASCII.
    static let unknownFingerprint = 0
    /// Above this many keys a mapping looks keys up in a dictionary.
    private static let linearLimit = 32

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
        scopes.append((keys.count, nil))
    }

    mutating func closeMapping() {
        let scope = scopes.removeLast()
        if scope.lines == nil { keys.removeSubrange(scope.start...) }
    }

    /// Records a key of the innermost mapping. Returns the line where the same key appeared
    /// before, or nil when it is new.
    mutating func insert(_ text: String, fingerprint: Int, line: Int) -> Int? {
        let scope = scopes.count - 1
        if scopes[scope].lines != nil {
            if let first = scopes[scope].lines![text] { return first }
            scopes[scope].lines![text] = line
            return nil
        }
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
        if keys.count - start > Self.linearLimit {
            var lines: [String: Int] = [:]
            lines.reserveCapacity((keys.count - start) * 2)
            for key in keys[start...] { lines[key.text] = key.line }
            keys.removeSubrange(start...)
            scopes[scope].lines = lines
        }
        return nil
    }
}
