import Foundation
import Git

/// The history index on disk: fixed-width little-endian tables that a query maps and reads in place, so a warm
/// `history` touches only the commits' times and parents and the records of the commits that changed its entry,
/// instead of parsing every record.
///
///     "MRHIST02"                                          magic, 8 bytes
///     commits, tips, parents, changes, paths, path bytes,  u32 each
///     postings, registry path length
///     registry path                                        UTF-8
///     tips           tips × u32                            commit positions
///     ids            commits × 20 bytes
///     times          commits × i64                         committer time
///     parent starts  (commits + 1) × u32,  parents × u32   commit positions
///     change starts  (commits + 1) × u32,  changes × 52 bytes:
///                    kind u8, has old blob u8, has new blob u8, 0 u8, old path u32, new path u32 (path
///                    positions, 0xffffffff for none), old blob 20 bytes, new blob 20 bytes (zero when absent)
///     path starts    (paths + 1) × u32,    path bytes
///     posting starts (paths + 1) × u32,    postings × u32  for each path, the commits whose changes name it
///
/// Every commit's parents are in the file (parents are positions), so whatever the file holds has its whole
/// ancestry indexed. The file is written atomically and checked in full when opened: any size or position out
/// of range and the file is not used (the index is rebuilt).
enum HistoryIndexFormat {
    static let magic: [UInt8] = Array("MRHIST02".utf8)
    static let changeSize = 52
    static let noPath = UInt32.max

    /// The bytes of `commits` (each one's parents among them) with `tips` first in line for the next update: an
    /// empty index extended with them, oldest first.
    static func encode(commits: [IndexedCommit], tips: [ObjectID], registryPath: String) -> [UInt8] {
        let ordered = commits.sorted { $0.time != $1.time ? $0.time < $1.time : $0.id < $1.id }
        return HistoryIndexView(Data(empty(registryPath: registryPath)), registryPath: registryPath)!
            .extended(with: ordered, tips: tips)
    }

    /// The bytes of an index that holds no commit.
    static func empty(registryPath: String) -> [UInt8] {
        var body = BinaryTables()
        let registryBytes = Array(registryPath.utf8)
        body.bytes.append(contentsOf: magic)
        for count in [0, 0, 0, 0, 0, 0, 0, registryBytes.count] { body.append(UInt32(count)) }
        body.bytes.append(contentsOf: registryBytes)
        // The four tables of starts each hold their one 0.
        body.append([0, 0, 0, 0])
        return body.bytes
    }

    /// Appends one change record (its paths given as positions in the path table).
    static func appendChange(_ change: EntryChange, oldPath: UInt32, newPath: UInt32, to bytes: inout [UInt8]) {
        bytes.append(kindCode(change.kind))
        bytes.append(change.oldBlob == nil ? 0 : 1)
        bytes.append(change.newBlob == nil ? 0 : 1)
        bytes.append(0)
        BinaryTables.append(oldPath, to: &bytes)
        BinaryTables.append(newPath, to: &bytes)
        for blob in [change.oldBlob, change.newBlob] {
            if let blob { blob.appendBytes(to: &bytes) } else { bytes.append(contentsOf: repeatElement(0, count: 20)) }
        }
    }

    static func kindCode(_ kind: EntryChange.Kind) -> UInt8 {
        switch kind {
        case .added: 0
        case .modified: 1
        case .deleted: 2
        case .renamed: 3
        }
    }

    static func kind(code: UInt8) -> EntryChange.Kind? {
        switch code {
        case 0: .added
        case 1: .modified
        case 2: .deleted
        case 3: .renamed
        default: nil
        }
    }
}

/// Little-endian integers appended to a byte buffer.
struct BinaryTables {
    var bytes: [UInt8] = []

    mutating func append(_ value: UInt32) { Self.append(value, to: &bytes) }

    mutating func append(_ values: [UInt32]) {
        bytes.reserveCapacity(bytes.count + 4 * values.count)
        for value in values { Self.append(value, to: &bytes) }
    }

    static func append(_ value: UInt32, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }
}
