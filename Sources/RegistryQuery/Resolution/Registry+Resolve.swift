extension Registry {
    /// The entries that claim `role`, in resolution order: `priority` (lower first, none last), then id.
    public func entries(withRole role: String) -> [ModelEntry] {
        entries.filter { $0.hasRole(role) }.sorted(by: Self.resolutionOrder)
    }

    /// Resolution order: `priority` ascending with entries without one last, then id.
    public static func resolutionOrder(_ a: ModelEntry, _ b: ModelEntry) -> Bool {
        switch (a.priority, b.priority) {
        case let (x?, y?) where x != y: return x < y
        case (_?, nil): return true
        case (nil, _?): return false
        default: return (a.id, a.path) < (b.id, b.path)
        }
    }

    /// Which model serves a role.
    ///
    /// 1. The preferred entry, when given and it claims the role and has every requirement.
    /// 2. Else the first entry in resolution order (see `entries(withRole:)`) that is not deprecated
    ///    and has every requirement. Roles that need a modality require it (`caption` needs `vision`).
    ///
    /// - Throws: `ResolutionError` when the preferred name is unknown, no entry claims the role,
    ///   or none qualifies (with the closest misses).
    public func resolve(_ request: RoleRequest) throws(ResolutionError) -> RoleResolution {
        let requirements = request.allRequirements
        var candidates: [RoleCandidate] = []
        var chosen: ModelEntry?
        var preferredID: String?

        if let name = request.preferred {
            guard let entry = lookup(name) else {
                throw .unknownPreferred(name, suggestions: suggestions(for: name))
            }
            preferredID = entry.id
            let missing = requirements.filter { !$0.isSatisfied(by: entry) }
            var reasons = ["preferred"]
            if !entry.hasRole(request.role) { reasons.append("does not claim the role `\(request.role)`") }
            reasons += missing.map { "lacks \($0)" }
            if reasons.count == 1 {
                if let deprecation = entry.deprecation { reasons.append(Self.deprecationText(deprecation)) }
                chosen = entry
                candidates.append(RoleCandidate(entry: entry, verdict: .chosen, reasons: reasons, missing: [], isPreferred: true))
            } else {
                candidates.append(
                    RoleCandidate(entry: entry, verdict: .rejected, reasons: reasons, missing: missing, isPreferred: true))
            }
        }

        let ranked = entries(withRole: request.role).filter { $0.id != preferredID }
        for entry in ranked {
            let missing = requirements.filter { !$0.isSatisfied(by: entry) }
            var reasons: [String] = []
            if let deprecation = entry.deprecation { reasons.append(Self.deprecationText(deprecation)) }
            reasons += missing.map { "lacks \($0)" }
            let verdict: RoleCandidate.Verdict
            if !reasons.isEmpty {
                verdict = .rejected
            } else if let winner = chosen {
                verdict = .outranked(by: winner.id)
            } else {
                verdict = .chosen
                chosen = entry
            }
            candidates.append(RoleCandidate(entry: entry, verdict: verdict, reasons: reasons, missing: missing))
        }

        if let chosen { return RoleResolution(request: request, chosen: chosen, candidates: candidates) }
        let withRole = candidates.filter { $0.entry.hasRole(request.role) }
        if withRole.isEmpty {
            let known = roles
            throw .unknownRole(
                request.role, suggestions: NameSuggestions.closest(to: request.role, among: known), known: known)
        }
        // Nearest misses: fewest shortfalls first, then in resolution order.
        let closest = withRole.enumerated()
            .sorted { ($0.element.reasons.count, $0.offset) < ($1.element.reasons.count, $1.offset) }
            .prefix(3).map(\.element)
        throw .noMatch(request, closest: closest)
    }

    static func deprecationText(_ deprecation: ModelEntry.Deprecation) -> String {
        deprecation.replacedBy.map { "deprecated, replaced by \($0)" } ?? "deprecated"
    }
}
