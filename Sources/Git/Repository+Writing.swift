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
        return try writeTree(base: base, changes: root, path: "", isRoot: true)!
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
    ///
    /// Works on the base tree's raw bytes: unchanged entries are copied as they are and the changed ones are put in
    /// their place in git's order, so a one-file change to a 10,000-entry folder parses and sorts nothing.
    private func writeTree(base: ObjectID?, changes: [String: PendingChange], path: String, isRoot: Bool) throws(GitError) -> ObjectID? {
        let place = path.isEmpty ? "the root tree" : "'\(path)'"
        let tree = try base.map { id throws(GitError) in try rawTree(id) } ?? RawTree(bytes: [])
        var entries: [RawTree.Entry] = []
        var offset = 0
        while let entry = try tree.entry(at: offset) {
            entries.append(entry)
            offset = entry.end
        }
        func existing(_ name: [UInt8]) -> Int? { entries.firstIndex { tree.isNamed($0, name) } }
        var removed = Set<Int>()
        var added: [RawTree.NewEntry] = []
        for (name, change) in changes {
            let fullPath = path + name
            let nameBytes = Array(name.utf8)
            guard RawTree.isValidEntryName(nameBytes) else {
                throw GitError(operation: "setting '\(fullPath)'", code: GIT_EINVALIDSPEC.rawValue,
                               message: "'\(name)' is not a valid name for a tree entry")
            }
            let found = existing(nameBytes)
            switch change {
            case .file(nil):
                if let found { removed.insert(found) }
            case .file(let id?):
                if let found, entries[found].isTree {
                    throw GitError(operation: "setting '\(fullPath)'", code: GIT_EEXISTS.rawValue,
                                   message: "'\(fullPath)' is a directory")
                }
                // As libgit2's strict object creation does: a tree never names a blob the repository lacks.
                var oid = id.oid
                guard let database = objectDatabase, git_odb_exists(database.pointer, &oid) == 1 else {
                    throw GitError(operation: "setting '\(fullPath)' to \(id.shortHex)", code: GIT_ENOTFOUND.rawValue,
                                   message: "blob \(id.hex) is not in the repository")
                }
                if let found { removed.insert(found) }
                added.append(RawTree.NewEntry(name: nameBytes, id: id, isTree: false))
            case .directory(let nested):
                var nestedBase: ObjectID?
                if let found {
                    guard entries[found].isTree else {
                        if nested.containsAdditions {
                            throw GitError(operation: "setting files under '\(fullPath)'", code: GIT_EEXISTS.rawValue,
                                           message: "'\(fullPath)' is a file, not a directory")
                        }
                        continue  // removing paths below a file: nothing is there
                    }
                    nestedBase = tree.id(of: entries[found])
                } else if !nested.containsAdditions {
                    continue  // removing paths below a missing directory: nothing is there
                }
                if let found { removed.insert(found) }
                if let treeID = try writeTree(base: nestedBase, changes: nested, path: fullPath + "/", isRoot: false) {
                    added.append(RawTree.NewEntry(name: nameBytes, id: treeID, isTree: true))
                }
            }
        }
        if removed.isEmpty && added.isEmpty, let base { return base }
        if !isRoot, entries.count - removed.count + added.count == 0 { return nil }
        let bytes = tree.replacing(entries: entries, removed: removed, added: added)
        guard let database = objectDatabase else {
            throw GitError(operation: "writing \(place)", code: -1, message: "cannot open the object database")
        }
        var oid = git_oid()
        try check(git_odb_write(&oid, database.pointer, bytes, bytes.count, GIT_OBJECT_TREE), "writing \(place)")
        return ObjectID(oid)
    }
}
