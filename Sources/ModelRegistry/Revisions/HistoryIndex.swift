import Foundation
import Git

/// What one commit did to one registry file, relative to its parent(s).
public struct EntryChange: Sendable, Hashable {
    public enum Kind: String, Sendable {
        case added = "A", modified = "M", deleted = "D", renamed = "R"
    }

    public var kind: Kind
    /// The path before the commit (nil when added).
    public var oldPath: String?
    /// The path after the commit (nil when deleted).
    public var newPath: String?
    public var oldBlob: ObjectID?
    public var newBlob: ObjectID?
}

/// One commit of the history, as the index remembers it.
public struct IndexedCommit: Sendable {
    public var id: ObjectID
    public var parents: [ObjectID]
    /// Committer time, seconds since the epoch.
    public var time: Int64
    /// What it changed under the registry folder (empty for most commits).
    public var changes: [EntryChange]
}

/// For each commit reachable from the tips it has seen: its parents, its time, and which registry files it
/// changed (renames paired). Stored under `.modelreg/`, extended with only the commits that are new since the
/// last query. Records are facts about immutable commits, so they never go stale; the index is only ever
/// trusted for commits it holds, and it holds every ancestor of every commit it holds.
public final class HistoryIndex {
    public let registryPath: String
    /// The records already written, read in place; `commits` holds only those added since.
    let base: HistoryIndexView?
    public private(set) var commits: [ObjectID: IndexedCommit] = [:]
    /// Commits whose whole ancestry is indexed.
    public private(set) var tips: [ObjectID] = []

    init(registryPath: String) {
        self.registryPath = registryPath
        base = nil
    }

    /// The index as `view` holds it, to extend with new commits (its records stay where they are).
    init(_ view: HistoryIndexView) {
        registryPath = view.registryPath
        base = view
        tips = view.tips
    }

    // MARK: Updating

    /// Indexes every commit reachable from `head` that is not indexed yet; returns how many were added.
    @discardableResult
    public func update(from head: ObjectID, repository: Repository) throws(GitError) -> Int {
        if commits[head] != nil || base?.position(of: head) != nil {
            remember(tip: head)
            return 0
        }
        // Tips that a rewrite and a garbage collection removed cannot be hidden from a walk (and need not be).
        let known = tips.filter { (try? repository.commit($0)) != nil }
        let fresh = try repository.walk(from: [head], hiding: known)
        // The walk stops at the remembered tips; commits indexed under tips forgotten since are skipped here.
        // A few new commits are looked up one by one; many, through a set of every written id.
        let written = fresh.count > 64 ? Set(base.map { view in (0..<view.count).map(view.id(at:)) } ?? []) : nil
        func isWritten(_ id: ObjectID) -> Bool { written?.contains(id) ?? (base?.position(of: id) != nil) }
        var trees = TreeIDCache(repository: repository, registryPath: registryPath)
        var added = 0
        for id in fresh where commits[id] == nil && !isWritten(id) {
            commits[id] = try index(id, repository: repository, trees: &trees)
            added += 1
        }
        remember(tip: head)
        return added
    }

    private func remember(tip: ObjectID) {
        tips.removeAll { $0 == tip }
        tips.insert(tip, at: 0)
        if tips.count > 16 { tips.removeLast(tips.count - 16) }
    }

    func index(_ id: ObjectID, repository: Repository, trees: inout TreeIDCache) throws(GitError) -> IndexedCommit {
        let commit = try repository.commit(id)
        let tree = try trees.registryTree(of: id, rootTree: commit.treeID)
        var parentTrees: [ObjectID?] = []
        var parents: [ObjectID] = []
        for parent in commit.parentIDs {
            // Past a shallow clone's cut, parents are named but absent: the history starts here.
            guard let parentCommit = try? repository.commit(parent) else { continue }
            parents.append(parent)
            parentTrees.append(try trees.registryTree(of: parent, rootTree: parentCommit.treeID))
        }
        var changes: [EntryChange] = []
        // A commit whose registry folder equals one of its parents' changed nothing there (as `git log` simplifies).
        let unchanged = parentTrees.contains { $0 == tree } || (parentTrees.isEmpty && tree == nil)
        if !unchanged {
            let deltas = try repository.diffTrees(parentTrees.first ?? nil, tree)
            var kept: [TreeDelta] = []
            for delta in deltas where RegistryLocator.isModelFileName(delta.path.split(separator: "/").last.map(String.init) ?? "") {
                // In a merge, a file counts as changed only when it differs from every parent.
                var differsFromAll = true
                for other in parentTrees.dropFirst() {
                    let otherBlob = try other.flatMap { tree throws(GitError) in try repository.entry(at: delta.path, inTree: tree)?.id }
                    if otherBlob == delta.newID { differsFromAll = false }
                }
                if differsFromAll { kept.append(delta) }
            }
            changes = try pairRenames(kept, repository: repository)
        }
        return IndexedCommit(id: id, parents: parents, time: commit.committer.time, changes: changes)
    }

    /// Turns deletions and additions in one commit into renames when the files are mostly the same.
    func pairRenames(_ deltas: [TreeDelta], repository: Repository) throws(GitError) -> [EntryChange] {
        var changes: [EntryChange] = []
        var deleted: [TreeDelta] = []
        var added: [TreeDelta] = []
        for delta in deltas {
            switch (delta.oldID, delta.newID) {
            case (nil, _?): added.append(delta)
            case (_?, nil): deleted.append(delta)
            default:
                changes.append(
                    EntryChange(
                        kind: .modified, oldPath: join(registryPath, delta.path), newPath: join(registryPath, delta.path),
                        oldBlob: delta.oldID, newBlob: delta.newID))
            }
        }
        var unmatchedAdded = added
        if !deleted.isEmpty && !added.isEmpty && deleted.count * added.count <= 400 {
            var lines: [ObjectID: Set<Substring>] = [:]
            func lineSet(_ id: ObjectID) throws(GitError) -> Set<Substring> {
                if let cached = lines[id] { return cached }
                let text = String(decoding: try repository.blob(id), as: UTF8.self)
                let set = Set(text.split(separator: "\n").filter { !$0.trimmingWhitespace.isEmpty })
                lines[id] = set
                return set
            }
            for old in deleted {
                var best: (index: Int, score: Double)?
                for (index, new) in unmatchedAdded.enumerated() {
                    let a = try lineSet(old.oldID!)
                    let b = try lineSet(new.newID!)
                    let score = Double(a.intersection(b).count) / Double(max(1, a.union(b).count))
                    if score >= 0.5, score > (best?.score ?? 0) { best = (index, score) }
                }
                if let best {
                    let new = unmatchedAdded.remove(at: best.index)
                    changes.append(
                        EntryChange(
                            kind: .renamed, oldPath: join(registryPath, old.path), newPath: join(registryPath, new.path),
                            oldBlob: old.oldID, newBlob: new.newID))
                } else {
                    changes.append(EntryChange(kind: .deleted, oldPath: join(registryPath, old.path), oldBlob: old.oldID))
                }
            }
        } else {
            for old in deleted {
                changes.append(EntryChange(kind: .deleted, oldPath: join(registryPath, old.path), oldBlob: old.oldID))
            }
        }
        for new in unmatchedAdded {
            changes.append(EntryChange(kind: .added, newPath: join(registryPath, new.path), newBlob: new.newID))
        }
        return changes
    }

    // MARK: Storage

    /// The bytes of the index file (see `HistoryIndexFormat`): the written records as they are, the new ones after.
    func encoded() -> [UInt8] {
        if let base { return base.extended(with: Array(commits.values), tips: tips) }
        return HistoryIndexFormat.encode(commits: Array(commits.values), tips: tips, registryPath: registryPath)
    }
}

/// The registry subtree id of recent commits; a linear walk asks for each tree twice (as child and as parent).
struct TreeIDCache {
    let repository: Repository
    let registryPath: String
    private var cache: [ObjectID: ObjectID?] = [:]

    init(repository: Repository, registryPath: String) {
        self.repository = repository
        self.registryPath = registryPath
    }

    mutating func registryTree(of commit: ObjectID, rootTree: ObjectID) throws(GitError) -> ObjectID? {
        if let cached = cache[commit] { return cached }
        let tree: ObjectID?
        if registryPath.isEmpty {
            tree = rootTree
        } else {
            tree = try repository.entry(at: registryPath, inTree: rootTree).flatMap { $0.kind == .tree ? $0.id : nil }
        }
        if cache.count > 4096 { cache.removeAll(keepingCapacity: true) }
        cache[commit] = .some(tree)
        return tree
    }
}

/// A max-heap of commit positions by time, for newest-first walks; equal times come out in the order they went in.
struct TimeHeap {
    private var items: [(id: Int, time: Int64, order: Int)] = []
    private var pushed = 0

    private static func before(_ a: (id: Int, time: Int64, order: Int), _ b: (id: Int, time: Int64, order: Int)) -> Bool {
        a.time != b.time ? a.time > b.time : a.order < b.order
    }

    mutating func push(_ id: Int, time: Int64) {
        items.append((id, time, pushed))
        pushed += 1
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard Self.before(items[child], items[parent]) else { break }
            items.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> Int? {
        guard !items.isEmpty else { return nil }
        items.swapAt(0, items.count - 1)
        let top = items.removeLast()
        var parent = 0
        while true {
            let left = parent * 2 + 1
            let right = left + 1
            var first = parent
            if left < items.count, Self.before(items[left], items[first]) { first = left }
            if right < items.count, Self.before(items[right], items[first]) { first = right }
            if first == parent { break }
            items.swapAt(parent, first)
            parent = first
        }
        return top.id
    }
}
