import CGit2

// Reading commits, trees and blobs. Every object handle is owned by a `Handle` for the
// duration of one call; only values leave.
extension Repository {
    /// Resolves any revision git understands (`HEAD`, a branch or tag name, `HEAD~2`,
    /// an abbreviated id, `origin/main`, ...) to the commit it names, peeling tags.
    public func resolveCommit(_ revision: String) throws(GitError) -> ObjectID {
        let object = try Handle.make("resolving revision '\(revision)'", free: git_object_free) {
            git_revparse_single(&$0, handle, revision)
        }
        let commit = try Handle.make("resolving revision '\(revision)' to a commit", free: git_object_free) {
            git_object_peel(&$0, object.pointer, GIT_OBJECT_COMMIT)
        }
        return withExtendedLifetime(commit) { ObjectID(git_object_id(commit.pointer).pointee) }
    }

    /// The commit with this id, copied out.
    public func commit(_ id: ObjectID) throws(GitError) -> Commit {
        Commit(copying: try lookupCommit(id))
    }

    /// The entry at `path` (`a/b/c.yaml`, relative to the tree), or nil when there is none.
    public func entry(at path: String, inTree tree: ObjectID) throws(GitError) -> TreeEntry? {
        let components = Self.components(of: path)
        guard !components.isEmpty else { return nil }
        // Raw trees, kept for the next reader: a large folder is found by scanning its bytes, not parsed, and a
        // commit that edits a file there next reads it from memory.
        var current = try rawTree(tree)
        for (index, name) in components.enumerated() {
            guard let entry = try current.entry(named: Array(name.utf8)) else { return nil }
            let found = current.treeEntry(entry)
            if index == components.count - 1 { return found }
            guard found.kind == .tree else { return nil }
            current = try rawTree(found.id)
        }
        return nil
    }

    /// The entries of the directory at `path` in a commit (`""` is the root), in git's order;
    /// empty when the path does not exist. A path naming a file is an error.
    public func entries(ofTreeAt path: String, inCommit commit: ObjectID) throws(GitError) -> [TreeEntry] {
        let rootID = try rootTreeID(of: commit)
        var treeID = rootID
        if !Self.components(of: path).isEmpty {
            let root = try lookupTree(rootID)
            guard let entry = try withExtendedLifetime(root, { () throws(GitError) in try entry(at: path, in: root) }) else {
                return []
            }
            guard entry.kind == .tree else {
                throw GitError(operation: "listing \(path) in \(commit.shortHex)", code: GIT_EINVALID.rawValue,
                               message: "'\(path)' is not a directory")
            }
            treeID = entry.id
        }
        // From the tree's raw bytes (kept for a while: a diff that just read the same tree costs nothing more), not
        // through libgit2's parsed tree: a registry folder has thousands of entries.
        let tree = try rawTree(treeID)
        var entries = [TreeEntry]()
        var offset = 0
        while let entry = try tree.entry(at: offset) {
            entries.append(tree.treeEntry(entry))
            offset = entry.end
        }
        return entries
    }

    /// The id of the directory at `path` in a commit (`""` is the root tree), or nil when the
    /// commit or the directory does not exist. Cheap: made to skip commits whose subtree did not
    /// change while walking a long history.
    public func treeID(at path: String, inCommit commit: ObjectID) -> ObjectID? {
        guard let rootID = try? rootTreeID(of: commit) else { return nil }
        let components = Self.components(of: path)
        if components.isEmpty { return rootID }
        var treeID = rootID
        for name in components {
            guard let tree = try? lookupTree(treeID) else { return nil }
            let next: ObjectID? = withExtendedLifetime(tree) {
                // Borrowed from the tree: no allocation, a binary search by name.
                guard let entry = git_tree_entry_byname(tree.pointer, name),
                      git_tree_entry_type(entry) == GIT_OBJECT_TREE else { return nil }
                return ObjectID(git_tree_entry_id(entry).pointee)
            }
            guard let next else { return nil }
            treeID = next
        }
        return treeID
    }

    /// The bytes of a blob.
    public func blob(_ id: ObjectID) throws(GitError) -> [UInt8] {
        var oid = id.oid
        let blob = try Handle.make("reading blob \(id.hex)", free: git_blob_free) {
            git_blob_lookup(&$0, handle, &oid)
        }
        return Self.bytes(of: blob)
    }

    /// The bytes of the file at `path` in a commit, or nil when there is no such path.
    /// A path naming a directory or a submodule is an error.
    public func blob(at path: String, inCommit commit: ObjectID) throws(GitError) -> [UInt8]? {
        guard let entry = try entry(at: path, inTree: try rootTreeID(of: commit)) else { return nil }
        guard entry.kind == .blob else {
            throw GitError(operation: "reading \(path) in \(commit.shortHex)", code: GIT_EINVALID.rawValue,
                           message: "'\(path)' is not a file")
        }
        return try blob(entry.id)
    }

    // MARK: Internals shared by the other files

    func lookupCommit(_ id: ObjectID) throws(GitError) -> Handle {
        var oid = id.oid
        return try Handle.make("reading commit \(id.hex)", free: git_commit_free) {
            git_commit_lookup(&$0, handle, &oid)
        }
    }

    func rootTreeID(of commit: ObjectID) throws(GitError) -> ObjectID {
        let commit = try lookupCommit(commit)
        return withExtendedLifetime(commit) { ObjectID(git_commit_tree_id(commit.pointer).pointee) }
    }

    func lookupTree(_ id: ObjectID) throws(GitError) -> Handle {
        var oid = id.oid
        return try Handle.make("reading tree \(id.hex)", free: git_tree_free) {
            git_tree_lookup(&$0, handle, &oid)
        }
    }

    func entry(at path: String, in tree: Handle) throws(GitError) -> TreeEntry? {
        let components = Self.components(of: path)
        guard !components.isEmpty else { return nil }
        var pointer: OpaquePointer?
        let code = withExtendedLifetime(tree) {
            git_tree_entry_bypath(&pointer, tree.pointer, components.joined(separator: "/"))
        }
        if code == GIT_ENOTFOUND.rawValue { return nil }
        try check(code, "looking up \(path)")
        // git_tree_entry_bypath hands back a copy that we own.
        let entry = Handle(pointer!, free: git_tree_entry_free)
        return withExtendedLifetime(entry) { TreeEntry(copying: entry.pointer) }
    }

    /// The components of a repository path; leading, trailing and doubled slashes are ignored.
    static func components(of path: String) -> [String] {
        path.split(separator: "/").map(String.init)
    }

    static func bytes(of blob: Handle) -> [UInt8] {
        withExtendedLifetime(blob) {
            let size = Int(git_blob_rawsize(blob.pointer))
            guard size > 0, let content = git_blob_rawcontent(blob.pointer) else { return [] }
            return Array(UnsafeRawBufferPointer(start: content, count: size))
        }
    }
}
