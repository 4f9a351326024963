import CGit2

/// One file that differs between two trees: its path (relative to the trees compared) and its blob ids
/// before and after (nil where it does not exist).
public struct TreeDelta: Sendable, Hashable {
    public var path: String
    public var oldID: ObjectID?
    public var newID: ObjectID?
}

extension Repository {
    /// The files that differ between two trees (nil = the empty tree), without rename detection.
    /// libgit2 compares the trees in C, so a flat folder of thousands of files costs no Swift allocation
    /// per unchanged entry.
    public func diffTrees(_ old: ObjectID?, _ new: ObjectID?) throws(GitError) -> [TreeDelta] {
        if old == new { return [] }
        let oldTree = try old.map { id throws(GitError) in try lookupTree(id) }
        let newTree = try new.map { id throws(GitError) in try lookupTree(id) }
        var options = git_diff_options()
        try check(git_diff_options_init(&options, UInt32(GIT_DIFF_OPTIONS_VERSION)), "initialising diff options")
        options.flags |= GIT_DIFF_SKIP_BINARY_CHECK.rawValue
        let diff = try Handle.make("comparing trees", free: git_diff_free) { pointer in
            git_diff_tree_to_tree(&pointer, handle, oldTree?.pointer, newTree?.pointer, &options)
        }
        return withExtendedLifetime((diff, oldTree, newTree)) {
            let count = git_diff_num_deltas(diff.pointer)
            var deltas: [TreeDelta] = []
            deltas.reserveCapacity(count)
            for index in 0..<count {
                guard let delta = git_diff_get_delta(diff.pointer, index)?.pointee else { continue }
                let status = delta.status
                let path = String(cString: (status == GIT_DELTA_DELETED ? delta.old_file.path : delta.new_file.path))
                let oldID = status == GIT_DELTA_ADDED ? nil : ObjectID(delta.old_file.id)
                let newID = status == GIT_DELTA_DELETED ? nil : ObjectID(delta.new_file.id)
                deltas.append(TreeDelta(path: path, oldID: oldID, newID: newID))
            }
            return deltas
        }
    }
}
