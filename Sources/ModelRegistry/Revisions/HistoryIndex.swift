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

    /// Visits the commits reachable from `head`, newest first (by committer time, children before parents when
    /// equal), until `visit` returns false.
    public func forEachReachable(from head: ObjectID, _ visit: (IndexedCommit) throws(ToolError) -> Bool) throws(ToolError) {
        var seen: Set<ObjectID> = [head]
        var queue = TimeHeap()
        if let first = commits[head] { queue.push(first.id, time: first.time) }
        while let next = queue.pop() {
            guard let record = commits[next] else { continue }
            guard try visit(record) else { return }
            for parent in record.parents where seen.insert(parent).inserted {
                if let time = commits[parent]?.time { queue.push(parent, time: time) }
            }
        }
    }

    // MARK: Storage

    /// Loads the index at `file`, or an empty one when it is missing, unreadable or for another registry folder.
    public static func load(from file: String, registryPath: String) -> HistoryIndex {
        let index = HistoryIndex(registryPath: registryPath)
        guard let data = FileManager.default.contents(atPath: file) else { return index }
        let header = Array((Self.header + "\t" + registryPath + "\n").utf8)
        guard data.starts(with: header) else { return index }
        // Read straight from the bytes: a large repository's index has tens of thousands of lines.
        let parsed: (records: [ObjectID: IndexedCommit], tips: [ObjectID])? = data.withUnsafeBytes { raw in
            Self.records(raw.bindMemory(to: UInt8.self), from: header.count)
        }
        guard let parsed else { return index }
        // Trust only tips whose whole ancestry is present (a torn write loses a tail, never corrupts the middle).
        index.commits = parsed.records
        index.tips = index.isClosed(parsed.tips) ? parsed.tips : parsed.tips.filter { index.isClosed([$0]) }
        return index
    }

    /// The records of the file's body (after the header line); nil when a line does not parse.
    private static func records(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int)
        -> (records: [ObjectID: IndexedCommit], tips: [ObjectID])?
    {
        typealias Field = Slice<UnsafeBufferPointer<UInt8>>
        let tab = UInt8(ascii: "\t")
        var records: [ObjectID: IndexedCommit] = [:]
        var tips: [ObjectID] = []
        var current: IndexedCommit?
        func path(_ field: Field) -> String? {
            field.isEmpty ? nil : String(decoding: field, as: UTF8.self)
        }
        var position = start
        while position < bytes.count {
            let lineStart = position
            while position < bytes.count, bytes[position] != UInt8(ascii: "\n") { position += 1 }
            let line = bytes[lineStart..<position]
            position += 1
            guard let tag = line.first else { continue }
            let fields = line.split(separator: tab, omittingEmptySubsequences: false)
            switch tag {
            case UInt8(ascii: "T"):
                guard fields.count == 2, let id = ObjectID(hexDigits: fields[1]) else { return nil }
                tips.append(id)
            case UInt8(ascii: "C"):
                if let current { records[current.id] = current }
                guard fields.count == 4, let id = ObjectID(hexDigits: fields[1]), let time = Int64(decimal: fields[2]) else {
                    return nil
                }
                var parents: [ObjectID] = []
                for parent in fields[3].split(separator: UInt8(ascii: ",")) {
                    guard let parentID = ObjectID(hexDigits: parent) else { return nil }
                    parents.append(parentID)
                }
                current = IndexedCommit(id: id, parents: parents, time: time, changes: [])
            default:
                guard fields.count == 5, line.count >= 1,
                    let kind = EntryChange.Kind(rawValue: String(UnicodeScalar(tag))), fields[0].count == 1
                else { return nil }
                current?.changes.append(
                    EntryChange(
                        kind: kind, oldPath: path(fields[1]), newPath: path(fields[2]),
                        oldBlob: ObjectID(hexDigits: fields[3]), newBlob: ObjectID(hexDigits: fields[4])))
            }
        }
        if let current { records[current.id] = current }
        return (records, tips)
    }

    /// True when every ancestor of `tips` has a record.
    func isClosed(_ tips: [ObjectID]) -> Bool {
        var stack = tips
        var seen: Set<ObjectID> = []
        seen.reserveCapacity(commits.count)
        while let id = stack.popLast() {
            guard seen.insert(id).inserted else { continue }
            guard let record = commits[id] else { return false }
            stack.append(contentsOf: record.parents)
        }
        return true
    }

    /// Writes the index atomically.
    public func save(to file: String) throws(ToolError) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(64 * commits.count + 4096)
        func append(_ text: String) { bytes.append(contentsOf: text.utf8) }
        func append(_ id: ObjectID?) { if let id { id.appendHex(to: &bytes) } }
        append(HistoryIndex.header + "\t" + registryPath + "\n")
        for tip in tips {
            append("T\t")
            append(tip)
            bytes.append(UInt8(ascii: "\n"))
        }
        for record in commits.values.sorted(by: { $0.time < $1.time }) {
            append("C\t")
            append(record.id)
            append("\t\(record.time)\t")
            for (index, parent) in record.parents.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                append(parent)
            }
            bytes.append(UInt8(ascii: "\n"))
            for change in record.changes {
                append("\(change.kind.rawValue)\t\(change.oldPath ?? "")\t\(change.newPath ?? "")\t")
                append(change.oldBlob)
                bytes.append(UInt8(ascii: "\t"))
                append(change.newBlob)
                bytes.append(UInt8(ascii: "\n"))
            }
        }
        try CacheDirectory.prepare((file as NSString).deletingLastPathComponent)
        try AtomicFile.write(bytes, to: file)
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

/// A max-heap of commit ids by time, for newest-first walks; equal times come out in the order they went in.
struct TimeHeap {
    private var items: [(id: ObjectID, time: Int64, order: Int)] = []
    private var pushed = 0

    private static func before(_ a: (id: ObjectID, time: Int64, order: Int), _ b: (id: ObjectID, time: Int64, order: Int)) -> Bool {
        a.time != b.time ? a.time > b.time : a.order < b.order
    }

    mutating func push(_ id: ObjectID, time: Int64) {
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

    mutating func pop() -> ObjectID? {
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

extension Int64 {
    /// A decimal number written in ASCII digits, with an optional leading `-`; nil for anything else.
    init?(decimal digits: Slice<UnsafeBufferPointer<UInt8>>) {
        var rest = digits[...]
        let negative = rest.first == UInt8(ascii: "-")
        if negative { rest = rest.dropFirst() }
        guard !rest.isEmpty, rest.count <= 18 else { return nil }
        var value: Int64 = 0
        for digit in rest {
            guard digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int64(digit - UInt8(ascii: "0"))
        }
        self = negative ? -value : value
    }
}
