import Digest
import Git

/// The ids git gives to content, computed without a repository: a file's blob id
/// (SHA-1 of `blob <size>\0` and the bytes) and a folder's tree id (SHA-1 of `tree <size>\0` and one
/// `100644 <name>\0<blob id>` per file, by name). A folder of unchanged, committed files gets the very
/// id `git rev-parse HEAD:registry` prints, so the work tree and `--at HEAD` share their cache.
///
/// Owns a digest context, so it is not `Sendable`: make one per thread.
final class GitObjectHasher {
    private let sha1 = SHA1()

    /// The blob id of `bytes`.
    func blobID(of bytes: UnsafeRawBufferPointer) -> ObjectID {
        sha1.update(Array("blob \(bytes.count)".utf8) + [0])
        sha1.update(bytes)
        return ObjectID(bytes: sha1.finalize())!
    }

    func blobID(of bytes: [UInt8]) -> ObjectID {
        bytes.withUnsafeBytes { blobID(of: $0) }
    }

    /// The tree id of a folder holding these regular files (and nothing else).
    func treeID(of files: [(name: String, blob: ObjectID)]) -> ObjectID {
        // Git orders a tree's entries by the bytes of their names (a folder's as if it ended in `/`;
        // here there are only files).
        let sorted = files.map { (name: Array($0.name.utf8), blob: $0.blob) }
            .sorted { $0.name.lexicographicallyPrecedes($1.name) }
        var body: [UInt8] = []
        body.reserveCapacity(sorted.reduce(0) { $0 + $1.name.count + 28 })
        for file in sorted {
            body.append(contentsOf: Array("100644 ".utf8))
            body.append(contentsOf: file.name)
            body.append(0)
            body.append(contentsOf: file.blob.bytes)
        }
        sha1.update(Array("tree \(body.count)".utf8) + [0])
        sha1.update(body)
        return ObjectID(bytes: sha1.finalize())!
    }
}
