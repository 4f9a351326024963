/// A JSON number as the validator sees it: an exact integer or a double. Comparisons between the
/// two are exact (no rounding of large integers through `Double`).
enum SchemaNumber: Sendable, Equatable, CustomStringConvertible {
    case integer(Int)
    case double(Double)

    init?(_ value: JSONValue) {
        switch value {
        case .integer(let int): self = .integer(int)
        case .number(let double): self = .double(double)
        default: return nil
        }
    }

    var description: String {
        switch self {
        case .integer(let int): return String(int)
        case .double(let double): return JSONValue.number(double).serialized(pretty: false)
        }
    }

    var isPositive: Bool {
        switch self {
        case .integer(let int): return int > 0
        case .double(let double): return double > 0 && double.isFinite
        }
    }

    /// -1, 0 or 1 as `self` is less than, equal to or greater than `other`.
    func compare(to other: SchemaNumber) -> Int {
        switch (self, other) {
        case let (.integer(a), .integer(b)): return a < b ? -1 : (a > b ? 1 : 0)
        case let (.double(a), .double(b)): return a < b ? -1 : (a > b ? 1 : 0)
        case let (.integer(a), .double(b)): return Self.compare(a, b)
        case let (.double(a), .integer(b)): return -Self.compare(b, a)
        }
    }

    /// Exact comparison of an integer with a double: -1, 0 or 1.
    static func compare(_ int: Int, _ double: Double) -> Int {
        if double.isNaN { return 1 }
        if double >= 9_223_372_036_854_775_808.0 { return -1 }
        if double < -9_223_372_036_854_775_808.0 { return 1 }
        let floor = double.rounded(.down)
        let floorInt = Int(floor)
        if int < floorInt { return -1 }
        if int > floorInt { return 1 }
        return floor == double ? 0 : -1
    }

    /// The integer a double holds exactly, if it holds one within `Int`'s range.
    static func exactInteger(_ double: Double) -> Int? {
        guard double.rounded(.towardZero) == double,
              double >= -9_223_372_036_854_775_808.0, double < 9_223_372_036_854_775_808.0
        else { return nil }
        return Int(double)
    }

    /// Whether `self` is an integer multiple of `divisor` (which must be positive), in decimal
    /// arithmetic: each double is taken as the shortest decimal that round-trips to it, so
    /// `0.0075` is a multiple of `0.0001`.
    func isMultiple(of divisor: SchemaNumber) -> Bool {
        if case let (.integer(a), .integer(b)) = (self, divisor) { return a % b == 0 }
        guard let value = DecimalParts(self), let step = DecimalParts(divisor) else { return false }
        if value.mantissa == 0 { return true }
        guard step.mantissa != 0 else { return false }
        let shift = value.exponent - step.exponent
        if shift >= 0 {
            // (m_v * 10^shift) mod m_s == 0
            let residue = value.mantissa % step.mantissa
            let power = DecimalParts.powerOfTen(shift, modulo: step.mantissa)
            return DecimalParts.multiplyModulo(residue, power, step.mantissa) == 0
        }
        // m_v mod (m_s * 10^-shift) == 0; a divisor beyond UInt64 exceeds m_v, which is non-zero.
        var bound = step.mantissa
        for _ in 0 ..< -shift {
            let (next, overflow) = bound.multipliedReportingOverflow(by: 10)
            if overflow { return false }
            bound = next
        }
        return value.mantissa % bound == 0
    }
}

/// |number| = mantissa × 10^exponent, with the mantissa free of trailing zeros.
private struct DecimalParts {
    var mantissa: UInt64
    var exponent: Int

    init?(_ number: SchemaNumber) {
        switch number {
        case .integer(let int):
            mantissa = UInt64(int.magnitude)
            exponent = 0
        case .double(let double):
            guard double.isFinite else { return nil }
            // Swift prints the shortest round-trip form, e.g. "0.0075", "1e-08", "1.5e+300".
            let text = String(double.magnitude)
            var digits: UInt64 = 0
            var fractionDigits = 0
            var inFraction = false
            var exponentPart = 0
            var index = text.utf8.startIndex
            let utf8 = text.utf8
            while index != utf8.endIndex {
                let byte = utf8[index]
                if byte == UInt8(ascii: ".") {
                    inFraction = true
                } else if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
                    let rest = String(text[text.utf8.index(after: index)...])
                    guard let parsed = Int(rest.hasPrefix("+") ? String(rest.dropFirst()) : rest)
                    else { return nil }
                    exponentPart = parsed
                    break
                } else if byte >= 0x30 && byte <= 0x39 {
                    let (scaled, overflow1) = digits.multipliedReportingOverflow(by: 10)
                    let (sum, overflow2) = scaled.addingReportingOverflow(UInt64(byte - 0x30))
                    if overflow1 || overflow2 { return nil }
                    digits = sum
                    if inFraction { fractionDigits += 1 }
                } else {
                    return nil
                }
                index = utf8.index(after: index)
            }
            mantissa = digits
            exponent = exponentPart - fractionDigits
        }
        while mantissa != 0 && mantissa % 10 == 0 {
            mantissa /= 10
            exponent += 1
        }
    }

    static func multiplyModulo(_ a: UInt64, _ b: UInt64, _ modulus: UInt64) -> UInt64 {
        let product = a.multipliedFullWidth(by: b)
        return modulus.dividingFullWidth((product.high % modulus, product.low)).remainder
    }

    static func powerOfTen(_ exponent: Int, modulo modulus: UInt64) -> UInt64 {
        var result: UInt64 = 1 % modulus
        var base: UInt64 = 10 % modulus
        var remaining = exponent
        while remaining > 0 {
            if remaining & 1 == 1 { result = multiplyModulo(result, base, modulus) }
            base = multiplyModulo(base, base, modulus)
            remaining >>= 1
        }
        return result
    }
}
