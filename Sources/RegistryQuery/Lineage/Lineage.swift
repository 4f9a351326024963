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

/// Why a lineage could not be walked.
public enum LineageError: Error, Sendable, CustomStringConvertible {
    /// No entry has this id or alias; `suggestions` are close names.
    case unknownModel(String, suggestions: [String])
    /// `fine_tuned_from` loops: the ids around the loop, each fine-tuned from the next, the first repeated at the end.
    case cycle([String])

    /// What went wrong, and what to do.
    public var description: String {
        switch self {
        case .unknownModel(let name, let suggestions):
            var message = "no model with id or alias `\(name)`"
            if !suggestions.isEmpty {
                message += "; did you mean " + suggestions.map { "`\($0)`" }.joined(separator: ", ") + "?"
            }
            return message
        case .cycle(let ids):
            return "`fine_tuned_from` forms a cycle: " + ids.joined(separator: " → ")
                + "; a model cannot descend from itself (`modelreg verify` reports it as lineage-acyclic)"
        }
    }
}

extension Registry {
    /// The lineage of the entry with this id or alias.
    ///
    /// - Throws: `LineageError.unknownModel`, or `.cycle` when the ancestors loop (a registry that
    ///   passes `modelreg verify` has no cycles).
    public func lineage(of name: String) throws(LineageError) -> Lineage {
        guard let subject = lookup(name) else {
            throw .unknownModel(name, suggestions: suggestions(for: name))
        }
        var chain = [subject.id]
        var ancestors: [ModelEntry] = []
        var missing: String?
        var current = subject
        while let parentID = current.fineTunedFrom {
            if let start = chain.firstIndex(of: parentID) {
                throw .cycle(Array(chain[start...]) + [parentID])
            }
            guard let parent = self[parentID] else {
                missing = parentID
                break
            }
            chain.append(parentID)
            ancestors.append(parent)
            current = parent
        }
        var visited = Set(chain)
        return Lineage(
            subject: subject, ancestors: ancestors, missingAncestor: missing,
            descendants: descendants(of: subject.id, visited: &visited))
    }

    private func descendants(of id: String, visited: inout Set<String>) -> [LineageNode] {
        var nodes: [LineageNode] = []
        for child in children(of: id) where visited.insert(child.id).inserted {
            nodes.append(LineageNode(entry: child, children: descendants(of: child.id, visited: &visited)))
        }
        return nodes
    }
}
