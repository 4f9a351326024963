/// A pattern decided in one left-to-right pass over the bytes, without backtracking.
///
/// Its shape: `^`, then atoms that are each an ASCII character or an ASCII-only class with a count, then `$`, where
/// no atom whose count can vary shares a character with the atoms that could take the next character (those after
/// it, up to the first that must take one). Taking as many characters as such an atom allows is then always right
/// (what it leaves, nothing after it could take), so one pass answers what the backtracking matcher would. The identifier, hash and name patterns of a model schema have this shape
/// (`^[0-9a-f]{64}$`, `^[a-z][a-z0-9-]*$`, `^[A-Za-z0-9][A-Za-z0-9._-]*/[A-Za-z0-9][A-Za-z0-9._-]*$`), and
/// `PatternMatcher` tries it first.
struct LinearPattern: Sendable {
    struct Atom: Sendable {
        /// Membership of scalars 0–63 and 64–127, one bit each; nothing above 127 belongs.
        var low: UInt64
        var high: UInt64
        var min: Int
        var max: Int?

        @inline(__always)
        func contains(_ byte: UInt8) -> Bool {
            if byte < 64 { return low >> UInt64(byte) & 1 == 1 }
            if byte < 128 { return high >> UInt64(byte - 64) & 1 == 1 }
            return false
        }
    }

    let atoms: [Atom]

    /// The linear form of a parsed pattern, or nil when it does not have that shape.
    init?(_ root: PatternNode) {
        guard case .sequence(let nodes) = root, nodes.count >= 2, case .inputStart = nodes[0],
            case .inputEnd = nodes[nodes.count - 1]
        else { return nil }
        var atoms: [Atom] = []
        for node in nodes[1..<(nodes.count - 1)] {
            guard let atom = Self.atom(node) else { return nil }
            atoms.append(atom)
        }
        // An atom whose count can vary must leave nothing that could come next: the character after it belongs to
        // one of the atoms that follow, up to the first that must take at least one.
        for (index, atom) in atoms.enumerated() where atom.max != atom.min {
            for later in atoms[(index + 1)...] {
                if atom.low & later.low != 0 || atom.high & later.high != 0 { return nil }
                if later.min > 0 { break }
            }
        }
        self.atoms = atoms
    }

    private static func atom(_ node: PatternNode) -> Atom? {
        switch node {
        case .scalar(let value):
            guard value < 128 else { return nil }
            return value < 64
                ? Atom(low: 1 << UInt64(value), high: 0, min: 1, max: 1)
                : Atom(low: 0, high: 1 << UInt64(value - 64), min: 1, max: 1)
        case .set(let set):
            // ASCII-only: not negated, no property classes, every range below 128.
            guard !set.negated, set.properties.isEmpty, set.ranges.allSatisfy({ $0.upperBound < 128 }) else { return nil }
            return Atom(low: set.asciiLow, high: set.asciiHigh, min: 1, max: 1)
        case let .quantified(inner, min, max, _):
            // Greedy or lazy gives the same answer to "does the whole input match".
            guard var atom = atom(inner), atom.min == 1, atom.max == 1 else { return nil }
            atom.min = min
            atom.max = max
            return atom
        default:
            return nil
        }
    }

    /// Whether the whole of `bytes` (UTF-8) matches.
    func matches(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var position = 0
        for atom in atoms {
            var count = 0
            let limit = atom.max ?? Int.max
            while count < limit, position < bytes.count, atom.contains(bytes[position]) {
                position += 1
                count += 1
            }
            if count < atom.min { return false }
        }
        return position == bytes.count
    }
}
