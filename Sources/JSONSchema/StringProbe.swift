/// A string reduced to three integers for hashing (see `KeyIndex`): its UTF-8 length and its
/// first sixteen bytes packed into two words. Strings with equal code points have equal probes.
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

    /// The probe of the string whose UTF-8 is `bytes`.
    init(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        var words: (UInt64, UInt64) = (0, 0)
        withUnsafeMutableBytes(of: &words) { target in
            target.copyMemory(from: UnsafeRawBufferPointer(start: bytes.baseAddress, count: min(bytes.count, 16)))
        }
        length = bytes.count
        head = words.0
        tail = words.1
    }
}
