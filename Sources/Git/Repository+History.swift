import CGit2

// Walking history and relating commits to each other.
extension Repository {
    /// The commits reachable from `tips` but not from `hiding`, newest first: children before
    /// their parents, otherwise by commit time (like `git rev-list --date-order`).
    /// With `firstParentOnly`, merges contribute only their first parent (`--first-parent`).
    public func walk(from tips: [ObjectID], hiding: [ObjectID] = [], firstParentOnly: Bool = false) throws(GitError) -> [ObjectID] {
        var commits = [ObjectID]()
        try walk(from: tips, hiding: hiding, firstParentOnly: firstParentOnly) { id in
            commits.append(id)
            return true
        }
        return commits
    }

    /// Streams the same walk as `walk(from:hiding:firstParentOnly:)`, one commit id at a time,
    /// without collecting the history; `visit` returns false to stop early.
    public func walk(
        from tips: [ObjectID], hiding: [ObjectID] = [], firstParentOnly: Bool = false,
        visit: (ObjectID) -> Bool
    ) throws(GitError) {
        // libgit2 1.5 knows nothing of shallow boundaries: its walk fails on the first missing parent.
        if isShallow {
            return try ShallowWalk(repository: self, firstParentOnly: firstParentOnly)
                .walk(from: tips, hiding: hiding, visit: visit)
        }
        let walker = try Handle.make("starting a history walk", free: git_revwalk_free) {
            git_revwalk_new(&$0, handle)
        }
        try withExtendedLifetime(walker) { () throws(GitError) in
            try check(git_revwalk_sorting(walker.pointer, GIT_SORT_TOPOLOGICAL.rawValue | GIT_SORT_TIME.rawValue),
                      "sorting a history walk")
            if firstParentOnly {
                try check(git_revwalk_simplify_first_parent(walker.pointer), "limiting a history walk to first parents")
            }
            for tip in tips {
                var oid = tip.oid
                try check(git_revwalk_push(walker.pointer, &oid), "starting a history walk at \(tip.hex)")
            }
            for hidden in hiding {
                var oid = hidden.oid
                try check(git_revwalk_hide(walker.pointer, &oid), "hiding \(hidden.hex) from a history walk")
            }
            var oid = git_oid()
            while true {
                let code = git_revwalk_next(&oid, walker.pointer)
                if code == GIT_ITEROVER.rawValue { return }
                try check(code, "walking history")
                guard visit(ObjectID(oid)) else { return }
            }
        }
    }

    /// The best common ancestor of two commits, or nil when their histories are unrelated
    /// (or either commit is missing, or the history needed lies beyond a shallow clone's cut).
    public func mergeBase(_ a: ObjectID, _ b: ObjectID) -> ObjectID? {
        var base = git_oid(), first = a.oid, second = b.oid
        guard git_merge_base(&base, handle, &first, &second) == 0 else { return nil }
        return ObjectID(base)
    }

    /// True when `a` is in the history of `b`. Like `git merge-base --is-ancestor`, a commit
    /// counts as its own ancestor. False when either commit is missing.
    public func isAncestor(_ a: ObjectID, of b: ObjectID) -> Bool {
        if a == b { return true }
        var ancestor = a.oid, descendant = b.oid
        let result = git_graph_descendant_of(handle, &descendant, &ancestor)
        if result < 0, isShallow {
            var found = false
            try? ShallowWalk(repository: self, firstParentOnly: false).walk(from: [b], hiding: []) { id in
                found = id == a
                return !found
            }
            return found
        }
        return result == 1
    }
}
