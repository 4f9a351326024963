/// Checks that input is UTF-8 before libyaml sees it, so the error can point at the first bad byte.
enum UTF8Check {
    enum Outcome: Equatable {
        /// Every byte is below 0x80.
        case ascii
        /// Well-formed UTF-8 with at least one multi-byte sequence.
        case utf8
        /// The byte at this offset starts (or continues) an ill-formed sequence.
        case invalid(at: Int)
    }

    /// Validates `bytes[from...]`: no overlong forms, no surrogates, nothing above U+10FFFF.
    static func validate(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Outcome {
        let count = bytes.count
        guard let base = bytes.baseAddress else { return .ascii }
        let raw = UnsafeRawPointer(base)
        var index = start
        var sawMultiByte = false
        while index < count {
            // Skip ASCII eight bytes at a time.
            while index + 8 <= count,
                raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0
            {
                index += 8
            }
            guard index < count else { break }
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            sawMultiByte = true
            let length = sequenceLength(bytes, at: index)
            guard length > 0 else { return .invalid(at: index) }
            index += length
        }
        return sawMultiByte ? .utf8 : .ascii
    }

    /// The length of the well-formed sequence starting with a non-ASCII byte at `index`, or 0.
    private static func sequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let count = bytes.count
        let lead = bytes[index]
        @inline(__always) func continuation(_ offset: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF)
            -> Bool
        {
            index + offset < count && (low...high).contains(bytes[index + offset])
        }
        switch lead {
        case 0xC2...0xDF:
            return continuation(1) ? 2 : 0
        case 0xE0:
            return continuation(1, 0xA0) && continuation(2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF:
            return continuation(1) && continuation(2) ? 3 : 0
        case 0xED:
            return continuation(1, 0x80, 0x9F) && continuation(2) ? 3 : 0
        case 0xF0:
            return continuation(1, 0x90) && continuation(2) && continuation(3) ? 4 : 0
        case 0xF1...0xF3:
            return continuation(1) && continuation(2) && continuation(3) ? 4 : 0
        case 0xF4:
            return continuation(1, 0x80, 0x8F) && continuation(2) && continuation(3) ? 4 : 0
        default:
            return 0
        }
    }
}
