import Foundation

/// Writes hashed files into a model file: what `modelreg lock` (and `import`) record.
///
/// Each field is set on its own, so the rest of the file (comments, key order, other `version_lock` fields) stays
/// as it was:
///
/// ```yaml
/// artifacts:
///   files:
///     - path: config.json
///       sha256: 486ea46224d1bb4fb680f34f7c9ad96a8f24ec88be73ea8e5a6c65260e9cb8a7
///       size: 5
///   aggregate_sha256: e783f0543cce3ec6cba37a52164ca6dc44aa2912f5985c600a86f28a969699eb
/// version_lock:
///   locked: true
///   expected_aggregate_sha256: e783f0543cce3ec6cba37a52164ca6dc44aa2912f5985c600a86f28a969699eb
///   last_verified: "2026-01-15T10:00:00Z"
/// ```
public enum ArtifactRecord {
    /// The `artifacts.files` list, in path order.
    public static func files(_ files: [HashedFile]) -> EditValue {
        let sorted = files.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        return .list(
            sorted.map { file in
                .mapping([("path", .string(file.path)), ("sha256", .string(file.sha256)), ("size", .integer(Int(file.size)))])
            })
    }

    /// Records the files and their aggregate, and locks the entry to that aggregate, verified at `date`.
    /// Returns the aggregate.
    @discardableResult
    public static func lock(_ files: [HashedFile], in editor: inout YAMLEditor, at date: Date = Date()) throws(EditError) -> String {
        guard !files.isEmpty else { throw EditError("there are no files to lock") }
        let aggregate = ArtifactHasher.aggregate(of: files)
        try editor.set(["artifacts", "files"], to: self.files(files))
        try editor.set(["artifacts", "aggregate_sha256"], to: .string(aggregate))
        try editor.set(["version_lock", "locked"], to: .bool(true))
        try editor.set(["version_lock", "expected_aggregate_sha256"], to: .string(aggregate))
        try editor.set(["version_lock", "last_verified"], to: .string(timestamp(date)))
        return aggregate
    }

    /// Unlocks the entry: `version_lock.locked: false`, keeping the recorded artifacts and the hash the lock
    /// expected, so that history shows what was unlocked. Returns false when the entry was not locked.
    public static func unlock(in editor: inout YAMLEditor) throws(EditError) -> Bool {
        guard case .bool(true)? = editor.value(at: ["version_lock", "locked"]) else { return false }
        try editor.set(["version_lock", "locked"], to: .bool(false))
        return true
    }

    /// ISO 8601 in UTC with seconds: `2026-01-15T10:00:00Z`.
    public static func timestamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'"
        return formatter.string(from: date)
    }
}
