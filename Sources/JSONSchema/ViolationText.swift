/// Wording shared by violation messages: how values and lists of values are shown to people.
enum ViolationText {
    static let maximumValueLength = 60
    static let maximumListedValues = 8

    /// A value in backticks: strings as written (`` `fp33` ``), others as compact JSON, cut
    /// short with `…` when long.
    static func quoted(_ value: JSONValue) -> String {
        "`" + plain(value) + "`"
    }

    /// A value without quotes: strings as written, others as compact JSON.
    static func plain(_ value: JSONValue) -> String {
        switch value {
        case .string(let string): return truncated(string)
        default: return truncated(value.serialized(pretty: false))
        }
    }

    /// What was found, for `type` messages: `string "abc"`, `integer 5`, `null`, `object`.
    static func found(_ value: JSONValue) -> String {
        let type = JSONType(of: value).rawValue
        switch value {
        case .null, .array, .object: return type
        case .string(let string): return type + " " + truncated(JSONValue.string(string).serialized(pretty: false))
        default: return type + " " + value.serialized(pretty: false)
        }
    }

    /// `a`, `a or b`, `a, b or c`.
    static func alternatives(_ names: [String]) -> String {
        switch names.count {
        case 0: return "nothing"
        case 1: return names[0]
        default: return names.dropLast().joined(separator: ", ") + " or " + names[names.count - 1]
        }
    }

    /// The values of an `enum`, comma-separated, with `…` after `maximumListedValues`.
    static func list(_ values: [JSONValue]) -> String {
        var shown = values.prefix(maximumListedValues).map(plain)
        if values.count > maximumListedValues { shown.append("…") }
        return shown.joined(separator: ", ")
    }

    /// "1 item", "3 items".
    static func count(_ number: Int, _ singular: String, _ plural: String) -> String {
        "\(number) \(number == 1 ? singular : plural)"
    }

    static func truncated(_ text: String) -> String {
        guard text.unicodeScalars.count > maximumValueLength else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.prefix(maximumValueLength - 1))) + "…"
    }

    /// The closest of `candidates` to `name` when it is close enough to be a likely typo.
    static func suggestion(for name: String, among candidates: [String]) -> String? {
        let limit = name.count <= 4 ? 1 : 2
        var best: (String, Int)?
        let length = name.utf8.count
        for candidate in candidates where abs(candidate.utf8.count - length) <= limit * 4 {
            let distance = editDistance(name, candidate, limit: limit)
            if distance <= limit, distance < best?.1 ?? Int.max { best = (candidate, distance) }
        }
        return best?.0
    }

    /// Edit distance counting insertions, deletions, substitutions and swaps of neighbours
    /// (optimal string alignment), giving up (returning `limit + 1`) once it must exceed `limit`.
    private static func editDistance(_ a: String, _ b: String, limit: Int) -> Int {
        let a = Array(a.unicodeScalars)
        let b = Array(b.unicodeScalars)
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0 ... b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1 ... a.count {
            current[0] = i
            var rowMinimum = i
            for j in 1 ... b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, beforePrevious[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > limit { return limit + 1 }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }
}
