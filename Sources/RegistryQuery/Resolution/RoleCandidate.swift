import JSONSchema

/// One entry considered by role resolution, with the verdict.
public struct RoleCandidate: Sendable {
    /// How a candidate was judged.
    public enum Verdict: Sendable, Hashable {
        /// Taken.
        case chosen
        /// Qualifies, but the entry with this id came first.
        case outranked(by: String)
        /// Passed over, for the reasons given.
        case rejected
    }

    /// The entry.
    public var entry: ModelEntry
    /// Whether it was taken.
    public var verdict: Verdict
    /// Why it was passed over (`deprecated, replaced by e5-large-v2`, `lacks vision`), or notes on a
    /// chosen entry (`preferred`).
    public var reasons: [String]
    /// The requirements it lacks.
    public var missing: [Capability]
    /// Whether it was named with `--prefer`.
    public var isPreferred: Bool

    /// Builds a candidate.
    public init(entry: ModelEntry, verdict: Verdict, reasons: [String], missing: [Capability], isPreferred: Bool = false) {
        self.entry = entry
        self.verdict = verdict
        self.reasons = reasons
        self.missing = missing
        self.isPreferred = isPreferred
    }

    /// `chosen`, `chosen (preferred)`, `qualifies, but x comes first`, `passed over: lacks vision`.
    public var summary: String {
        let priority = entry.priority.map { "priority \($0)" } ?? "no priority"
        switch verdict {
        case .chosen:
            return (["chosen", priority] + reasons).joined(separator: "; ")
        case .outranked(let winner):
            return "qualifies, but \(winner) comes first; \(priority)"
        case .rejected:
            return "passed over: " + reasons.joined(separator: "; ")
        }
    }

    var json: JSONValue {
        let verdict: String
        switch self.verdict {
        case .chosen: verdict = "chosen"
        case .outranked: verdict = "outranked"
        case .rejected: verdict = "rejected"
        }
        return .object(
            JSONObject([
                ("id", .string(entry.id)),
                ("priority", entry.priority.map(JSONValue.integer) ?? .null),
                ("preferred", .bool(isPreferred)),
                ("verdict", .string(verdict)),
                ("reasons", .array(reasons.map(JSONValue.string))),
            ]))
    }

    /// `vision (implied by the role caption), multi-vector`, or `nothing beyond the role`.
    static func requirementsText(_ request: RoleRequest) -> String {
        let all = request.allRequirements
        guard !all.isEmpty else { return "the role only" }
        return all.map { requirement in
            if requirement == request.impliedRequirement, !request.requirements.contains(requirement) {
                return "\(requirement) (the role \(request.role) needs it)"
            }
            return requirement.description
        }.joined(separator: ", ")
    }
}
