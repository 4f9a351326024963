import Git

/// What a registry folder held when it was last read: the folder's own stamp, each model file's stamp
/// and blob id, and the tree id they add up to. Stored beside the entry cache, so that the next query
/// learns from `stat` alone whether anything changed, and which files to hash again.
///
/// Kept as the bytes of its file, read in place: a header (the folder's stamp, the tree id, the
/// count), a fixed-size record per file, then the names, each ending in a NUL so that it can be
/// handed to `fstatat` as it lies. Checking an untouched folder makes no string at all.
struct FolderSnapshot: Sendable {
    struct File: Sendable, Hashable {
        var name: String
        var stamp: FileStamp
        var blob: ObjectID
        /// False when the stamp was taken too soon after the file changed to reveal the next change
        /// (see `FileStamp.isSettled`): such a file is hashed again every time.
        var settled: Bool
    }

    /// The folder's stamp: it moves whenever a file is added, removed or renamed in it.
    let folder: FileStamp
    let folderSettled: Bool
    /// The git tree id of the folder's model files.
    let treeID: ObjectID
    /// The number of model files.
    let count: Int
    /// The encoded snapshot, as stored.
    let bytes: [UInt8]

    private static let magic = Array("modelreg folder snapshot 2\n".utf8)
    private static let recordSize = 64
    private static var headerSize: Int { magic.count + 32 + 1 + 20 + 4 }

    /// A snapshot of `files` (in listing order).
    init(folder: FileStamp, folderSettled: Bool, treeID: ObjectID, files: [File]) {
        var writer = ByteWriter(reservingCapacity: Self.headerSize + files.count * (Self.recordSize + 32))
        writer.raw(Self.magic)
        Self.write(folder, into: &writer)
        writer.byte(folderSettled ? 1 : 0)
        writer.raw(treeID.bytes)
        writer.fixed32(UInt32(files.count))
        var nameOffset = Self.headerSize + files.count * Self.recordSize
        for file in files {
            let length = file.name.utf8.count
            writer.fixed32(UInt32(nameOffset))
            writer.fixed32(UInt32(length))
            Self.write(file.stamp, into: &writer)
            writer.raw(file.blob.bytes)
            writer.byte(file.settled ? 1 : 0)
            writer.raw([0, 0, 0])
            nameOffset += length + 1
        }
        for file in files {
            writer.raw(Array(file.name.utf8))
            writer.byte(0)
        }
        writer.raw(Self.magic)
        self.folder = folder
        self.folderSettled = folderSettled
        self.treeID = treeID
        count = files.count
        bytes = writer.bytes
    }

    /// Reads a stored snapshot, checking that every record and name lies where it should.
    init(decoding bytes: [UInt8]) throws(CacheDamage) {
        let header = try bytes.withReader { (buffer) throws(CacheDamage) -> (FileStamp, Bool, ObjectID, Int) in
            var reader = ByteReader(buffer)
            try reader.expect(Self.magic)
            let folder = try Self.stamp(&reader)
            let settled = try reader.byte() == 1
            guard let treeID = ObjectID(bytes: Array(try reader.raw(20))) else { throw CacheDamage("bad tree id") }
            let count = Int(try reader.fixed32())
            let namesStart = Self.headerSize + count * Self.recordSize
            guard count <= buffer.count / Self.recordSize, namesStart <= buffer.count - Self.magic.count else {
                throw CacheDamage("snapshot count out of range")
            }
            var end = namesStart
            for index in 0..<count {
                var record = ByteReader(buffer, at: Self.headerSize + index * Self.recordSize)
                let offset = Int(try record.fixed32())
                let length = Int(try record.fixed32())
                guard offset == end, length > 0, offset + length < buffer.count, buffer[offset + length] == 0 else {
                    throw CacheDamage("snapshot name out of place")
                }
                end = offset + length + 1
            }
            var tail = ByteReader(buffer, at: end)
            try tail.expect(Self.magic)
            guard tail.isAtEnd else { throw CacheDamage("trailing bytes") }
            return (folder, settled, treeID, count)
        }
        (folder, folderSettled, treeID, count) = header
        self.bytes = bytes
    }

    /// The file at `index`, its name decoded.
    func file(at index: Int) -> File {
        bytes.withUnsafeBytes { buffer in
            let record = Self.headerSize + index * Self.recordSize
            let offset = Int(buffer.load32(at: record))
            let length = Int(buffer.load32(at: record + 4))
            let name = String(decoding: UnsafeRawBufferPointer(rebasing: buffer[offset..<offset + length]), as: UTF8.self)
            return File(name: name, stamp: stamp(at: index, in: buffer), blob: blob(at: index, in: buffer), settled: buffer[record + 60] == 1)
        }
    }

    var files: [File] { (0..<count).map(file(at:)) }

    /// Calls `body` with each file's position, NUL-terminated name, recorded stamp and whether it was
    /// settled, for the positions in `range`; stops at the first `false`.
    func forEach(
        in range: Range<Int>, _ body: (Int, UnsafePointer<CChar>, FileStamp, Bool) -> Bool
    ) -> Bool {
        bytes.withUnsafeBytes { buffer in
            for index in range {
                let record = Self.headerSize + index * Self.recordSize
                let name = (buffer.baseAddress! + Int(buffer.load32(at: record))).assumingMemoryBound(to: CChar.self)
                if !body(index, name, stamp(at: index, in: buffer), buffer[record + 60] == 1) { return false }
            }
            return true
        }
    }

    private func stamp(at index: Int, in buffer: UnsafeRawBufferPointer) -> FileStamp {
        let record = Self.headerSize + index * Self.recordSize + 8
        return FileStamp(
            inode: buffer.load64(at: record), size: Int64(bitPattern: buffer.load64(at: record + 8)),
            modified: Int64(bitPattern: buffer.load64(at: record + 16)),
            changed: Int64(bitPattern: buffer.load64(at: record + 24)))
    }

    private func blob(at index: Int, in buffer: UnsafeRawBufferPointer) -> ObjectID {
        let start = Self.headerSize + index * Self.recordSize + 40
        return ObjectID(bytes: Array(buffer[start..<start + 20]))!
    }

    private static func write(_ stamp: FileStamp, into writer: inout ByteWriter) {
        writer.fixed64(stamp.inode)
        writer.fixed64(UInt64(bitPattern: stamp.size))
        writer.fixed64(UInt64(bitPattern: stamp.modified))
        writer.fixed64(UInt64(bitPattern: stamp.changed))
    }

    private static func stamp(_ reader: inout ByteReader) throws(CacheDamage) -> FileStamp {
        FileStamp(
            inode: try reader.fixed64(), size: Int64(bitPattern: try reader.fixed64()),
            modified: Int64(bitPattern: try reader.fixed64()), changed: Int64(bitPattern: try reader.fixed64()))
    }
}

extension UnsafeRawBufferPointer {
    fileprivate func load32(at offset: Int) -> UInt32 {
        UInt32(littleEndian: loadUnaligned(fromByteOffset: offset, as: UInt32.self))
    }

    fileprivate func load64(at offset: Int) -> UInt64 {
        UInt64(littleEndian: loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }
}
