/// Parses ECMA-262 pattern syntax (as with the `u` flag, lenient where Annex B is) into a
/// `PatternNode` tree.
///
/// Leniencies: `{`, `}` and `]` that cannot start or end a quantifier or class are literals;
/// a `-` next to a class escape inside `[…]` is a literal; any non-alphanumeric character may be
/// escaped. Unknown letter escapes are errors.
struct PatternParser {
    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var captureCount = 0
    private var groupNames: [String: Int]
    /// Total capture groups, known from a first pass so `\10` can be told from `\1` + `0`.
    private let totalCaptures: Int

    static func parse(_ source: String) throws(ECMAPatternError) -> (node: PatternNode, captures: Int) {
        var first = PatternParser(source, names: [:], totalCaptures: Int.max)
        _ = try first.parseWhole()
        var second = PatternParser(source, names: first.groupNames, totalCaptures: first.captureCount)
        let node = try second.parseWhole()
        return (node, second.captureCount)
    }

    private init(_ source: String, names: [String: Int], totalCaptures: Int) {
        scalars = Array(source.unicodeScalars)
        groupNames = names
        self.totalCaptures = totalCaptures
    }

    private mutating func parseWhole() throws(ECMAPatternError) -> PatternNode {
        let node = try parseDisjunction()
        if index < scalars.count {
            throw failure(scalars[index] == ")" ? "unmatched `)`" : "unexpected `\(scalars[index])`")
        }
        return node
    }

    // MARK: Structure

    private mutating func parseDisjunction() throws(ECMAPatternError) -> PatternNode {
        var alternatives = [try parseAlternative()]
        while peek == "|" {
            index += 1
            alternatives.append(try parseAlternative())
        }
        return alternatives.count == 1 ? alternatives[0] : .alternation(alternatives)
    }

    private mutating func parseAlternative() throws(ECMAPatternError) -> PatternNode {
        var terms: [PatternNode] = []
        while let next = peek, next != "|", next != ")" {
            terms.append(try parseTerm())
        }
        switch terms.count {
        case 0: return .empty
        case 1: return terms[0]
        default: return .sequence(terms)
        }
    }

    private mutating func parseTerm() throws(ECMAPatternError) -> PatternNode {
        let start = index
        let atom: PatternNode
        var quantifiable = true
        switch scalars[index] {
        case "^":
            index += 1
            atom = .inputStart
            quantifiable = false
        case "$":
            index += 1
            atom = .inputEnd
            quantifiable = false
        case "\\" where lookingAt("\\b") || lookingAt("\\B"):
            atom = .wordBoundary(negated: scalars[index + 1] == "B")
            index += 2
            quantifiable = false
        case "(":
            (atom, quantifiable) = try parseGroup()
        case "*", "+", "?":
            throw failure("nothing to repeat before `\(scalars[index])`")
        case "{":
            if quantifierBounds(at: index) != nil { throw failure("nothing to repeat before `{`") }
            index += 1
            atom = .scalar(0x7B)
        case ".":
            index += 1
            atom = .set(ScalarSet.dot)
        case "[":
            atom = .set(try parseClass())
        case "\\":
            atom = try parseAtomEscape()
        default:
            atom = .scalar(scalars[index].value)
            index += 1
        }
        guard let next = peek, next == "*" || next == "+" || next == "?" || next == "{" else { return atom }
        var minimum: Int
        var maximum: Int?
        switch next {
        case "*": minimum = 0; maximum = nil; index += 1
        case "+": minimum = 1; maximum = nil; index += 1
        case "?": minimum = 0; maximum = 1; index += 1
        default:
            guard let (low, high, end) = quantifierBounds(at: index) else { return atom }
            minimum = low
            maximum = high
            index = end
        }
        guard quantifiable else {
            index = start
            throw failure("this assertion cannot be repeated")
        }
        if let maximum, maximum < minimum { throw failure("numbers out of order in {…} quantifier") }
        var greedy = true
        if peek == "?" {
            greedy = false
            index += 1
        }
        return .quantified(atom, min: minimum, max: maximum, greedy: greedy)
    }

    /// `{n}`, `{n,}` or `{n,m}` at `position`: the bounds and the index after `}`.
    private func quantifierBounds(at position: Int) -> (Int, Int?, Int)? {
        var cursor = position + 1
        func number() -> Int? {
            var value: Int?
            while cursor < scalars.count, ("0" ... "9").contains(scalars[cursor]) {
                value = min((value ?? 0) * 10 + Int(scalars[cursor].value - 0x30), 1_000_000_000)
                cursor += 1
            }
            return value
        }
        guard let low = number() else { return nil }
        var high: Int? = low
        if cursor < scalars.count, scalars[cursor] == "," {
            cursor += 1
            high = number()
        }
        guard cursor < scalars.count, scalars[cursor] == "}" else { return nil }
        return (low, high, cursor + 1)
    }

    private mutating func parseGroup() throws(ECMAPatternError) -> (PatternNode, Bool) {
        let open = index
        index += 1
        var result: PatternNode
        var quantifiable = true
        if lookingAt("?=") || lookingAt("?!") {
            let negated = scalars[index + 1] == "!"
            index += 2
            result = .lookahead(try parseDisjunction(), negated: negated)
        } else if lookingAt("?<=") || lookingAt("?<!") {
            let negated = scalars[index + 2] == "!"
            index += 3
            result = .lookbehind(try parseDisjunction(), negated: negated)
            quantifiable = false
        } else if lookingAt("?:") {
            index += 2
            result = .group(try parseDisjunction(), capture: nil)
        } else if lookingAt("?<") {
            index += 2
            let name = try parseGroupName()
            captureCount += 1
            let number = captureCount
            if let existing = groupNames[name], existing != number {
                throw failure("duplicate group name `\(name)`")
            }
            groupNames[name] = number
            result = .group(try parseDisjunction(), capture: number)
        } else if peek == "?" {
            throw failure("invalid group syntax `(?`")
        } else {
            captureCount += 1
            let number = captureCount
            result = .group(try parseDisjunction(), capture: number)
        }
        guard peek == ")" else {
            index = open
            throw failure("unterminated group")
        }
        index += 1
        return (result, quantifiable)
    }

    /// The name of `(?<name>` or `\k<name>`, after the `<`, consuming the `>`.
    private mutating func parseGroupName() throws(ECMAPatternError) -> String {
        var name = ""
        while let next = peek, next != ">" {
            guard next.properties.isIDContinue || next == "$" else { throw failure("invalid group name") }
            name.unicodeScalars.append(next)
            index += 1
        }
        guard peek == ">", let first = name.unicodeScalars.first, first.properties.isIDStart || first == "$" || first == "_"
        else { throw failure("invalid group name") }
        index += 1
        return name
    }

    // MARK: Escapes

    private mutating func parseAtomEscape() throws(ECMAPatternError) -> PatternNode {
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

    private enum EscapeResult {
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

    private mutating func parseClass() throws(ECMAPatternError) -> ScalarSet {
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

    // MARK: Helpers

    private var peek: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    private func lookingAt(_ text: String) -> Bool {
        var cursor = index
        for scalar in text.unicodeScalars {
            guard cursor < scalars.count, scalars[cursor] == scalar else { return false }
            cursor += 1
        }
        return true
    }

    private mutating func hexDigits(count: Int) -> UInt32? {
        guard index + count <= scalars.count else { return nil }
        var value: UInt32 = 0
        for offset in 0 ..< count {
            guard let digit = Self.hexValue(scalars[index + offset]) else { return nil }
            value = value << 4 | digit
        }
        index += count
        return value
    }

    private static func hexValue(_ scalar: Unicode.Scalar) -> UInt32? {
        switch scalar {
        case "0" ... "9": return scalar.value - 0x30
        case "a" ... "f": return scalar.value - 0x61 + 10
        case "A" ... "F": return scalar.value - 0x41 + 10
        default: return nil
        }
    }

    private func failure(_ message: String) -> ECMAPatternError {
        ECMAPatternError(message: message, offset: index)
    }
}
