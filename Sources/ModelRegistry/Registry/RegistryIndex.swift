/// Looks model entries up by id or alias (aliases case-insensitively).
public struct RegistryIndex: Sendable {
    public let documents: [ModelDocument]
    private let byName: [String: Int]

    public init(documents: [ModelDocument]) {
        self.documents = documents.sorted { $0.path < $1.path }
        var byName: [String: Int] = [:]
        // Ids first, so an id always wins over another entry's alias.
        for (index, document) in self.documents.enumerated() {
            if let id = document.id, byName[id.lowercased()] == nil { byName[id.lowercased()] = index }
        }
        for (index, document) in self.documents.enumerated() {
            for alias in document.value.member("aliases")?.asArray ?? [] {
                if let name = alias.asString?.lowercased(), byName[name] == nil { byName[name] = index }
            }
        }
        self.byName = byName
    }

    /// The entry whose id or alias is `name`.
    public func lookup(_ name: String) -> ModelDocument? {
        byName[name.lowercased()].map { documents[$0] }
    }

    /// Known names close to `name`, for "did you mean" hints.
    public func suggestions(for name: String, limit: Int = 3) -> [String] {
        let target = name.lowercased()
        let scored = byName.keys.map { ($0, EditDistance.between($0, target)) }
            .filter { $0.1 <= max(2, target.count / 3) || $0.0.contains(target) }
            .sorted { ($0.1, $0.0) < ($1.1, $1.0) }
        return scored.prefix(limit).map(\.0)
    }
}

enum EditDistance {
    static func between(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in stride(from: 1, through: b.count, by: 1) {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
