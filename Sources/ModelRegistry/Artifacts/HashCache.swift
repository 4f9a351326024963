import Digest
import Foundation

/// The stat cache of `ArtifactHasher`: for each file of one hashed folder, its hash and the metadata it had when
/// it was hashed (size, mtime and ctime in nanoseconds, inode, device). A file whose metadata is unchanged is not
/// read again; any difference (a rewrite changes the ctime even when size and mtime are put back) means a re-hash.
///
/// Stored as `FOLDER/hash-cache/<first 32 hex digits of the SHA-256 of the hashed folder's absolute path>`, a
/// text file of tab-separated lines (`size mtime ctime inode device sha256 path`) after a two-line header, replaced
/// atomically. `FOLDER` (a `.modelreg/` folder) gets a `.gitignore` of `*` when modelreg creates it, so that the
/// cache never shows up in `git status`. A cache that cannot be read or written is simply not used.
struct HashCache {
    struct Entry: Sendable, Hashable {
        var status: FileStatus
        var sha256: String
    }

    static let header = "modelreg hash cache 1"

    /// The cache file.
    let file: String
    /// The absolute path of the hashed folder.
    let directory: String
    private(set) var entries: [String: Entry]
    private var recorded: [String: Entry] = [:]
    private var folder: String

    init(folder: String, key path: String) {
        self.folder = folder
        directory = Self.absolute(path)
        let digest = SHA256.hash(Array(directory.utf8)).hex
        file = folder + "/hash-cache/" + String(digest.prefix(32))
        entries = Self.load(file, directory: directory)
    }

    /// The cached hash of `path` when the file still has the metadata it had when it was hashed.
    func hit(_ path: String, status: FileStatus) -> String? {
        guard let entry = entries[path], entry.status.sameContents(as: status) else { return nil }
        return entry.sha256
    }

    mutating func record(_ path: String, status: FileStatus, sha256: String) {
        recorded[path] = Entry(status: status, sha256: sha256)
    }

    /// Writes the cache: what was recorded in this run, plus earlier entries whose files still exist (a run
    /// restricted by `--include` must not forget the rest). Does nothing when nothing changed.
    func save() {
        var merged = entries
        for (path, entry) in recorded { merged[path] = entry }
        for path in Array(merged.keys) where recorded[path] == nil {
            // An entry that was neither recorded nor is still valid on disk is dropped.
            let full = directory == "/" ? "/" + path : directory + "/" + path
            guard case .success(let status) = FileStatus.of(full, followingLinks: true),
                status.sameContents(as: merged[path]!.status)
            else {
                merged[path] = nil
                continue
            }
        }
        guard merged != entries else { return }
        guard Self.prepare(folder: folder) else { return }
        var text = Self.header + "\n" + "directory\t" + directory + "\n"
        for path in merged.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            let entry = merged[path]!
            let status = entry.status
            text += "\(status.size)\t\(status.modificationTimeNanoseconds)\t\(status.changeTimeNanoseconds)\t"
            text += "\(status.inode)\t\(status.device)\t\(entry.sha256)\t\(path)\n"
        }
        try? AtomicFile.write(Array(text.utf8), to: file)
    }

    // MARK: Reading and the folder

    static func load(_ file: String, directory: String) -> [String: Entry] {
        guard let data = FileManager.default.contents(atPath: file) else { return [:] }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true)
        guard lines.count >= 2, lines[0] == header, lines[1] == "directory\t" + directory else { return [:] }
        var entries: [String: Entry] = [:]
        for line in lines.dropFirst(2) {
            let fields = line.split(separator: "\t", maxSplits: 6, omittingEmptySubsequences: false)
            guard fields.count == 7, let size = Int64(fields[0]), let mtime = Int64(fields[1]), let ctime = Int64(fields[2]),
                let inode = UInt64(fields[3]), let device = UInt64(fields[4]), isSHA256(fields[5]), !fields[6].isEmpty
            else { continue }
            let status = FileStatus(
                kind: .regular, size: size, modificationTimeNanoseconds: mtime, changeTimeNanoseconds: ctime,
                inode: inode, device: device)
            entries[String(fields[6])] = Entry(status: status, sha256: String(fields[5]))
        }
        return entries
    }

    static func isSHA256(_ text: Substring) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }
    }

    /// Creates `folder/hash-cache/`, and `folder/.gitignore` (`*`) when modelreg creates `folder`; false when it cannot.
    static func prepare(folder: String) -> Bool {
        let manager = FileManager.default
        if !manager.fileExists(atPath: folder) {
            guard (try? manager.createDirectory(atPath: folder, withIntermediateDirectories: true)) != nil else { return false }
        }
        let ignore = folder + "/.gitignore"
        if !manager.fileExists(atPath: ignore) {
            try? AtomicFile.write(Array("# modelreg's local state (hash cache); never committed\n*\n".utf8), to: ignore)
        }
        let caches = folder + "/hash-cache"
        if !manager.fileExists(atPath: caches) {
            guard (try? manager.createDirectory(atPath: caches, withIntermediateDirectories: true)) != nil else { return false }
        }
        return true
    }

    /// The default cache folder: `.modelreg/` at the root of the git work tree around the current directory,
    /// else `.modelreg/` inside the hashed folder.
    static func defaultFolder(for directory: String) -> String {
        if let workTree = workTree(around: FileManager.default.currentDirectoryPath) { return workTree + "/.modelreg" }
        var directory = absolute(directory)
        while directory.count > 1 && directory.hasSuffix("/") { directory.removeLast() }
        return (directory == "/" ? "" : directory) + "/.modelreg"
    }

    /// The nearest folder at or above `start` that holds a `.git` (folder or file).
    static func workTree(around start: String) -> String? {
        var current = absolute(start)
        while true {
            if FileManager.default.fileExists(atPath: current + (current == "/" ? ".git" : "/.git")) { return current }
            if current == "/" || current.isEmpty { return nil }
            current = (current as NSString).deletingLastPathComponent
        }
    }

    /// The absolute path, symbolic links resolved when possible, without a trailing `/`.
    static func absolute(_ path: String) -> String {
        if let real = ArtifactWalker.realPath(path) { return real }
        let base = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return URL(fileURLWithPath: base).standardizedFileURL.path
    }
}
