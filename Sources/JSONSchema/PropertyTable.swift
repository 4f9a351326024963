/// The `properties` of a compiled schema: name → node index.
///
/// Names are grouped by UTF-8 length, so a lookup compares the key only with names of its
/// length, using Swift's `==` (a word compare for equal short strings). Swift's `==` is
/// canonical equivalence, which for a pure-ASCII name and a key of the same byte length is
/// exactly byte equality; other names are confirmed byte by byte. Names compare by code points.
final class PropertyTable: Sendable {
    let names: [String]
    let nodes: [Int]
    private let lengths: [Int]
    private let isASCII: [Bool]
    /// Name positions ordered by length (capped at `lengthCap`), and where each length starts.
    private let order: [Int]
    private let starts: [Int]

    private static let lengthCap = 64

    convenience init() {
        self.init([])
    }

    init(_ entries: [(String, Int)]) {
        names = entries.map(\.0)
        nodes = entries.map(\.1)
        let lengths = names.map(\.utf8.count)
        let cap = Self.lengthCap
        self.lengths = lengths
        isASCII = names.map { $0.utf8.allSatisfy { $0 < 0x80 } }
        order = names.indices.sorted { min(lengths[$0], cap) < min(lengths[$1], cap) }
        var starts = [Int](repeating: 0, count: cap + 2)
        for length in lengths { starts[min(length, cap) + 1] += 1 }
        for bucket in 1 ..< starts.count { starts[bucket] += starts[bucket - 1] }
        self.starts = starts
    }

    var isEmpty: Bool { names.isEmpty }
    var count: Int { names.count }

    /// The position of `name` among `names`.
    @inline(__always)
    func position(of name: String) -> Int? {
        let length = name.utf8.count
        let bucket = min(length, Self.lengthCap)
        for slot in starts[bucket] ..< starts[bucket + 1] {
            let position = order[slot]
            if lengths[position] == length, names[position] == name,
               isASCII[position] || JSONValue.sameCodePoints(names[position], name) {
                return position
            }
        }
        return nil
    }
}
