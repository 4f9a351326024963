/// A compiled `enum`: membership by JSON Schema equality, with fast paths for enums made only
/// of strings (length first, then `==`, as in `PropertyTable`) and for long enums (a hash set).
final class EnumRule: Sendable {
    let values: [JSONValue]
    private let strings: [String]?
    private let lengths: [Int]
    private let isASCII: [Bool]
    private let set: Set<JSONValue>?

    init(_ values: [JSONValue]) {
        self.values = values
        var strings: [String] = []
        for value in values {
            guard case .string(let string) = value else { break }
            strings.append(string)
        }
        let allStrings = strings.count == values.count
        self.strings = allStrings ? strings : nil
        lengths = allStrings ? strings.map(\.utf8.count) : []
        isASCII = allStrings ? strings.map { $0.utf8.allSatisfy { $0 < 0x80 } } : []
        set = values.count > 16 ? Set(values) : nil
    }

    func contains(_ value: JSONValue) -> Bool {
        if let strings, set == nil {
            guard case .string(let string) = value else { return false }
            let length = string.utf8.count
            for index in strings.indices where lengths[index] == length && strings[index] == string {
                if isASCII[index] || JSONValue.sameCodePoints(strings[index], string) { return true }
            }
            return false
        }
        if let set { return set.contains(value) }
        return values.contains(value)
    }
}
