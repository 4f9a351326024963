/// The `properties` of a compiled schema: name → node index. Lookups take the key's
/// `StringProbe`, so most comparisons are of integers; small tables are scanned, larger ones
/// go through a `KeyIndex`. Names compare by code points.
final class PropertyTable: Sendable {
    let names: [String]
    let nodes: [Int]
    private let probes: [StringProbe]
    private let index: KeyIndex

    private static let indexThreshold = 9

    convenience init() {
        self.init([])
    }

    init(_ entries: [(String, Int)]) {
        names = entries.map(\.0)
        nodes = entries.map(\.1)
        probes = names.map(StringProbe.init)
        index = names.count >= Self.indexThreshold ? KeyIndex(names) : KeyIndex()
    }

    var isEmpty: Bool { names.isEmpty }
    var count: Int { names.count }

    /// The position of `name` among `names`.
    @inline(__always)
    func position(of name: String, probe: StringProbe) -> Int? {
        if names.count < Self.indexThreshold {
            for position in probes.indices where StringProbe.same(probes[position], names[position], probe, name) {
                return position
            }
            return nil
        }
        return index.position(of: probe) { StringProbe.same(probes[$0], names[$0], probe, name) }
    }

    /// The position of `name` among `names`, for names known when the schema is compiled.
    func position(of name: String) -> Int? {
        position(of: name, probe: StringProbe(name))
    }
}
