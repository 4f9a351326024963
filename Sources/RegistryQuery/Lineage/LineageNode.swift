/// A model and the models fine-tuned from it.
public struct LineageNode: Sendable {
    /// The model.
    public var entry: ModelEntry
    /// The models fine-tuned from it, sorted by id.
    public var children: [LineageNode]

    /// Builds a node.
    public init(entry: ModelEntry, children: [LineageNode]) {
        self.entry = entry
        self.children = children
    }

    /// This entry and everything below it, depth first.
    public var flattened: [ModelEntry] { [entry] + children.flatMap(\.flattened) }
}
