import CGit2

/// One path's change, arranged by directory for `buildTree`.
enum PendingChange {
    case file(ObjectID?)
    case directory([String: PendingChange])

    static func insert(_ components: ArraySlice<String>, _ id: ObjectID?, into level: inout [String: PendingChange], path: String) throws(GitError) {
        let name = components.first!
        if components.count == 1 {
            guard level[name] == nil else { throw conflict(path) }
            level[name] = .file(id)
            return
        }
        var nested: [String: PendingChange]
        switch level[name] {
        case nil: nested = [:]
        case .directory(let existing)?: nested = existing
        case .file?: throw conflict(path)
        }
        level[name] = nil  // keep the nested dictionary uniquely referenced while it grows
        try insert(components.dropFirst(), id, into: &nested, path: path)
        level[name] = .directory(nested)
    }

    private static func conflict(_ path: String) -> GitError {
        GitError(operation: "building a tree", code: GIT_EINVALIDSPEC.rawValue,
                 message: "'\(path)' conflicts with another change: a path cannot be both a file and a directory")
    }
}

extension [String: PendingChange] {
    /// True when some change below sets a file (rather than only removing).
    var containsAdditions: Bool {
        values.contains { change in
            switch change {
            case .file(let id): id != nil
            case .directory(let nested): nested.containsAdditions
            }
        }
    }
}
