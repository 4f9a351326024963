/// Reads parameter counts written the way the registry writes them: `110M`, `22.7M`, `7.6B`, `500K`,
/// `1T`, or an exact integer.
public enum ParameterCount {
    /// The count as an integer, or nil when `text` is not a count. Exact: `22.7M` is 22,700,000.
    public static func parse(_ text: String) -> Int? {
        var digits = Substring(text)
        let multiplier: Int
        switch digits.last {
        case "K"?: multiplier = 1_000
        case "M"?: multiplier = 1_000_000
        case "B"?: multiplier = 1_000_000_000
        case "T"?: multiplier = 1_000_000_000_000
        default: multiplier = 1
        }
        if multiplier != 1 { digits.removeLast() }
        let parts = digits.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, !whole.isEmpty, whole.allSatisfy(\.isASCIIDigit) else { return nil }
        let fraction = parts.count == 2 ? parts[1] : ""
        guard parts.count == 1 || (!fraction.isEmpty && fraction.allSatisfy(\.isASCIIDigit)) else { return nil }
        // A fraction needs a suffix that can absorb it: `1.5` alone is not a parameter count.
        guard fraction.isEmpty || multiplier > 1 else { return nil }
        guard let wholeValue = Int(whole) else { return nil }
        var (total, overflow) = wholeValue.multipliedReportingOverflow(by: multiplier)
        guard !overflow else { return nil }
        var scale = multiplier
        for digit in fraction {
            scale /= 10
            guard scale > 0 else { break }
            let add = Int(String(digit))! * scale
            (total, overflow) = total.addingReportingOverflow(add)
            guard !overflow else { return nil }
        }
        return total
    }
}

extension Character {
    /// `0` to `9` only (not other scripts' digits).
    var isASCIIDigit: Bool { isASCII && isNumber }
}
