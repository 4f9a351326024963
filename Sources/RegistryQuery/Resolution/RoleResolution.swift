import JSONSchema

/// The answer to a `RoleRequest`: the model chosen, and how every candidate was judged.
public struct RoleResolution: Sendable {
    /// What was asked.
    public var request: RoleRequest
    /// The model that serves the role.
    public var chosen: ModelEntry
    /// Every entry considered, in the order they were considered: the preferred one first (when
    /// given), then the entries with the role by priority (lower first, none last), then id.
    public var candidates: [RoleCandidate]

    /// Builds a resolution.
    public init(request: RoleRequest, chosen: ModelEntry, candidates: [RoleCandidate]) {
        self.request = request
        self.chosen = chosen
        self.candidates = candidates
    }

    /// Why each candidate was taken or passed over, one line each, for `--explain`.
    public var explanation: String {
        var lines = ["\(request.role) → \(chosen.id)"]
        lines.append("requires: " + RoleCandidate.requirementsText(request))
        lines.append("candidates, by priority (lower first, none last) then id:")
        let width = candidates.map(\.entry.id.count).max() ?? 0
        for candidate in candidates {
            let padding = String(repeating: " ", count: width - candidate.entry.id.count)
            lines.append("  \(candidate.entry.id)\(padding)  \(candidate.summary)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The resolution as JSON: `role`, `requires`, `model` (the chosen id), `entry` (its data) and
    /// `candidates` (`id`, `priority`, `verdict`, `reasons`).
    public var json: JSONValue {
        .object(
            JSONObject([
                ("role", .string(request.role)),
                ("requires", .array(request.allRequirements.map { .string($0.description) })),
                ("preferred", request.preferred.map(JSONValue.string) ?? .null),
                ("model", .string(chosen.id)),
                ("entry", chosen.raw),
                ("candidates", .array(candidates.map(\.json))),
            ]))
    }
}
