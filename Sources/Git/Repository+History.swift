import CGit2
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

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

/// The history walk for shallow clones, where the commits listed in `shallow` count as having no
/// parents (as git treats them). Same order as the libgit2 walk: children before parents,
/// otherwise newest commit time first.
struct ShallowWalk {
    let repository: Repository
    let firstParentOnly: Bool
    let boundary: Set<ObjectID>
    private var parents: [ObjectID: [ObjectID]] = [:]
    private var times: [ObjectID: Int64] = [:]

    init(repository: Repository, firstParentOnly: Bool) throws(GitError) {
        self.repository = repository
        self.firstParentOnly = firstParentOnly
        boundary = try repository.shallowBoundary()
    }

    private mutating func parents(of id: ObjectID, all: Bool = false) throws(GitError) -> [ObjectID] {
        if let known = parents[id] { return all || !firstParentOnly ? known : Array(known.prefix(1)) }
        let commit = try repository.lookupCommit(id)
        let found: [ObjectID] = boundary.contains(id) ? [] : withExtendedLifetime(commit) {
            (0..<git_commit_parentcount(commit.pointer)).map { ObjectID(git_commit_parent_id(commit.pointer, $0).pointee) }
        }
        parents[id] = found
        times[id] = withExtendedLifetime(commit) { git_commit_time(commit.pointer) }
        return all || !firstParentOnly ? found : Array(found.prefix(1))
    }

    consuming func walk(from tips: [ObjectID], hiding: [ObjectID], visit: (ObjectID) -> Bool) throws(GitError) {
        // Everything reachable from a hidden commit (through all its parents) is left out.
        var hidden = Set<ObjectID>()
        var stack = hiding
        while let id = stack.popLast() {
            guard hidden.insert(id).inserted else { continue }
            stack += try parents(of: id, all: true)
        }
        var included = Set<ObjectID>()
        stack = tips
        while let id = stack.popLast() {
            guard !hidden.contains(id), included.insert(id).inserted else { continue }
            stack += try parents(of: id)
        }
        // Kahn's topological sort, taking the newest ready commit first.
        var children = [ObjectID: Int]()
        for id in included {
            for parent in try parents(of: id) where included.contains(parent) { children[parent, default: 0] += 1 }
        }
        var ready = included.filter { children[$0, default: 0] == 0 }.sorted(by: newerFirst)
        while !ready.isEmpty {
            let id = ready.removeFirst()
            guard visit(id) else { return }
            for parent in try parents(of: id) where included.contains(parent) {
                children[parent]! -= 1
                if children[parent] == 0 {
                    let position = ready.firstIndex { newerFirst(parent, $0) } ?? ready.endIndex
                    ready.insert(parent, at: position)
                }
            }
        }
    }

    private func newerFirst(_ a: ObjectID, _ b: ObjectID) -> Bool {
        let timeA = times[a] ?? 0, timeB = times[b] ?? 0
        return timeA != timeB ? timeA > timeB : a < b
    }
}

extension Repository {
    /// The commits a shallow clone was cut at (the `shallow` file in the common git directory).
    func shallowBoundary() throws(GitError) -> Set<ObjectID> {
        guard let commonDirectory = git_repository_commondir(handle).map({ String(cString: $0) }) else { return [] }
        let path = commonDirectory + "shallow"
        guard let file = fopen(path, "r") else { return [] }
        defer { fclose(file) }
        var ids = Set<ObjectID>()
        var line = [CChar](repeating: 0, count: 128)
        while fgets(&line, Int32(line.count), file) != nil {
            let text = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
                .split(whereSeparator: \.isWhitespace).first.map(String.init) ?? ""
            guard !text.isEmpty else { continue }
            guard let id = ObjectID(hex: text) else {
                throw GitError(operation: "reading \(path)", code: GIT_ERROR.rawValue, message: "'\(text)' is not a commit id")
            }
            ids.insert(id)
        }
        return ids
    }
}
