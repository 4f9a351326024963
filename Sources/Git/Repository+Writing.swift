import CGit2

// Writing objects and moving references. Nothing here touches the index or the work tree.
extension Repository {
    /// Stores bytes as a blob and returns its id (the id `git hash-object` prints).
    public func writeBlob(_ bytes: [UInt8]) throws(GitError) -> ObjectID {
        var oid = git_oid()
        try check(git_blob_create_from_buffer(&oid, handle, bytes, bytes.count), "writing a blob of \(bytes.count) bytes")
        return ObjectID(oid)
    }

    /// The id `bytes` would have as a blob, without writing anything (`git hash-object` without `-w`).
    public static func blobID(of bytes: [UInt8]) throws(GitError) -> ObjectID {
        var oid = git_oid()
        let status = bytes.withUnsafeBytes { git_odb_hash(&oid, $0.baseAddress, $0.count, GIT_OBJECT_BLOB) }
        try check(status, "hashing a blob of \(bytes.count) bytes")
        return ObjectID(oid)
    }

    /// Writes a new root tree: `base` (nil for the empty tree) with each path in `changes`
    /// (`registry/a.yaml`, nested as deep as needed) set to a blob with mode 100644, or removed
    /// when its value is nil. Directories are created as needed and dropped once empty;
    /// removing a path that is not there changes nothing. Replacing a directory with a file or
    /// a file with a directory is an error, as is listing both `a` and `a/b`.
    public func buildTree(base: ObjectID?, changes: [String: ObjectID?]) throws(GitError) -> ObjectID {
        var root = [String: PendingChange]()
        for (path, id) in changes {
            let components = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            guard !components.contains(where: \.isEmpty) else {
                throw GitError(operation: "building a tree", code: GIT_EINVALIDSPEC.rawValue,
                               message: "'\(path)' is not a relative file path")
            }
            try PendingChange.insert(components[...], id, into: &root, path: path)
        }
        let baseTree = try base.map { id throws(GitError) in try lookupTree(id) }
        return try writeTree(base: baseTree, changes: root, path: "", isRoot: true)!
    }

    /// Writes a commit object (no reference moves: see `updateReference`). A message that does
    /// not end with a newline gets one, as git would store it.
    public func createCommit(
        tree: ObjectID, parents: [ObjectID], author: Signature, committer: Signature, message: String
    ) throws(GitError) -> ObjectID {
        let treeHandle = try lookupTree(tree)
        let parentHandles = try parents.map { id throws(GitError) in try lookupCommit(id) }
        let authorHandle = try SignatureHandle(author, "using the author signature \(author.name) <\(author.email)>")
        let committerHandle = try SignatureHandle(committer, "using the committer signature \(committer.name) <\(committer.email)>")
        let text = message.hasSuffix("\n") ? message : message + "\n"
        var parentPointers: [OpaquePointer?] = parentHandles.map(\.pointer)
        var oid = git_oid()
        let code = withExtendedLifetime((treeHandle, parentHandles, authorHandle, committerHandle)) {
            git_commit_create(
                &oid, handle, nil, authorHandle.pointer, committerHandle.pointer, nil, text,
                treeHandle.pointer, parentPointers.count, &parentPointers)
        }
        try check(code, "creating a commit")
        return ObjectID(oid)
    }

    /// Moves the reference `name` (a full name such as `refs/heads/main`) to `new` if and only if
    /// it still points at `old`; `old == nil` means it must not exist yet (an unborn branch).
    /// Writes the reflog with `logMessage`. When someone else moved the reference first the
    /// error's `isConcurrentUpdate` is true and the reference is left as they left it.
    public func updateReference(_ name: String, to new: ObjectID, expecting old: ObjectID?, logMessage: String) throws(GitError) {
        let operation = "updating \(name) to \(new.shortHex)"
        guard name.hasPrefix("refs/") else {
            throw GitError(operation: operation, code: GIT_EINVALIDSPEC.rawValue,
                           message: "'\(name)' is not a full reference name such as refs/heads/main "
                               + "(for HEAD, update the branch named by headReferenceName())")
        }
        var newOID = new.oid
        var reference: OpaquePointer?
        let code: Int32
        if let old {
            var oldOID = old.oid
            code = git_reference_create_matching(&reference, handle, name, &newOID, 1, &oldOID, logMessage)
        } else {
            code = git_reference_create(&reference, handle, name, &newOID, 0, logMessage)
        }
        // The new reference object itself is not needed: its owner frees it at once.
        if let reference { _ = Handle(reference, free: git_reference_free) }
        do {
            try check(code, operation)
        } catch {
            if let old, error.code == GIT_EMODIFIED.rawValue || error.code == GIT_ENOTFOUND.rawValue {
                let now = (try? resolveReference(name)).map { "it is now at \($0.shortHex)" } ?? "it no longer exists"
                throw GitError(operation: operation, code: GIT_EMODIFIED.rawValue,
                               message: "\(name) was moved by someone else: expected it at \(old.shortHex), \(now)")
            }
            if old == nil, error.code == GIT_EEXISTS.rawValue {
                throw GitError(operation: operation, code: GIT_EEXISTS.rawValue,
                               message: "\(name) was created by someone else meanwhile (\(error.message))")
            }
            throw error
        }
    }

    func resolveReference(_ name: String) throws(GitError) -> ObjectID {
        var oid = git_oid()
        try check(git_reference_name_to_id(&oid, handle, name), "resolving \(name)")
        return ObjectID(oid)
    }

    /// Writes the tree for one directory level; nil when it ends up empty (except the root).
    private func writeTree(base: Handle?, changes: [String: PendingChange], path: String, isRoot: Bool) throws(GitError) -> ObjectID? {
        let place = path.isEmpty ? "the root tree" : "'\(path)'"
        let builder = try Handle.make("building \(place)", free: git_treebuilder_free) {
            git_treebuilder_new(&$0, handle, base?.pointer)
        }
        return try withExtendedLifetime((builder, base)) { () throws(GitError) -> ObjectID? in
            for (name, change) in changes.sorted(by: { $0.key < $1.key }) {
                let fullPath = path + name
                // Borrowed from the builder and valid only until it changes: copy what we need now.
                let existing = git_treebuilder_get(builder.pointer, name).map {
                    (id: ObjectID(git_tree_entry_id($0).pointee), isTree: git_tree_entry_type($0) == GIT_OBJECT_TREE)
                }
                switch change {
                case .file(nil):
                    if existing != nil {
                        try check(git_treebuilder_remove(builder.pointer, name), "removing '\(fullPath)'")
                    }
                case .file(let id?):
                    if existing?.isTree == true {
                        throw GitError(operation: "setting '\(fullPath)'", code: GIT_EEXISTS.rawValue,
                                       message: "'\(fullPath)' is a directory")
                    }
                    var oid = id.oid
                    try check(git_treebuilder_insert(nil, builder.pointer, name, &oid, GIT_FILEMODE_BLOB),
                              "setting '\(fullPath)' to \(id.shortHex)")
                case .directory(let nested):
                    var nestedBase: Handle?
                    if let existing {
                        guard existing.isTree else {
                            if nested.containsAdditions {
                                throw GitError(operation: "setting files under '\(fullPath)'", code: GIT_EEXISTS.rawValue,
                                               message: "'\(fullPath)' is a file, not a directory")
                            }
                            continue  // removing paths below a file: nothing is there
                        }
                        nestedBase = try lookupTree(existing.id)
                    } else if !nested.containsAdditions {
                        continue  // removing paths below a missing directory: nothing is there
                    }
                    if let treeID = try writeTree(base: nestedBase, changes: nested, path: fullPath + "/", isRoot: false) {
                        var oid = treeID.oid
                        try check(git_treebuilder_insert(nil, builder.pointer, name, &oid, GIT_FILEMODE_TREE),
                                  "setting directory '\(fullPath)'")
                    } else if existing != nil {
                        try check(git_treebuilder_remove(builder.pointer, name), "removing empty directory '\(fullPath)'")
                    }
                }
            }
            if !isRoot, git_treebuilder_entrycount(builder.pointer) == 0 { return nil }
            var oid = git_oid()
            try check(git_treebuilder_write(&oid, builder.pointer), "writing \(place)")
            return ObjectID(oid)
        }
    }
}
