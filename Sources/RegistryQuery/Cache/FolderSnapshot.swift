import Git

/// What a registry folder held when it was last read: each model file's stamp and blob id, and the
/// tree id they add up to. Stored beside the entry cache, so that the next query learns from `stat`
/// alone whether anything changed, and which files to hash again.
struct FolderSnapshot: Sendable {
    struct File: Sendable, Hashable {
        var name: String
        var stamp: FileStamp
        var blob: ObjectID
        /// False when the stamp was taken too soon after the file changed to reveal the next change
        /// (see `FileStamp.isSettled`): such a file is hashed again every time.
        var settled: Bool
    }

    /// The model files, in the folder listing's order (by name).
    var files: [File]
    /// The git tree id of the folder's model files.
    var treeID: ObjectID

    private static let magic = Array("modelreg folder snapshot 1\n".utf8)

    func encoded() -> [UInt8] {
        var writer = ByteWriter(reservingCapacity: 64 + files.count * 72)
        writer.raw(Self.magic)
        writer.raw(treeID.bytes)
        writer.varint(files.count)
        for file in files {
            writer.string(file.name)
            writer.varint(file.stamp.inode)
            writer.signed(file.stamp.size)
            writer.signed(file.stamp.modified)
            writer.signed(file.stamp.changed)
            writer.raw(file.blob.bytes)
            writer.byte(file.settled ? 1 : 0)
        }
        writer.raw(Self.magic)
        return writer.bytes
    }

    static func decode(_ bytes: [UInt8]) throws(CacheDamage) -> FolderSnapshot {
        try bytes.withReader { (buffer) throws(CacheDamage) -> FolderSnapshot in
            var reader = ByteReader(buffer)
            try reader.expect(magic)
            let treeID = try objectID(&reader)
            let count = try reader.count()
            var files: [File] = []
            files.reserveCapacity(count)
            for _ in 0..<count {
                let name = try reader.string()
                let stamp = FileStamp(
                    inode: try reader.varint(), size: try reader.signed(), modified: try reader.signed(),
                    changed: try reader.signed())
                let blob = try objectID(&reader)
                files.append(File(name: name, stamp: stamp, blob: blob, settled: try reader.byte() == 1))
            }
            try reader.expect(magic)
            return FolderSnapshot(files: files, treeID: treeID)
        }
    }

    private static func objectID(_ reader: inout ByteReader) throws(CacheDamage) -> ObjectID {
        guard let id = ObjectID(bytes: Array(try reader.raw(20))) else { throw CacheDamage("bad object id") }
        return id
    }
}
