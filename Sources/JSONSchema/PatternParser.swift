/// Parses ECMA-262 pattern syntax (as with the `u` flag, lenient where Annex B is) into a
/// `PatternNode` tree.
///
/// Leniencies: `{`, `}` and `]` that cannot start or end a quantifier or class are literals;
/// a `-` next to a class escape inside `[…]` is a literal; any non-alphanumeric character may be
/// escaped. Unknown letter escapes are errors. Escapes and classes are in `+Escapes`.
struct PatternParser {
    let scalars: [Unicode.Scalar]
    var index = 0
    private var captureCount = 0
    var groupNames: [String: Int]
    /// Total capture groups, known from a first pass so `\10` can be told from `\1` + `0`.
    let totalCaptures: Int

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
    mutating func parseGroupName() throws(ECMAPatternError) -> String {
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

    // MARK: Helpers

    var peek: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    func lookingAt(_ text: String) -> Bool {
        var cursor = index
        for scalar in text.unicodeScalars {
            guard cursor < scalars.count, scalars[cursor] == scalar else { return false }
            cursor += 1
        }
        return true
    }

    mutating func hexDigits(count: Int) -> UInt32? {
        guard index + count <= scalars.count else { return nil }
        var value: UInt32 = 0
        for offset in 0 ..< count {
            guard let digit = Self.hexValue(scalars[index + offset]) else { return nil }
            value = value << 4 | digit
        }
        index += count
        return value
    }

    static func hexValue(_ scalar: Unicode.Scalar) -> UInt32? {
        switch scalar {
        case "0" ... "9": return scalar.value - 0x30
        case "a" ... "f": return scalar.value - 0x61 + 10
        case "A" ... "F": return scalar.value - 0x41 + 10
        default: return nil
        }
    }

    func failure(_ message: String) -> ECMAPatternError {
        ECMAPatternError(message: message, offset: index)
    }
}
