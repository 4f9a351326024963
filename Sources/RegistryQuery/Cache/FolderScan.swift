import Dispatch
import Foundation
import Git
import ModelRegistry
import Synchronization

/// The model files of a registry folder as they are now: each one's stamp and blob id, and the tree
/// id of them all, which names the folder's content exactly. Only files whose stamp differs from the
/// previous snapshot (or was not settled) are read and hashed. When the folder's own stamp says no file
/// was added, removed or renamed, the folder is not even listed: an untouched registry costs one
/// `fstatat` per file.
struct FolderScan: Sendable {
    struct File: Sendable {
        var name: String
        var stamp: FileStamp
        var blob: ObjectID
        var settled: Bool
        /// The content, when this scan had to read the file.
        var bytes: [UInt8]?
    }

    private enum Files: Sendable {
        /// Every stamp matched the previous snapshot, which stays as it was.
        case unchanged(FolderSnapshot)
        /// Listed, stamped and (where needed) hashed.
        case scanned([File], folder: FileStamp, folderSettled: Bool)
    }

    let directory: String
    private var files: Files
    let treeID: ObjectID
    /// How many files were read and hashed because their stamps did not vouch for them.
    let hashedCount: Int

    /// False when the snapshot to store differs from the one the scan started from.
    var snapshotIsCurrent: Bool {
        if case .unchanged = files { return true }
        return false
    }

    /// The snapshot to store for the next scan.
    var snapshot: FolderSnapshot {
        switch files {
        case .unchanged(let snapshot):
            return snapshot
        case .scanned(let files, let folder, let folderSettled):
            return FolderSnapshot(
                folder: folder, folderSettled: folderSettled, treeID: treeID,
                files: files.map { FolderSnapshot.File(name: $0.name, stamp: $0.stamp, blob: $0.blob, settled: $0.settled) })
        }
    }

    /// The scan of a folder whose model files `names` were all just read, stamped and hashed (`reads`, in the same
    /// order; a cold open does it as it parses them), with `treeID` the id their blob ids give.
    static func read(
        directory: String, folder: FileStamp, names: [String], reads: [ArchiveBuilder.FolderRead], treeID: ObjectID,
        now: Int64
    ) -> FolderScan {
        let files = zip(names, reads).map { name, read in
            File(name: name, stamp: read.stamp, blob: read.blob, settled: read.stamp.isSettled(at: now))
        }
        return FolderScan(
            directory: directory, files: .scanned(files, folder: folder, folderSettled: folder.isSettled(at: now)),
            treeID: treeID, hashedCount: files.count)
    }

    /// The folder's own stamp (it moves when a file is added, removed or renamed).
    static func folderStamp(_ directory: String) throws(ToolError) -> FileStamp {
        var status = stat()
        guard stat(directory, &status) == 0 else {
            throw ToolError("cannot read registry folder \(directory): \(String(cString: strerror(errno)))")
        }
        return FileStamp(status)
    }

    /// Stamps the folder's model files, reusing `previous`'s blob ids where stamps match.
    /// `now` is the wall clock before the first `stat` (tests move it to make fresh files settled).
    static func scan(directory: String, previous: FolderSnapshot?, now: Int64 = FileStamp.now()) throws(ToolError)
        -> FolderScan
    {
        let folder = try folderStamp(directory)
        if let previous, previous.folderSettled, previous.folder == folder, unchanged(directory, previous) {
            return FolderScan(directory: directory, files: .unchanged(previous), treeID: previous.treeID, hashedCount: 0)
        }
        return try rescan(directory: directory, folder: folder, previous: previous, now: now)
    }

    /// True when every file of `previous` is still there with a settled stamp that has not moved.
    private static func unchanged(_ directory: String, _ previous: FolderSnapshot) -> Bool {
        let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        let verdicts = try? Parallel.map(chunksOf: previous.count, minimumChunk: 2048) {
            (range) throws(CacheDamage) -> [Bool] in
            let same = previous.forEach(in: range) { _, name, recorded, settled in
                var status = stat()
                return settled && fstatat(descriptor, name, &status, 0) == 0 && FileStamp(status) == recorded
                    && (status.st_mode & S_IFMT) == S_IFREG
            }
            return [same]
        }
        return verdicts?.allSatisfy { $0 } ?? false
    }

    /// Lists the folder and stamps every file, hashing those whose stamps do not vouch for them.
    private static func rescan(directory: String, folder: FileStamp, previous: FolderSnapshot?, now: Int64)
        throws(ToolError) -> FolderScan
    {
        let names = try RegistryLocator.modelFileNames(in: directory)
        let previousFiles = previous?.files ?? []
        // Without a previous snapshot every file is read, and its stamp is taken from the open file; otherwise the
        // stamps decide which files are read.
        let stamps = previousFiles.isEmpty ? nil : try stamps(of: names, in: directory)
        var previousByName: [String: FolderSnapshot.File]?
        var sameNames = previousFiles.count == names.count
        var files: [File] = []
        files.reserveCapacity(names.count)
        var stale: [Int] = []
        for (position, name) in names.enumerated() {
            let stamp = stamps?[position] ?? Self.unknownStamp
            // The listing is sorted like the snapshot, so the same position usually holds the same name.
            var known: FolderSnapshot.File?
            if position < previousFiles.count, previousFiles[position].name == name {
                known = previousFiles[position]
            } else {
                sameNames = false
                if previousByName == nil {
                    previousByName = Dictionary(previousFiles.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
                }
                known = previousByName?[name]
            }
            let settled = stamp.isSettled(at: now)
            if let known, known.settled, known.stamp == stamp {
                files.append(File(name: name, stamp: stamp, blob: known.blob, settled: settled))
            } else {
                stale.append(files.count)
                files.append(File(name: name, stamp: stamp, blob: known?.blob ?? placeholder, settled: settled))
            }
        }
        let read = try readAndHash(stale.map { directory + "/" + files[$0].name })
        var blobsChanged = !sameNames
        for (index, position) in stale.enumerated() {
            if files[position].blob != read[index].blob { blobsChanged = true }
            files[position].blob = read[index].blob
            files[position].bytes = read[index].bytes
            if stamps == nil {
                files[position].stamp = read[index].stamp
                files[position].settled = read[index].stamp.isSettled(at: now)
            }
        }
        let treeID: ObjectID
        if let previous, !blobsChanged {
            treeID = previous.treeID
        } else {
            treeID = GitObjectHasher().treeID(of: files.map { ($0.name, $0.blob) })
        }
        return FolderScan(
            directory: directory, files: .scanned(files, folder: folder, folderSettled: folder.isSettled(at: now)),
            treeID: treeID, hashedCount: stale.count)
    }

    /// Every file's content, reading those the scan did not need to; for building the cache.
    mutating func contents() throws(ToolError) -> [(name: String, bytes: [UInt8])] {
        var list: [File]
        switch files {
        case .unchanged(let snapshot):
            list = snapshot.files.map { File(name: $0.name, stamp: $0.stamp, blob: $0.blob, settled: $0.settled) }
        case .scanned(let scanned, _, _):
            list = scanned
        }
        let missing = list.indices.filter { list[$0].bytes == nil }
        let read = try Self.read(missing.map { directory + "/" + list[$0].name })
        for (index, position) in missing.enumerated() { list[position].bytes = read[index] }
        return list.map { ($0.name, $0.bytes ?? []) }
    }

    /// Every file's stamp, taken on every core (`fstatat` against the open folder: a large registry's stamps are
    /// otherwise the longest stretch of a cold run on one core).
    private static func stamps(of names: [String], in directory: String) throws(ToolError) -> [FileStamp] {
        let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw ToolError("cannot read registry folder \(directory): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        return try Parallel.map(chunksOf: names.count, minimumChunk: 512) { (range) throws(ToolError) -> [FileStamp] in
            var stamps: [FileStamp] = []
            stamps.reserveCapacity(range.count)
            for index in range {
                var status = stat()
                guard fstatat(descriptor, names[index], &status, 0) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
                    throw ToolError("cannot read \(directory + "/" + names[index])")
                }
                stamps.append(FileStamp(status))
            }
            return stamps
        }
    }

    // MARK: Reading

    private static let placeholder = ObjectID(bytes: Array(repeating: 0, count: 20))!
    /// A stamp not yet taken (the file's own comes with its bytes).
    private static let unknownStamp = FileStamp(inode: 0, size: -1, modified: 0, changed: 0)


    /// Reads, stamps and hashes files on every core.
    private static func readAndHash(_ paths: [String]) throws(ToolError)
        -> [(bytes: [UInt8], blob: ObjectID, stamp: FileStamp)]
    {
        try parallelMap(paths) { (path, hasher) throws(ToolError) in
            let (bytes, stamp) = try readStamped(path)
            return (bytes, hasher.blobID(of: bytes), stamp)
        }
    }

    private static func read(_ paths: [String]) throws(ToolError) -> [[UInt8]] {
        try parallelMap(paths) { (path, _) throws(ToolError) in try readFile(path) }
    }

    /// The whole content of a file, in one read when its size holds still.
    static func readFile(_ path: String) throws(ToolError) -> [UInt8] {
        try readStamped(path, regularOnly: false).bytes
    }

    /// The whole content of a file and its stamp, as the open file shows it before it is read; with
    /// `regularOnly`, anything but a regular file is refused as a scan refuses it.
    static func readStamped(_ path: String, regularOnly: Bool = true) throws(ToolError) -> (bytes: [UInt8], stamp: FileStamp) {
        // Non-blocking: opening a FIFO named like a model file would otherwise wait for a writer forever; it is
        // refused below as not a regular file (reads of a regular file are unaffected).
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { throw ToolError("cannot read \(path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, !regularOnly || (status.st_mode & S_IFMT) == S_IFREG else {
            throw ToolError("cannot read \(path)")
        }
        let stamp = FileStamp(status)
        var bytes: [UInt8] = []
        // One byte more than the size, to see the end of the file without a second call when it did not grow.
        var chunk = max(Int(status.st_size), 0) + 1
        while true {
            var failure: Int32 = 0
            let before = bytes.count
            let appended = [UInt8](unsafeUninitializedCapacity: chunk) { buffer, count in
                count = 0
                while count < buffer.count {
                    let got = Foundation.read(descriptor, buffer.baseAddress! + count, buffer.count - count)
                    if got < 0 {
                        if errno == EINTR { continue }
                        failure = errno
                        break
                    }
                    if got == 0 { break }
                    count += got
                }
            }
            if failure != 0 { throw ToolError("cannot read \(path): \(String(cString: strerror(failure)))") }
            if before == 0 { bytes = appended } else { bytes.append(contentsOf: appended) }
            if appended.count < chunk { return (bytes, stamp) }
            chunk = 64 * 1024
        }
    }

    /// `transform` over `items` on every core, in order; the first error wins.
    static func parallelMap<T: Sendable>(
        _ items: [String], _ transform: @Sendable (String, GitObjectHasher) throws(ToolError) -> T
    ) throws(ToolError) -> [T] {
        let workers = max(1, min(items.count / 32, ProcessInfo.processInfo.activeProcessorCount))
        let results = Mutex<[[T]]>(Array(repeating: [], count: workers))
        let failure = Mutex<ToolError?>(nil)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let hasher = GitObjectHasher()
            var mine: [T] = []
            mine.reserveCapacity(items.count / workers + 1)
            for index in stride(from: worker, to: items.count, by: workers) {
                do throws(ToolError) {
                    mine.append(try transform(items[index], hasher))
                } catch {
                    failure.withLock { if $0 == nil { $0 = error } }
                    return
                }
            }
            results.withLock { $0[worker] = mine }
        }
        if let error = failure.withLock({ $0 }) { throw error }
        // Worker w holds items w, w + workers, …: interleave them back into order.
        let chunks = results.withLock { $0 }
        var ordered: [T] = []
        ordered.reserveCapacity(items.count)
        for index in items.indices { ordered.append(chunks[index % workers][index / workers]) }
        return ordered
    }
}
