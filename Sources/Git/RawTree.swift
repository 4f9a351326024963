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

    func id(of entry: Entry) -> ObjectID {
        ObjectID(bytes: Array(bytes[entry.idStart..<entry.end]))!
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
        let lengthA = a.nameEnd - a.nameStart
        let lengthB = b.nameEnd - b.nameStart
        let shared = min(lengthA, lengthB)
        let prefixOrder = first.bytes.withUnsafeBufferPointer { x in
            second.bytes.withUnsafeBufferPointer { y in memcmp(x.baseAddress! + a.nameStart, y.baseAddress! + b.nameStart, shared) }
        }
        if prefixOrder != 0 { return Int(prefixOrder) }
        let nextA = lengthA > shared ? Int(first.bytes[a.nameStart + shared]) : (a.isTree ? 0x2F : 0)
        let nextB = lengthB > shared ? Int(second.bytes[b.nameStart + shared]) : (b.isTree ? 0x2F : 0)
        return nextA - nextB
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
