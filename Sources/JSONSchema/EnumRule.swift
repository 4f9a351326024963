/// A compiled `enum`: membership by JSON Schema equality, with fast paths for enums made only
/// of strings (compared through `StringProbe`s) and for long enums (a hash set).
final class EnumRule: Sendable {
    let values: [JSONValue]
    private let strings: [String]?
    private let probes: [StringProbe]
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
        probes = allStrings ? strings.map(StringProbe.init) : []
        set = values.count > 16 ? Set(values) : nil
    }

    func contains(_ value: JSONValue) -> Bool {
        if let strings, set == nil {
            guard case .string(let string) = value else { return false }
            let probe = StringProbe(string)
            for index in probes.indices where StringProbe.same(probes[index], strings[index], probe, string) {
                return true
            }
            return false
        }
        if let set { return set.contains(value) }
        return values.contains(value)
    }
}
