/// Escapes (`\d`, `\u{…}`, `\p{…}`, backreferences) and character classes.
extension PatternParser {
    mutating func parseAtomEscape() throws(ECMAPatternError) -> PatternNode {
        let escapeStart = index
        index += 1
        guard let next = peek else { throw failure("`\\` at end of pattern") }
        switch next {
        case "1" ... "9":
            var number = 0
            while let digit = peek, ("0" ... "9").contains(digit) {
                number = min(number * 10 + Int(digit.value - 0x30), 1_000_000)
                index += 1
            }
            guard number <= totalCaptures else {
                index = escapeStart
                throw failure("backreference \\\(number) to a group that does not exist")
            }
            return .backreference(number)
        case "k":
            index += 1
            guard peek == "<" else { throw failure("expected `<` after `\\k`") }
            index += 1
            let name = try parseGroupName()
            guard let number = groupNames[name] else {
                index = escapeStart
                throw failure("backreference to unknown group `\(name)`")
            }
            return .backreference(number)
        default:
            switch try parseCharacterEscape(inClass: false) {
            case .scalar(let value): return .scalar(value)
            case .set(let set): return .set(set)
            }
        }
    }

    enum EscapeResult {
        case scalar(UInt32)
        case set(ScalarSet)
    }

    /// An escape after `\` (already consumed) that denotes a character or a set.
    private mutating func parseCharacterEscape(inClass: Bool) throws(ECMAPatternError) -> EscapeResult {
        let escapeStart = index - 1
        guard let next = peek else { throw failure("`\\` at end of pattern") }
        index += 1
        switch next {
        case "d": return .set(ScalarSet(ranges: ScalarSet.digitRanges))
        case "D": return .set(ScalarSet(ranges: ScalarSet.digitRanges, negated: true))
        case "w": return .set(ScalarSet(ranges: ScalarSet.wordRanges))
        case "W": return .set(ScalarSet(ranges: ScalarSet.wordRanges, negated: true))
        case "s": return .set(ScalarSet(ranges: ScalarSet.spaceRanges))
        case "S": return .set(ScalarSet(ranges: ScalarSet.spaceRanges, negated: true))
        case "t": return .scalar(0x09)
        case "n": return .scalar(0x0A)
        case "v": return .scalar(0x0B)
        case "f": return .scalar(0x0C)
        case "r": return .scalar(0x0D)
        case "b" where inClass: return .scalar(0x08)
        case "-" where inClass: return .scalar(0x2D)
        case "0":
            if let digit = peek, ("0" ... "9").contains(digit) {
                throw failure("octal escapes are not allowed")
            }
            return .scalar(0)
        case "c":
            guard let letter = peek, ("a" ... "z").contains(letter) || ("A" ... "Z").contains(letter) else {
                throw failure("`\\c` must be followed by a letter")
            }
            index += 1
            return .scalar(letter.value % 32)
        case "x":
            guard let value = hexDigits(count: 2) else { throw failure("`\\x` must be followed by two hex digits") }
            return .scalar(value)
        case "u":
            return .scalar(try parseUnicodeEscape(escapeStart: escapeStart))
        case "p", "P":
            return .set(try parseProperty(negated: next == "P", escapeStart: escapeStart))
        default:
            if next.isASCII && (next.properties.isAlphabetic || ("0" ... "9").contains(next)) {
                index = escapeStart
                throw failure("invalid escape `\\\(next)`")
            }
            return .scalar(next.value)
        }
    }

    private mutating func parseUnicodeEscape(escapeStart: Int) throws(ECMAPatternError) -> UInt32 {
        if peek == "{" {
            index += 1
            var value: UInt32 = 0
            var digits = 0
            while let next = peek, let digit = Self.hexValue(next) {
                value = value &* 16 &+ digit
                digits += 1
                index += 1
                if value > 0x10FFFF { break }
            }
            guard digits > 0, peek == "}", value <= 0x10FFFF else {
                index = escapeStart
                throw failure("invalid `\\u{…}` escape")
            }
            index += 1
            return value
        }
        guard let high = hexDigits(count: 4) else {
            index = escapeStart
            throw failure("`\\u` must be followed by four hex digits or `{…}`")
        }
        if (0xD800 ..< 0xDC00).contains(high), lookingAt("\\u") {
            let save = index
            index += 2
            if let low = hexDigits(count: 4), (0xDC00 ..< 0xE000).contains(low) {
                return 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
            }
            index = save
        }
        return high
    }

    private mutating func parseProperty(negated: Bool, escapeStart: Int) throws(ECMAPatternError) -> ScalarSet {
        guard peek == "{" else { throw failure("`\\p` must be followed by `{…}`") }
        index += 1
        var text = ""
        while let next = peek, next != "}" {
            text.unicodeScalars.append(next)
            index += 1
        }
        guard peek == "}" else { throw failure("unterminated `\\p{…}`") }
        index += 1
        var name = text
        if let equals = text.firstIndex(of: "=") {
            let property = text[..<equals]
            name = String(text[text.index(after: equals)...])
            guard property == "General_Category" || property == "gc" else {
                index = escapeStart
                throw ECMAPatternError(
                    message: "Unicode property `\(text)` is not supported natively", offset: escapeStart,
                    isUnsupportedConstruct: true)
            }
        }
        let test: ScalarSet.Property.Test
        if let mask = ScalarSet.categoryMask(named: name) {
            test = .categories(mask)
        } else if !text.contains("="), let binary = BinaryProperty(named: name) {
            test = .binary(binary)
        } else {
            index = escapeStart
            throw ECMAPatternError(
                message: "Unicode property `\(text)` is not supported natively", offset: escapeStart,
                isUnsupportedConstruct: true)
        }
        return ScalarSet(ranges: [], properties: [.init(test: test, negated: negated)])
    }

    // MARK: Classes

    mutating func parseClass() throws(ECMAPatternError) -> ScalarSet {
        let open = index
        index += 1
        var negated = false
        if peek == "^" {
            negated = true
            index += 1
        }
        var ranges: [ClosedRange<UInt32>] = []
        var properties: [ScalarSet.Property] = []
        func add(_ set: ScalarSet) {
            if set.properties.isEmpty {
                ranges += set.negated ? ScalarSet.complement(set.ranges) : set.ranges
            } else {
                // A lone property escape: a set with no ranges and one property.
                properties += set.properties
            }
        }
        while true {
            guard let next = peek else {
                index = open
                throw failure("unterminated character class")
            }
            if next == "]" {
                index += 1
                break
            }
            let first = try parseClassAtom()
            if peek == "-", index + 1 < scalars.count, scalars[index + 1] != "]" {
                let dash = index
                index += 1
                let second = try parseClassAtom()
                switch (first, second) {
                case let (.scalar(low), .scalar(high)):
                    guard low <= high else {
                        index = dash
                        throw failure("range out of order in character class")
                    }
                    ranges.append(low ... high)
                default:
                    // Annex B: a `-` next to a class escape is a literal.
                    for atom in [first, second] {
                        switch atom {
                        case .scalar(let value): ranges.append(value ... value)
                        case .set(let set): add(set)
                        }
                    }
                    ranges.append(0x2D ... 0x2D)
                }
            } else {
                switch first {
                case .scalar(let value): ranges.append(value ... value)
                case .set(let set): add(set)
                }
            }
        }
        return ScalarSet(ranges: ranges, properties: properties, negated: negated)
    }

    private mutating func parseClassAtom() throws(ECMAPatternError) -> EscapeResult {
        let next = scalars[index]
        index += 1
        guard next == "\\" else { return .scalar(next.value) }
        return try parseCharacterEscape(inClass: true)
    }
}
