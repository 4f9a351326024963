import Digest

/// One hashed artifact file.
public struct ArtifactHash: Sendable, Hashable {
    public var path: String
    public var sha256: String

    public init(path: String, sha256: String) {
        self.path = path
        self.sha256 = sha256
    }

    /// The line `sha256sum` prints for this file: `<sha256>  <path>`.
    public var sha256sumLine: String { "\(sha256)  \(path)" }
}

/// The aggregate hash of a set of files: SHA-256 of their `sha256sum` lines, each ending in `\n`, sorted bytewise.
/// Anyone can recompute it with `sha256sum FILES | LC_ALL=C sort | sha256sum`.
public enum AggregateHash {
    public static func compute(_ files: [ArtifactHash]) -> String {
        let lines = files.map { Array(($0.sha256sumLine + "\n").utf8) }.sorted { $0.lexicographicallyPrecedes($1) }
        let hasher = SHA256()
        for line in lines { hasher.update(line) }
        return hasher.finalize().hex
    }
}
