import Digest
import Foundation

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
    public static func compute(_ files: [ArtifactHash]) -> String { digest(files).hex }

    /// The aggregate's 32 bytes. The lines are written once into one buffer, sorted as byte ranges of it (each
    /// with its `\n`, as `sort` compares them) and hashed in one update.
    public static func digest(_ files: [ArtifactHash]) -> SHA256Digest {
        var text: [UInt8] = []
        text.reserveCapacity(files.count * 96)
        var lines: [Range<Int>] = []
        lines.reserveCapacity(files.count)
        for file in files {
            let start = text.count
            text.append(contentsOf: file.sha256.utf8)
            text.append(UInt8(ascii: " "))
            text.append(UInt8(ascii: " "))
            text.append(contentsOf: file.path.utf8)
            text.append(UInt8(ascii: "\n"))
            lines.append(start..<text.count)
        }
        return text.withUnsafeBufferPointer { bytes in
            lines.sort { precedes(bytes, $0, $1) }
            let hasher = SHA256()
            var run = 0..<0
            // Lines that follow each other in the buffer go to the hasher together.
            for line in lines {
                if line.lowerBound == run.upperBound && !run.isEmpty {
                    run = run.lowerBound..<line.upperBound
                } else {
                    if !run.isEmpty { hasher.update(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[run]))) }
                    run = line
                }
            }
            if !run.isEmpty { hasher.update(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[run]))) }
            return hasher.finalize()
        }
    }

    /// Bytewise order of two lines of `bytes`, a line before every longer line it starts.
    private static func precedes(_ bytes: UnsafeBufferPointer<UInt8>, _ a: Range<Int>, _ b: Range<Int>) -> Bool {
        let common = min(a.count, b.count)
        let order = memcmp(bytes.baseAddress! + a.lowerBound, bytes.baseAddress! + b.lowerBound, common)
        return order != 0 ? order < 0 : a.count < b.count
    }
}
