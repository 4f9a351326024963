/// A model's family through `fine_tuned_from`: its ancestors up to the base model, and every descendant.
public struct Lineage: Sendable {
    /// The model asked about.
    public var subject: ModelEntry
    /// Its parent, the parent's parent, … up to the base model (the last element).
    public var ancestors: [ModelEntry]
    /// The `fine_tuned_from` id at the top of the chain when no entry has it (the verifier reports it).
    public var missingAncestor: String?
    /// The models fine-tuned from the subject, each with its own descendants, sorted by id.
    public var descendants: [LineageNode]

    /// Builds a lineage.
    public init(subject: ModelEntry, ancestors: [ModelEntry], missingAncestor: String? = nil, descendants: [LineageNode]) {
        self.subject = subject
        self.ancestors = ancestors
        self.missingAncestor = missingAncestor
        self.descendants = descendants
    }

    /// The base model: the top of the chain (the subject itself when it has no parent).
    public var base: ModelEntry { ancestors.last ?? subject }

    /// The whole family as one tree: the chain from the base down to the subject, then the descendants.
    public var tree: LineageNode {
        var node = LineageNode(entry: subject, children: descendants)
        for ancestor in ancestors { node = LineageNode(entry: ancestor, children: [node]) }
        return node
    }

    /// Every descendant, depth first.
    public var allDescendants: [ModelEntry] { descendants.flatMap(\.flattened) }
}
