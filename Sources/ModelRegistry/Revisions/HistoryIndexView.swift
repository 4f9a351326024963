import Foundation
import Git

/// A history index file, read in place. Commits are named by their position in the file (0 ..< count).
struct HistoryIndexView {
    let registryPath: String
    let count: Int
    private let storage: Data
    private let tipCount, parentCount, changeCount, pathCount, pathByteCount, postingCount: Int
    private let tipsAt, idsAt, timesAt, parentStartsAt, parentsAt, changeStartsAt, changesAt, pathStartsAt,
        pathBytesAt, postingStartsAt, postingsAt: Int

    /// The index in `file` for `registryPath`, mapped; nil when it is missing, for another folder or damaged.
    static func open(_ file: String, registryPath: String) -> HistoryIndexView? {
        guard let data = try? Data(contentsOf: URL(fileURLWithPath: file), options: .alwaysMapped) else { return nil }
        return HistoryIndexView(data, registryPath: registryPath)
    }

    /// Reads `data` as an index for `registryPath`; nil when it is not one (any count, size or position wrong).
    init?(_ data: Data, registryPath: String) {
        let header = HistoryIndexFormat.magic.count + 8 * 4
        guard data.count >= header, data.starts(with: HistoryIndexFormat.magic) else { return nil }
        let counts = data.withUnsafeBytes { raw in
            (0..<8).map { Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 8 + 4 * $0, as: UInt32.self))) }
        }
        let (commits, tips, parents, changes, paths, pathBytes, postings, registryLength) =
            (counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], counts[6], counts[7])
        var offset = header
        guard data.count - offset >= registryLength,
            data.subdata(in: offset..<offset + registryLength) == Data(registryPath.utf8)
        else { return nil }
        offset += registryLength
        func take(_ size: Int) -> Int {
            defer { offset += size }
            return offset
        }
        self.registryPath = registryPath
        count = commits
        tipCount = tips
        parentCount = parents
        changeCount = changes
        pathCount = paths
        pathByteCount = pathBytes
        postingCount = postings
        tipsAt = take(4 * tips)
        idsAt = take(20 * commits)
        timesAt = take(8 * commits)
        parentStartsAt = take(4 * (commits + 1))
        parentsAt = take(4 * parents)
        changeStartsAt = take(4 * (commits + 1))
        changesAt = take(HistoryIndexFormat.changeSize * changes)
        pathStartsAt = take(4 * (paths + 1))
        pathBytesAt = take(pathBytes)
        postingStartsAt = take(4 * (paths + 1))
        postingsAt = take(4 * postings)
        guard offset == data.count else { return nil }
        storage = data
        guard isConsistent() else { return nil }
    }

    /// Every table's starts ascend within their table and every position names something in the file.
    private func isConsistent() -> Bool {
        storage.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Bool in
            func u32(_ at: Int, _ index: Int) -> Int {
                Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: at + 4 * index, as: UInt32.self)))
            }
            func ascending(_ at: Int, entries: Int, upTo limit: Int) -> Bool {
                guard u32(at, 0) == 0, u32(at, entries) == limit else { return false }
                for index in 0..<entries where u32(at, index) > u32(at, index + 1) { return false }
                return true
            }
            guard ascending(parentStartsAt, entries: count, upTo: parentCount),
                ascending(changeStartsAt, entries: count, upTo: changeCount),
                ascending(pathStartsAt, entries: pathCount, upTo: pathByteCount),
                ascending(postingStartsAt, entries: pathCount, upTo: postingCount)
            else { return false }
            for index in 0..<tipCount where u32(tipsAt, index) >= count { return false }
            for index in 0..<parentCount where u32(parentsAt, index) >= count { return false }
            for index in 0..<postingCount where u32(postingsAt, index) >= count { return false }
            for index in 0..<changeCount {
                let record = changesAt + HistoryIndexFormat.changeSize * index
                guard HistoryIndexFormat.kind(code: raw[record]) != nil else { return false }
                for path in [u32(record + 4, 0), u32(record + 8, 0)] where path != Int(HistoryIndexFormat.noPath) {
                    guard path < pathCount else { return false }
                }
            }
            return true
        }
    }

    private func u32(_ at: Int, _ index: Int) -> Int {
        storage.withUnsafeBytes { raw in
            Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: at + 4 * index, as: UInt32.self)))
        }
    }

    // MARK: Commits

    var tips: [ObjectID] { (0..<tipCount).map { id(at: u32(tipsAt, $0)) } }

    func id(at position: Int) -> ObjectID {
        storage.withUnsafeBytes { ObjectID(rawBytes: $0, at: idsAt + 20 * position) }
    }

    func time(at position: Int) -> Int64 {
        storage.withUnsafeBytes { Int64(littleEndian: $0.loadUnaligned(fromByteOffset: timesAt + 8 * position, as: Int64.self)) }
    }

    func parents(at position: Int) -> [Int] {
        (u32(parentStartsAt, position)..<u32(parentStartsAt, position + 1)).map { u32(parentsAt, $0) }
    }

    /// The position of the commit `id`, or nil when the index does not hold it. Tips are looked at first.
    func position(of id: ObjectID) -> Int? {
        for tip in 0..<tipCount where self.id(at: u32(tipsAt, tip)) == id { return u32(tipsAt, tip) }
        return storage.withUnsafeBytes { raw in
            for position in stride(from: count - 1, through: 0, by: -1)
            where ObjectID(rawBytes: raw, at: idsAt + 20 * position) == id {
                return position
            }
            return nil
        }
    }

    func hasChanges(at position: Int) -> Bool { u32(changeStartsAt, position) != u32(changeStartsAt, position + 1) }

    func changes(at position: Int) -> [EntryChange] {
        (u32(changeStartsAt, position)..<u32(changeStartsAt, position + 1)).map(change(record:))
    }

    /// The change of the commit at `position` that leaves a file at the path `path` (a path position), or deletes
    /// the file there; nil when it has none.
    func change(at position: Int, leaving path: Int) -> EntryChange? {
        for index in u32(changeStartsAt, position)..<u32(changeStartsAt, position + 1) {
            let record = changesAt + HistoryIndexFormat.changeSize * index
            let (kind, oldPath, newPath) = storage.withUnsafeBytes { raw in
                (raw[record], Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: record + 4, as: UInt32.self))),
                 Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: record + 8, as: UInt32.self))))
            }
            if newPath == path || (kind == HistoryIndexFormat.kindCode(.deleted) && oldPath == path) {
                return change(record: index)
            }
        }
        return nil
    }

    private func change(record index: Int) -> EntryChange {
        storage.withUnsafeBytes { raw in
            let record = changesAt + HistoryIndexFormat.changeSize * index
            func path(_ at: Int) -> String? {
                let position = Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt32.self)))
                return position == Int(HistoryIndexFormat.noPath) ? nil : self.path(at: position)
            }
            return EntryChange(
                kind: HistoryIndexFormat.kind(code: raw[record])!,
                oldPath: path(record + 4), newPath: path(record + 8),
                oldBlob: raw[record + 1] == 0 ? nil : ObjectID(rawBytes: raw, at: record + 12),
                newBlob: raw[record + 2] == 0 ? nil : ObjectID(rawBytes: raw, at: record + 32))
        }
    }

    /// Every commit record, to extend the index with new commits.
    func allCommits() -> [IndexedCommit] {
        (0..<count).map { position in
            IndexedCommit(
                id: id(at: position), parents: parents(at: position).map(id(at:)), time: time(at: position),
                changes: changes(at: position))
        }
    }

    /// The bytes of this index with `fresh` added (commits it does not hold, whose parents are in it or among them)
    /// and `tips` as the tips: the written tables are copied as they are and the new records go after them, so
    /// extending a large index by a few commits costs a copy, not a decoding of every record.
    func extended(with fresh: [IndexedCommit], tips: [ObjectID]) -> [UInt8] {
        let newPosition = Dictionary(uniqueKeysWithValues: fresh.enumerated().map { ($1.id, UInt32(count + $0)) })
        var oldPositions: [ObjectID: UInt32]?
        func position(of id: ObjectID) -> UInt32? {
            if let found = newPosition[id] { return found }
            if oldPositions == nil {
                oldPositions = Dictionary(uniqueKeysWithValues: (0..<count).map { (self.id(at: $0), UInt32($0)) })
            }
            return oldPositions![id]
        }
        var oldPaths: [String: UInt32]?
        var newPaths: [String] = []
        var newPathPosition: [String: UInt32] = [:]
        var newPostings: [UInt32: [UInt32]] = [:]
        func intern(_ path: String?, commit: UInt32) -> UInt32 {
            guard let path else { return HistoryIndexFormat.noPath }
            if oldPaths == nil {
                oldPaths = Dictionary(uniqueKeysWithValues: (0..<pathCount).map { (self.path(at: $0), UInt32($0)) })
            }
            let index: UInt32
            if let known = oldPaths![path] ?? newPathPosition[path] {
                index = known
            } else {
                index = UInt32(pathCount + newPaths.count)
                newPathPosition[path] = index
                newPaths.append(path)
            }
            if newPostings[index]?.last != commit { newPostings[index, default: []].append(commit) }
            return index
        }
        var parents: [UInt32] = []
        var parentStarts: [UInt32] = []
        var changes: [UInt8] = []
        var changeStarts: [UInt32] = []
        for (offset, commit) in fresh.enumerated() {
            let commitPosition = UInt32(count + offset)
            parents.append(contentsOf: commit.parents.compactMap(position(of:)))
            parentStarts.append(UInt32(parentCount + parents.count))
            for change in commit.changes {
                HistoryIndexFormat.appendChange(
                    change, oldPath: intern(change.oldPath, commit: commitPosition),
                    newPath: intern(change.newPath, commit: commitPosition), to: &changes)
            }
            changeStarts.append(UInt32(changeCount + changes.count / HistoryIndexFormat.changeSize))
        }
        let tipPositions = tips.compactMap(position(of:))
        let totalPaths = pathCount + newPaths.count
        let newPathBytes = newPaths.reduce(0) { $0 + $1.utf8.count }

        return storage.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> [UInt8] in
            func section(_ at: Int, _ size: Int) -> UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: raw[at..<at + size]) }
            var out = BinaryTables()
            out.bytes.reserveCapacity(raw.count + 128 * fresh.count + changes.count + 8 * totalPaths)
            out.bytes.append(contentsOf: HistoryIndexFormat.magic)
            let registryBytes = Array(registryPath.utf8)
            for value in [
                count + fresh.count, tipPositions.count, parentCount + parents.count,
                changeCount + changes.count / HistoryIndexFormat.changeSize, totalPaths, pathByteCount + newPathBytes,
                postingCount + newPostings.values.reduce(0) { $0 + $1.count }, registryBytes.count,
            ] {
                out.append(UInt32(value))
            }
            out.bytes.append(contentsOf: registryBytes)
            out.append(tipPositions)
            out.bytes.append(contentsOf: section(idsAt, 20 * count))
            for commit in fresh { commit.id.appendBytes(to: &out.bytes) }
            out.bytes.append(contentsOf: section(timesAt, 8 * count))
            for commit in fresh { withUnsafeBytes(of: commit.time.littleEndian) { out.bytes.append(contentsOf: $0) } }
            out.bytes.append(contentsOf: section(parentStartsAt, 4 * (count + 1)))
            out.append(parentStarts)
            out.bytes.append(contentsOf: section(parentsAt, 4 * parentCount))
            out.append(parents)
            out.bytes.append(contentsOf: section(changeStartsAt, 4 * (count + 1)))
            out.append(changeStarts)
            out.bytes.append(contentsOf: section(changesAt, HistoryIndexFormat.changeSize * changeCount))
            out.bytes.append(contentsOf: changes)
            out.bytes.append(contentsOf: section(pathStartsAt, 4 * (pathCount + 1)))
            var end = pathByteCount
            for path in newPaths {
                end += path.utf8.count
                out.append(UInt32(end))
            }
            out.bytes.append(contentsOf: section(pathBytesAt, pathByteCount))
            for path in newPaths { out.bytes.append(contentsOf: path.utf8) }
            // Each path's postings: the written ones, then the new commits that name it.
            var postingEnd = 0
            out.append(UInt32(0))
            var postings: [UInt32] = []
            postings.reserveCapacity(postingCount + fresh.count * 2)
            for path in 0..<totalPaths {
                if path < pathCount {
                    for index in u32(postingStartsAt, path)..<u32(postingStartsAt, path + 1) {
                        postings.append(UInt32(u32(postingsAt, index)))
                    }
                }
                postings.append(contentsOf: newPostings[UInt32(path)] ?? [])
                postingEnd = postings.count
                out.append(UInt32(postingEnd))
            }
            out.append(postings)
            return out.bytes
        }
    }

    // MARK: Paths

    func path(at position: Int) -> String {
        let start = u32(pathStartsAt, position)
        let end = u32(pathStartsAt, position + 1)
        return storage.withUnsafeBytes { raw in
            String(decoding: UnsafeRawBufferPointer(rebasing: raw[pathBytesAt + start..<pathBytesAt + end]), as: UTF8.self)
        }
    }

    /// The position of `path` in the path table, or nil when no indexed change names it.
    func pathPosition(of path: String) -> Int? {
        let wanted = Array(path.utf8)
        guard !wanted.isEmpty else { return nil }
        return storage.withUnsafeBytes { raw in
            for position in 0..<pathCount {
                let start = u32(pathStartsAt, position)
                guard u32(pathStartsAt, position + 1) - start == wanted.count,
                    wanted.withUnsafeBytes({ memcmp($0.baseAddress!, raw.baseAddress! + pathBytesAt + start, wanted.count) }) == 0
                else { continue }
                return position
            }
            return nil
        }
    }

    /// The commits whose changes name the path at `position` of the path table (before or after the change).
    func commits(touching position: Int) -> [Int] {
        (u32(postingStartsAt, position)..<u32(postingStartsAt, position + 1)).map { u32(postingsAt, $0) }
    }

    // MARK: Walking

    /// Visits the commits reachable from `start`, newest first (by committer time, children before parents when
    /// equal), until `visit` returns false.
    func forEachReachable<Failure: Error>(from start: Int, _ visit: (Int) throws(Failure) -> Bool) throws(Failure) {
        var seen = [Bool](repeating: false, count: count)
        var queue = TimeHeap()
        seen[start] = true
        queue.push(start, time: time(at: start))
        while let next = queue.pop() {
            guard try visit(next) else { return }
            for index in u32(parentStartsAt, next)..<u32(parentStartsAt, next + 1) {
                let parent = u32(parentsAt, index)
                if !seen[parent] {
                    seen[parent] = true
                    queue.push(parent, time: time(at: parent))
                }
            }
        }
    }
}
