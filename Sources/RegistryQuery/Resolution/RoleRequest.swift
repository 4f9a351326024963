import ModelRegistry

/// A question for role resolution: which model serves `role`, with these capabilities?
public struct RoleRequest: Sendable, Hashable {
    /// The role (`retrieval`, `caption`, `chat`, …).
    public var role: String
    /// Capabilities the model must have, besides those the role implies.
    public var requirements: [Capability]
    /// An id or alias to take when it qualifies.
    public var preferred: String?

    /// A request for `role`.
    public init(role: String, requirements: [Capability] = [], preferred: String? = nil) {
        self.role = role
        self.requirements = requirements
        self.preferred = preferred
    }

    /// The capability the role itself needs (`caption`, `keywords` and `description` need `vision`),
    /// from the same table the `role-capabilities` rule enforces.
    public var impliedRequirement: Capability? {
        RoleCapabilitiesRule.requiredModality[role].map(Capability.modality)
    }

    /// The requirements given, then the implied one when it is not among them.
    public var allRequirements: [Capability] {
        var all: [Capability] = []
        for requirement in requirements where !all.contains(requirement) { all.append(requirement) }
        if let implied = impliedRequirement, !all.contains(implied) { all.append(implied) }
        return all
    }
}
