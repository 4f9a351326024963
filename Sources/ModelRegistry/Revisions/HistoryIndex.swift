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
    static let header = "modelreg-history-index 1"

    public let registryPath: String
    public private(set) var commits: [ObjectID: IndexedCommit] = [:]
    /// Commits whose whole ancestry is indexed.
    public private(set) var tips: [ObjectID] = []

    init(registryPath: String) {
        self.registryPath = registryPath
    }

    // MARK: Updating

    /// Indexes every commit reachable from `head` that is not indexed yet; returns how many were added.
    @discardableResult
    public func update(from head: ObjectID, repository: Repository) throws(GitError) -> Int {
        if commits[head] != nil {
            remember(tip: head)
            return 0
        }
        let known = tips.filter { commits[$0] != nil }
        let fresh = try repository.walk(from: [head], hiding: known)
        var trees = TreeIDCache(repository: repository, registryPath: registryPath)
        for id in fresh {
            commits[id] = try index(id, repository: repository, trees: &trees)
        }
        remember(tip: head)
        return fresh.count
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

    // MARK: Walking

    /// Commits reachable from `head`, newest first (by committer time, children before parents when equal).
    public func commitsReachable(from head: ObjectID) -> [IndexedCommit] {
        var result: [IndexedCommit] = []
        var seen: Set<ObjectID> = [head]
        var queue = TimeHeap()
        if let first = commits[head] { queue.push(first) }
        while let next = queue.pop() {
            result.append(next)
            for parent in next.parents where !seen.contains(parent) {
                seen.insert(parent)
                if let record = commits[parent] { queue.push(record) }
            }
        }
        return result
    }

    // MARK: Storage

    /// Loads the index at `file`, or an empty one when it is missing, unreadable or for another registry folder.
    public static func load(from file: String, registryPath: String) -> HistoryIndex {
        let index = HistoryIndex(registryPath: registryPath)
        guard let data = FileManager.default.contents(atPath: file) else { return index }
        let text = String(decoding: data, as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true).makeIterator()
        guard lines.next().map(String.init) == header + "\t" + registryPath else { return index }
        var current: IndexedCommit?
        var records: [ObjectID: IndexedCommit] = [:]
        var tips: [ObjectID] = []
        while let line = lines.next() {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard let tag = fields.first else { continue }
            switch tag {
            case "T":
                guard fields.count == 2, let id = ObjectID(hex: String(fields[1])) else { return HistoryIndex(registryPath: registryPath) }
                tips.append(id)
            case "C":
                if let current { records[current.id] = current }
                guard fields.count == 4, let id = ObjectID(hex: String(fields[1])), let time = Int64(fields[2]) else {
                    return HistoryIndex(registryPath: registryPath)
                }
                let parents = fields[3].split(separator: ",").compactMap { ObjectID(hex: String($0)) }
                current = IndexedCommit(id: id, parents: parents, time: time, changes: [])
            default:
                guard let kind = EntryChange.Kind(rawValue: String(tag)), fields.count == 5 else {
                    return HistoryIndex(registryPath: registryPath)
                }
                let change = EntryChange(
                    kind: kind, oldPath: fields[1].isEmpty ? nil : String(fields[1]),
                    newPath: fields[2].isEmpty ? nil : String(fields[2]), oldBlob: ObjectID(hex: String(fields[3])),
                    newBlob: ObjectID(hex: String(fields[4])))
                current?.changes.append(change)
            }
        }
        if let current { records[current.id] = current }
        // Trust only tips whose whole ancestry is present (a torn write loses a tail, never corrupts the middle).
        index.commits = records
        index.tips = tips.filter { index.isClosed($0) }
        return index
    }

    func isClosed(_ tip: ObjectID) -> Bool {
        var stack = [tip]
        var seen: Set<ObjectID> = []
        while let id = stack.popLast() {
            guard seen.insert(id).inserted else { continue }
            guard let record = commits[id] else { return false }
            stack.append(contentsOf: record.parents)
        }
        return true
    }

    /// Writes the index atomically.
    public func save(to file: String) throws(ToolError) {
        var text = HistoryIndex.header + "\t" + registryPath + "\n"
        for tip in tips { text += "T\t\(tip.hex)\n" }
        for record in commits.values.sorted(by: { $0.time < $1.time }) {
            text += "C\t\(record.id.hex)\t\(record.time)\t\(record.parents.map(\.hex).joined(separator: ","))\n"
            for change in record.changes {
                text += "\(change.kind.rawValue)\t\(change.oldPath ?? "")\t\(change.newPath ?? "")\t\(change.oldBlob?.hex ?? "")\t\(change.newBlob?.hex ?? "")\n"
            }
        }
        try CacheDirectory.prepare((file as NSString).deletingLastPathComponent)
        try AtomicFile.write(Array(text.utf8), to: file)
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

/// A max-heap of commits by time, for newest-first walks.
struct TimeHeap {
    private var items: [IndexedCommit] = []

    mutating func push(_ item: IndexedCommit) {
        items.append(item)
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard items[child].time > items[parent].time else { break }
            items.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> IndexedCommit? {
        guard !items.isEmpty else { return nil }
        items.swapAt(0, items.count - 1)
        let top = items.removeLast()
        var parent = 0
        while true {
            let left = parent * 2 + 1
            let right = left + 1
            var largest = parent
            if left < items.count, items[left].time > items[largest].time { largest = left }
            if right < items.count, items[right].time > items[largest].time { largest = right }
            if largest == parent { break }
            items.swapAt(parent, largest)
            parent = largest
        }
        return top
    }
}
