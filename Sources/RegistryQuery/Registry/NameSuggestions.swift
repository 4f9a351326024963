/// "Did you mean" hints: known names within a small edit distance of what was typed.
enum NameSuggestions {
    /// Up to `limit` of the `candidates` closest to `name` (case-insensitively; all at the same, smallest
    /// distance), alphabetically.
    static func closest<S: Sequence<String>>(to name: String, among candidates: S, limit: Int = 3) -> [String] {
        let target = name.lowercased()
        let allowed = max(2, target.count / 3)
        var scored: [(name: String, distance: Int)] = []
        for candidate in candidates {
            let distance = editDistance(candidate.lowercased(), target)
            if distance <= allowed || (target.count >= 3 && candidate.lowercased().contains(target)) {
                scored.append((candidate, distance))
            }
        }
        scored.sort { ($0.distance, $0.name) < ($1.distance, $1.name) }
        // Only the closest: a near miss should not bring distant names along.
        if let best = scored.first?.distance { scored.removeAll { $0.distance > best } }
        var seen = Set<String>()
        return scored.map(\.name).filter { seen.insert($0).inserted }.prefix(limit).map { $0 }
    }

    /// Levenshtein distance over characters.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
