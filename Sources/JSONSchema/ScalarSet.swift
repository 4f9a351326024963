/// A set of Unicode scalars for the pattern engine: `[a-z_]`, `\d`, `\p{Lu}`, `[^\s]`, ….
///
/// Made of sorted, merged code-point ranges plus Unicode property tests, optionally negated.
/// Membership of ASCII scalars is precomputed into a 128-bit map.
struct ScalarSet: Sendable, Equatable {
    /// A Unicode property test from `\p{…}` / `\P{…}`.
    struct Property: Sendable, Equatable {
        enum Test: Sendable, Equatable {
            /// A union of general categories, as a bit mask over `ScalarSet.categoryBit`.
            case categories(UInt32)
            case binary(BinaryProperty)
        }

        var test: Test
        var negated: Bool

        func matches(_ scalar: Unicode.Scalar) -> Bool {
            let result: Bool
            switch test {
            case .categories(let mask):
                result = mask & (1 << ScalarSet.categoryBit(scalar.properties.generalCategory)) != 0
            case .binary(let property):
                result = property.matches(scalar)
            }
            return result != negated
        }
    }

    private(set) var ranges: [ClosedRange<UInt32>]
    private(set) var properties: [Property]
    private(set) var negated: Bool
    /// Membership of scalars 0–63 and 64–127, one bit each.
    private(set) var asciiLow: UInt64 = 0
    private(set) var asciiHigh: UInt64 = 0

    init(ranges: [ClosedRange<UInt32>], properties: [Property] = [], negated: Bool = false) {
        self.ranges = Self.normalized(ranges)
        self.properties = properties
        self.negated = negated
        for scalar in 0 ..< UInt32(128) where slowContains(scalar) {
            if scalar < 64 { asciiLow |= 1 << UInt64(scalar) } else { asciiHigh |= 1 << UInt64(scalar - 64) }
        }
    }

    @inline(__always)
    func contains(_ scalar: UInt32) -> Bool {
        if scalar < 64 { return asciiLow >> UInt64(scalar) & 1 == 1 }
        if scalar < 128 { return asciiHigh >> UInt64(scalar - 64) & 1 == 1 }
        return slowContains(scalar)
    }

    private func slowContains(_ scalar: UInt32) -> Bool {
        var found = false
        var low = 0
        var high = ranges.count - 1
        while low <= high {
            let middle = (low + high) / 2
            if scalar < ranges[middle].lowerBound {
                high = middle - 1
            } else if scalar > ranges[middle].upperBound {
                low = middle + 1
            } else {
                found = true
                break
            }
        }
        if !found, !properties.isEmpty, let value = Unicode.Scalar(scalar) {
            found = properties.contains { $0.matches(value) }
        }
        return found != negated
    }

    /// The complement of `ranges` within 0…0x10FFFF.
    static func complement(_ ranges: [ClosedRange<UInt32>]) -> [ClosedRange<UInt32>] {
        var result: [ClosedRange<UInt32>] = []
        var next: UInt32 = 0
        for range in normalized(ranges) {
            if range.lowerBound > next { result.append(next ... range.lowerBound - 1) }
            next = range.upperBound + 1
        }
        if next <= 0x10FFFF { result.append(next ... 0x10FFFF) }
        return result
    }

    static func normalized(_ ranges: [ClosedRange<UInt32>]) -> [ClosedRange<UInt32>] {
        let sorted = ranges.sorted { $0.lowerBound < $1.lowerBound }
        var merged: [ClosedRange<UInt32>] = []
        for range in sorted {
            if let last = merged.last, range.lowerBound <= last.upperBound &+ 1 {
                merged[merged.count - 1] = last.lowerBound ... max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        return merged
    }

    // MARK: The ECMAScript escapes

    static let digitRanges: [ClosedRange<UInt32>] = [0x30 ... 0x39]
    static let wordRanges: [ClosedRange<UInt32>] = [0x30 ... 0x39, 0x41 ... 0x5A, 0x5F ... 0x5F, 0x61 ... 0x7A]
    /// ECMAScript WhiteSpace and LineTerminator.
    static let spaceRanges: [ClosedRange<UInt32>] = [
        0x09 ... 0x0D, 0x20 ... 0x20, 0xA0 ... 0xA0, 0x1680 ... 0x1680, 0x2000 ... 0x200A,
        0x2028 ... 0x2029, 0x202F ... 0x202F, 0x205F ... 0x205F, 0x3000 ... 0x3000, 0xFEFF ... 0xFEFF,
    ]
    /// Everything `.` matches: all but the line terminators.
    static let dot = ScalarSet(ranges: complement([0x0A ... 0x0A, 0x0D ... 0x0D, 0x2028 ... 0x2029]))

    static func isWordScalar(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x30 ... 0x39, 0x41 ... 0x5A, 0x5F, 0x61 ... 0x7A: return true
        default: return false
        }
    }

    // MARK: General categories

    static func categoryBit(_ category: Unicode.GeneralCategory) -> UInt32 {
        switch category {
        case .uppercaseLetter: return 0
        case .lowercaseLetter: return 1
        case .titlecaseLetter: return 2
        case .modifierLetter: return 3
        case .otherLetter: return 4
        case .nonspacingMark: return 5
        case .spacingMark: return 6
        case .enclosingMark: return 7
        case .decimalNumber: return 8
        case .letterNumber: return 9
        case .otherNumber: return 10
        case .connectorPunctuation: return 11
        case .dashPunctuation: return 12
        case .openPunctuation: return 13
        case .closePunctuation: return 14
        case .initialPunctuation: return 15
        case .finalPunctuation: return 16
        case .otherPunctuation: return 17
        case .mathSymbol: return 18
        case .currencySymbol: return 19
        case .modifierSymbol: return 20
        case .otherSymbol: return 21
        case .spaceSeparator: return 22
        case .lineSeparator: return 23
        case .paragraphSeparator: return 24
        case .control: return 25
        case .format: return 26
        case .surrogate: return 27
        case .privateUse: return 28
        case .unassigned: return 29
        @unknown default: return 29
        }
    }

    /// The category mask for a General_Category value name or alias (`L`, `Letter`, `Lu`,
    /// `digit`, …), as listed in Unicode's PropertyValueAliases.txt.
    static func categoryMask(named name: String) -> UInt32? {
        func bits(_ values: UInt32...) -> UInt32 { values.reduce(0) { $0 | 1 << $1 } }
        switch name {
        case "L", "Letter": return bits(0, 1, 2, 3, 4)
        case "LC", "Cased_Letter": return bits(0, 1, 2)
        case "Lu", "Uppercase_Letter": return bits(0)
        case "Ll", "Lowercase_Letter": return bits(1)
        case "Lt", "Titlecase_Letter": return bits(2)
        case "Lm", "Modifier_Letter": return bits(3)
        case "Lo", "Other_Letter": return bits(4)
        case "M", "Mark", "Combining_Mark": return bits(5, 6, 7)
        case "Mn", "Nonspacing_Mark": return bits(5)
        case "Mc", "Spacing_Mark": return bits(6)
        case "Me", "Enclosing_Mark": return bits(7)
        case "N", "Number": return bits(8, 9, 10)
        case "Nd", "Decimal_Number", "digit": return bits(8)
        case "Nl", "Letter_Number": return bits(9)
        case "No", "Other_Number": return bits(10)
        case "P", "Punctuation", "punct": return bits(11, 12, 13, 14, 15, 16, 17)
        case "Pc", "Connector_Punctuation": return bits(11)
        case "Pd", "Dash_Punctuation": return bits(12)
        case "Ps", "Open_Punctuation": return bits(13)
        case "Pe", "Close_Punctuation": return bits(14)
        case "Pi", "Initial_Punctuation": return bits(15)
        case "Pf", "Final_Punctuation": return bits(16)
        case "Po", "Other_Punctuation": return bits(17)
        case "S", "Symbol": return bits(18, 19, 20, 21)
        case "Sm", "Math_Symbol": return bits(18)
        case "Sc", "Currency_Symbol": return bits(19)
        case "Sk", "Modifier_Symbol": return bits(20)
        case "So", "Other_Symbol": return bits(21)
        case "Z", "Separator": return bits(22, 23, 24)
        case "Zs", "Space_Separator": return bits(22)
        case "Zl", "Line_Separator": return bits(23)
        case "Zp", "Paragraph_Separator": return bits(24)
        case "C", "Other": return bits(25, 26, 27, 28, 29)
        case "Cc", "Control", "cntrl": return bits(25)
        case "Cf", "Format": return bits(26)
        case "Cs", "Surrogate": return bits(27)
        case "Co", "Private_Use": return bits(28)
        case "Cn", "Unassigned": return bits(29)
        default: return nil
        }
    }
}
