import CGit2
import Glibc

/// A tree object's bytes as stored: a sequence of `<octal mode> <name>\0<20-byte id>` entries in git's tree order.
/// Read this way, two versions of a large flat tree are compared entry by entry with `memcmp`, without building
/// libgit2's parsed entries for either.
struct RawTree {
    let bytes: [UInt8]

    /// One entry: byte offsets into the tree's bytes.
    struct Entry {
        var start: Int
        var nameStart: Int
        var nameEnd: Int
        /// The offset of the 20-byte id; the entry ends 20 bytes later.
        var idStart: Int
        var end: Int { idStart + 20 }
        var isTree: Bool
    }

    /// The entry starting at `offset`, or nil at the end; an error where the bytes are not a well-formed entry.
    func entry(at offset: Int) throws(GitError) -> Entry? {
        guard offset < bytes.count else { return nil }
        guard let entry = parseEntry(at: offset) else {
            throw GitError(operation: "reading a tree", code: GIT_EINVALID.rawValue, message: "malformed tree entry at byte \(offset)")
        }
        return entry
    }

    private func parseEntry(at offset: Int) -> Entry? {
        bytes.withUnsafeBufferPointer { buffer -> Entry? in
            guard offset < buffer.count, let base = buffer.baseAddress else { return nil }
            let remaining = buffer.count - offset
            guard let space = memchr(base + offset, 0x20, remaining) else { return nil }
            let nameStart = base.distance(to: space.assumingMemoryBound(to: UInt8.self)) + 1
            guard nameStart < buffer.count, let zero = memchr(base + nameStart, 0, buffer.count - nameStart) else { return nil }
            let nameEnd = base.distance(to: zero.assumingMemoryBound(to: UInt8.self))
            guard nameEnd + 21 <= buffer.count else { return nil }
            // Folders are mode 40000 (5 digits); files 100644, 100755, 120000, 160000 (6).
            let isTree = nameStart - 1 - offset == 5 && buffer[offset] == UInt8(ascii: "4")
            return Entry(start: offset, nameStart: nameStart, nameEnd: nameEnd, idStart: nameEnd + 1, isTree: isTree)
        }
    }

    /// The entry called `name`, or nil when there is none.
    func entry(named name: [UInt8]) throws(GitError) -> Entry? {
        var offset = 0
        while let entry = try entry(at: offset) {
            if isNamed(entry, name) { return entry }
            offset = entry.end
        }
        return nil
    }

    /// The entry as a value: name, id, kind and mode.
    func treeEntry(_ entry: Entry) -> TreeEntry {
        var value: UInt32 = 0
        for digit in mode(of: entry) { value = value &* 8 &+ UInt32(digit &- UInt8(ascii: "0")) }
        let kind: TreeEntry.Kind =
            switch value & 0o170000 {
            case 0o040000: .tree
            case 0o160000: .commit
            case 0o100000, 0o120000: .blob
            default: .other
            }
        return TreeEntry(name: name(of: entry), id: id(of: entry), kind: kind, mode: value)
    }

    func id(of entry: Entry) -> ObjectID {
        bytes.withUnsafeBytes { ObjectID(rawBytes: $0, at: entry.idStart) }
    }

    func name(of entry: Entry) -> String {
        String(decoding: bytes[entry.nameStart..<entry.nameEnd], as: UTF8.self)
    }

    func mode(of entry: Entry) -> ArraySlice<UInt8> {
        bytes[entry.start..<(entry.nameStart - 1)]
    }

    /// True when the two entries are the same bytes: same mode, name and id.
    static func same(_ a: Entry, in first: RawTree, _ b: Entry, in second: RawTree) -> Bool {
        let length = a.end - a.start
        guard length == b.end - b.start else { return false }
        return first.bytes.withUnsafeBufferPointer { x in
            second.bytes.withUnsafeBufferPointer { y in memcmp(x.baseAddress! + a.start, y.baseAddress! + b.start, length) == 0 }
        }
    }

    /// git's order of two entries: names bytewise, a folder's name as if it ended with `/`.
    static func order(_ a: Entry, in first: RawTree, _ b: Entry, in second: RawTree) -> Int {
        first.bytes.withUnsafeBufferPointer { x in
            second.bytes.withUnsafeBufferPointer { y in
                order(
                    UnsafeBufferPointer(rebasing: x[a.nameStart..<a.nameEnd]), isTree: a.isTree,
                    UnsafeBufferPointer(rebasing: y[b.nameStart..<b.nameEnd]), isTree: b.isTree)
            }
        }
    }

    /// git's order of two entry names (negative when `a` comes first): bytewise, a folder's name as if it ended
    /// with `/`.
    static func order(_ a: UnsafeBufferPointer<UInt8>, isTree aIsTree: Bool, _ b: UnsafeBufferPointer<UInt8>, isTree bIsTree: Bool)
        -> Int
    {
        let shared = min(a.count, b.count)
        if shared > 0 {
            let prefixOrder = memcmp(a.baseAddress!, b.baseAddress!, shared)
            if prefixOrder != 0 { return Int(prefixOrder) }
        }
        let nextA = a.count > shared ? Int(a[shared]) : (aIsTree ? 0x2F : 0)
        let nextB = b.count > shared ? Int(b[shared]) : (bIsTree ? 0x2F : 0)
        return nextA - nextB
    }

    /// True when `entry` is called `name`.
    func isNamed(_ entry: Entry, _ name: [UInt8]) -> Bool {
        entry.nameEnd - entry.nameStart == name.count
            && bytes.withUnsafeBufferPointer { x in
                name.withUnsafeBufferPointer { y in name.isEmpty || memcmp(x.baseAddress! + entry.nameStart, y.baseAddress!, name.count) == 0 }
            }
    }
}

extension RawTree {
    /// An entry to put into a tree: a file (mode 100644) or a folder (40000).
    struct NewEntry {
        var name: [UInt8]
        var id: ObjectID
        var isTree: Bool

        func append(to bytes: inout [UInt8]) {
            bytes.append(contentsOf: (isTree ? "40000 " : "100644 ").utf8)
            bytes.append(contentsOf: name)
            bytes.append(0)
            id.appendBytes(to: &bytes)
        }
    }

    /// A name git accepts for a tree entry: not empty, `.`, `..` or `.git` (in any case), without `/` or NUL.
    static func isValidEntryName(_ name: [UInt8]) -> Bool {
        guard !name.isEmpty, !name.contains(UInt8(ascii: "/")), !name.contains(0) else { return false }
        if name == [UInt8(ascii: ".")] || name == [UInt8(ascii: "."), UInt8(ascii: ".")] { return false }
        return String(decoding: name, as: UTF8.self).lowercased() != ".git"
    }

    /// git's order of an entry of this tree and a new one (negative when the entry comes first).
    func order(_ entry: Entry, _ new: NewEntry) -> Int {
        bytes.withUnsafeBufferPointer { x in
            new.name.withUnsafeBufferPointer { y in
                Self.order(UnsafeBufferPointer(rebasing: x[entry.nameStart..<entry.nameEnd]), isTree: entry.isTree, y, isTree: new.isTree)
            }
        }
    }

    /// The bytes of this tree without the entries at the positions in `removed` and with `added` put in git's order
    /// (`entries` are this tree's entries, in order). Runs of kept entries are copied as they are.
    func replacing(entries: [Entry], removed: Set<Int>, added: [NewEntry]) -> [UInt8] {
        let newEntries = added.sorted { a, b in
            a.name.withUnsafeBufferPointer { x in
                b.name.withUnsafeBufferPointer { y in Self.order(x, isTree: a.isTree, y, isTree: b.isTree) < 0 }
            }
        }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + newEntries.reduce(0) { $0 + $1.name.count + 28 })
        var next = 0  // the next new entry to place
        var runStart: Int?  // the start of a run of kept entries not yet copied
        var runEnd = 0
        func flush() {
            if let start = runStart { result.append(contentsOf: bytes[start..<runEnd]) }
            runStart = nil
        }
        for (position, entry) in entries.enumerated() {
            while next < newEntries.count, order(entry, newEntries[next]) > 0 {
                flush()
                newEntries[next].append(to: &result)
                next += 1
            }
            if removed.contains(position) {
                flush()
                continue
            }
            if runStart == nil { runStart = entry.start }
            runEnd = entry.end
        }
        flush()
        while next < newEntries.count {
            newEntries[next].append(to: &result)
            next += 1
        }
        return result
    }
}

/// The last few raw trees read, by id.
struct RecentTrees {
    private var trees: [(id: ObjectID, tree: RawTree)] = []

    mutating func tree(_ id: ObjectID, read: (ObjectID) throws(GitError) -> RawTree) throws(GitError) -> RawTree {
        if let found = trees.firstIndex(where: { $0.id == id }) { return trees[found].tree }
        let tree = try read(id)
        trees.append((id, tree))
        if trees.count > 4 { trees.removeFirst() }
        return tree
    }
}

extension Repository {
    /// A tree object's raw bytes.
    func rawTree(_ id: ObjectID) throws(GitError) -> RawTree {
        try recentTrees.tree(id) { id throws(GitError) in
            guard let database = objectDatabase else {
                throw GitError(operation: "reading tree \(id.hex)", code: -1, message: "cannot open the object database")
            }
            var oid = id.oid
            let object = try Handle.make("reading tree \(id.hex)", free: git_odb_object_free) {
                git_odb_read(&$0, database.pointer, &oid)
            }
            guard git_odb_object_type(object.pointer) == GIT_OBJECT_TREE else {
                throw GitError(operation: "reading tree \(id.hex)", code: GIT_EINVALID.rawValue, message: "not a tree")
            }
            let size = git_odb_object_size(object.pointer)
            let data = git_odb_object_data(object.pointer)
            let bytes = size == 0 ? [] : Array(UnsafeRawBufferPointer(start: data, count: size).bindMemory(to: UInt8.self))
            return RawTree(bytes: bytes)
        }
    }
}
