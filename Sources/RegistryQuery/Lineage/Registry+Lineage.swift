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
