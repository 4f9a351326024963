import CGit2

/// One entry of a git tree: a file, a directory, a submodule or something else.
public struct TreeEntry: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// A file (regular, executable) or a symbolic link.
        case blob
        /// A directory.
        case tree
        /// A submodule: a commit of another repository.
        case commit
        case other
    }

    /// The entry's own name (the last component of its path).
    public var name: String
    public var id: ObjectID
    public var kind: Kind
    /// The raw git file mode: 0o100644, 0o100755, 0o120000 (link), 0o040000 (tree), 0o160000 (submodule).
    public var mode: UInt32

    public init(name: String, id: ObjectID, kind: Kind, mode: UInt32) {
        self.name = name
        self.id = id
        self.kind = kind
        self.mode = mode
    }

    /// Copies a `git_tree_entry`; whoever owns it must be alive during the call.
    init(copying entry: OpaquePointer) {
        name = String(cString: git_tree_entry_name(entry))
        id = ObjectID(git_tree_entry_id(entry).pointee)
        kind = Kind(git_tree_entry_type(entry))
        mode = git_tree_entry_filemode_raw(entry).rawValue
    }
}

extension TreeEntry.Kind {
    init(_ type: git_object_t) {
        switch type {
        case GIT_OBJECT_BLOB: self = .blob
        case GIT_OBJECT_TREE: self = .tree
        case GIT_OBJECT_COMMIT: self = .commit
        default: self = .other
        }
    }
}
