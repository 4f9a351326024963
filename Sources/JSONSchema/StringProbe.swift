/// A string reduced to integers for fast exact comparison: its UTF-8 length and its first
/// sixteen bytes packed into two words. Two strings of at most sixteen bytes are equal (by code
/// points) exactly when their probes are; longer ones also need a full comparison.
struct StringProbe: Sendable, Equatable {
    let length: Int
    let head: UInt64
    let tail: UInt64

    init(_ string: String) {
        var words: (UInt64, UInt64) = (0, 0)
        let length: Int? = string.utf8.withContiguousStorageIfAvailable { bytes in
            withUnsafeMutableBytes(of: &words) { target in
                target.copyMemory(from: UnsafeRawBufferPointer(start: bytes.baseAddress, count: min(bytes.count, 16)))
            }
            return bytes.count
        }
        if let length {
            self.length = length
        } else {
            var count = 0
            withUnsafeMutableBytes(of: &words) { target in
                for byte in string.utf8 {
                    if count < 16 { target[count] = byte }
                    count += 1
                }
            }
            self.length = count
        }
        head = words.0
        tail = words.1
    }

    /// Whether the strings these probes came from are equal; `a` and `b` are those strings,
    /// consulted only when they are longer than sixteen bytes.
    @inline(__always)
    static func same(_ p: StringProbe, _ a: String, _ q: StringProbe, _ b: String) -> Bool {
        p == q && (p.length <= 16 || JSONValue.sameCodePoints(a, b))
    }
}
