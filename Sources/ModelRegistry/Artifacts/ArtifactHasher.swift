import Foundation
import Synchronization

/// One file of a model folder and its SHA-256.
public struct HashedFile: Sendable, Hashable {
    /// Relative to the hashed folder, `/`-separated (an acceptable `artifacts.files[].path`).
    public var path: String
    /// 64 lowercase hex digits.
    public var sha256: String
    /// In bytes.
    public var size: Int64

    public init(path: String, sha256: String, size: Int64) {
        self.path = path
        self.sha256 = sha256
        self.size = size
    }

    /// The `sha256sum` line: `<sha256>  <path>`.
    public var sha256sumLine: String { "\(sha256)  \(path)" }
}

/// Everything one hashing run produced.
public struct HashRun: Sendable {
    /// The folder as it was given.
    public var directory: String
    /// Every file, sorted bytewise by path.
    public var files: [HashedFile]
    /// Files read from disk in this run.
    public var hashedCount: Int
    /// Files whose hash came from the stat cache.
    public var cachedCount: Int
    /// Bytes read from disk in this run.
    public var bytesHashed: Int64

    /// The aggregate hash of `files` (see `AggregateHash`).
    public var aggregateSHA256: String { ArtifactHasher.aggregate(of: files) }
    /// The size of all files.
    public var totalBytes: Int64 { files.reduce(0) { $0 + $1.size } }
}

/// Hashes every regular file under a folder, the way `sha256sum` would, fast:
///
/// - Files are streamed in large blocks into a buffer reused by each worker, never held in memory whole; several
///   files are hashed at once, one per core, biggest first so that the last one to finish is small.
/// - `.git/` and `.modelreg/` are skipped at any depth; `include` and `exclude` globs (`GlobPattern`) select files.
/// - Refused, with the offending path in the message: symbolic links that leave the folder (or dangle, or loop),
///   device files, FIFOs and sockets, and names that are not UTF-8 or that `artifact-paths` would reject.
/// - A file whose size, modification or change time, or inode differs after it was read than before was changing
///   while it was hashed: it is reported (the run fails) and its hash is neither returned nor cached.
/// - A stat cache (`HashCache`) maps (size, mtime and ctime in nanoseconds, inode, device) to the hash, so a second
///   run reads only files that changed. It lives in `cacheFolder`, by default the `.modelreg/` folder at the root
///   of the git work tree around the current directory (the registry's repository), else `DIR/.modelreg/`; one
///   file per hashed folder, named after the hash of its absolute path. `useCache: false` neither reads nor
///   writes it.
/// - With `progress`, a progress bar (bytes, rate, ETA) is drawn on stderr when it is a terminal and the work
///   takes more than a second; nothing is written to pipes or CI logs.
public struct ArtifactHasher: Sendable {
    public var include: [String]
    public var exclude: [String]
    public var useCache: Bool
    public var progress: Bool
    /// The folder that holds `hash-cache/`; nil for the default described above.
    public var cacheFolder: String?

    /// Bytes per `read(2)`.
    var blockSize = 1 << 20
    /// Files changed less than this long before they were read are not cached: a later change within the same
    /// file-system timestamp tick would otherwise go unnoticed (git's "racy clean" problem).
    var racyWindowNanoseconds: Int64 = 1_000_000_000
    /// Worker threads; nil for one per core.
    var workerCount: Int?
    /// Called after each block is read, with the file's relative path (tests use it to change a file mid-read).
    var afterBlock: (@Sendable (String) -> Void)?

    public init(include: [String] = [], exclude: [String] = [], useCache: Bool = true, progress: Bool = false) {
        self.include = include
        self.exclude = exclude
        self.useCache = useCache
        self.progress = progress
    }

    /// Every regular file under `directory`, hashed, sorted bytewise by path.
    public func hash(directory: String) throws(ToolError) -> [HashedFile] {
        try run(directory: directory).files
    }

    /// One file on its own; its `path` is the file's name.
    public func hash(file: String) throws(ToolError) -> HashedFile {
        let parent = (file as NSString).deletingLastPathComponent
        let name = (file as NSString).lastPathComponent
        let status: FileStatus
        switch FileStatus.of(file, followingLinks: true) {
        case .success(let found): status = found
        case .failure(let reason): throw ToolError("cannot hash \(file): \(reason)")
        }
        guard status.kind == .regular else { throw ToolError("cannot hash \(file): \(status.kind.refusal)") }
        if let problem = ArtifactPathsRule.problem(with: name) {
            throw ToolError("cannot hash \(file): the file name \(problem)")
        }
        let job = ArtifactWalker.Entry(relativePath: name, absolutePath: file, status: status)
        return try hash(entries: [job], directory: parent.isEmpty ? "." : parent, cacheKey: file).files[0]
    }

    /// Every file under `directory`, with counts of what was read and what came from the cache.
    public func run(directory: String) throws(ToolError) -> HashRun {
        let walker = ArtifactWalker(
            root: directory, include: include.map(GlobPattern.init), exclude: exclude.map(GlobPattern.init))
        let entries = try walker.walk()
        return try hash(entries: entries, directory: directory, cacheKey: directory)
    }

    /// The aggregate hash of a set of files (`sha256sum FILES | LC_ALL=C sort | sha256sum`).
    public static func aggregate(of files: [HashedFile]) -> String {
        AggregateHash.compute(files.map { ArtifactHash(path: $0.path, sha256: $0.sha256) })
    }

    // MARK: The run

    private func hash(entries: [ArtifactWalker.Entry], directory: String, cacheKey: String) throws(ToolError) -> HashRun {
        var cache = useCache ? HashCache(folder: cacheFolder ?? HashCache.defaultFolder(for: directory), key: cacheKey) : nil
        var files: [HashedFile] = []
        var jobs: [ArtifactWalker.Entry] = []
        for entry in entries {
            if let sha256 = cache?.hit(entry.relativePath, status: entry.status) {
                files.append(HashedFile(path: entry.relativePath, sha256: sha256, size: entry.status.size))
            } else {
                jobs.append(entry)
            }
        }
        let cachedCount = files.count
        // Biggest first, so that the workers finish together.
        jobs.sort { $0.status.size > $1.status.size }

        let meter = progress ? HashProgress.startIfWanted(totalBytes: jobs.reduce(0) { $0 + $1.status.size }) : nil
        let outcomes = digest(jobs, meter: meter)
        meter?.finish()

        var problems: [String] = []
        var bytesHashed: Int64 = 0
        for (job, outcome) in zip(jobs, outcomes) {
            let shown = ArtifactWalker.display(directory, job.relativePath)
            switch outcome {
            case .hashed(let sha256, let status, let readAt):
                files.append(HashedFile(path: job.relativePath, sha256: sha256, size: status.size))
                bytesHashed += status.size
                if status.changeTimeNanoseconds < readAt - racyWindowNanoseconds
                    && status.modificationTimeNanoseconds < readAt - racyWindowNanoseconds
                {
                    cache?.record(job.relativePath, status: status, sha256: sha256)
                }
            case .changed(let reason):
                problems.append("\(shown): changed while it was being hashed (\(reason)); not recorded, hash again once it is complete")
            case .failed(let reason):
                problems.append("\(shown): \(reason)")
            }
        }
        cache?.save()
        if !problems.isEmpty { throw ArtifactWalker.refusal(directory, problems) }
        files.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        return HashRun(
            directory: directory, files: files, hashedCount: jobs.count, cachedCount: cachedCount,
            bytesHashed: bytesHashed)
    }

    /// Hashes the jobs on every core; the outcomes are in the order of `jobs`.
    ///
    /// The workers are threads of their own (the calling thread is one of them), not a dispatch or Swift
    /// concurrency pool: a caller that is itself on a saturated pool (a test, an async command) cannot starve them.
    private func digest(_ jobs: [ArtifactWalker.Entry], meter: HashProgress?) -> [FileDigester.Outcome] {
        guard !jobs.isEmpty else { return [] }
        let workers = max(1, min(workerCount ?? System.coreCount, jobs.count))
        let queue = DigestQueue(jobs: jobs, blockSize: blockSize, meter: meter, afterBlock: afterBlock)
        let group = DispatchGroup()
        for _ in 1..<workers {
            group.enter()
            let thread = Thread {
                queue.work()
                group.leave()
            }
            thread.name = "modelreg hash"
            thread.start()
        }
        queue.work()
        group.wait()
        return queue.outcomes
    }
}

/// The files to hash, handed out one at a time to whichever worker asks first, and what became of each.
private final class DigestQueue: Sendable {
    let jobs: [ArtifactWalker.Entry]
    let blockSize: Int
    let meter: HashProgress?
    let afterBlock: (@Sendable (String) -> Void)?
    private let next = Atomic<Int>(0)
    private let results: Mutex<[FileDigester.Outcome?]>

    init(jobs: [ArtifactWalker.Entry], blockSize: Int, meter: HashProgress?, afterBlock: (@Sendable (String) -> Void)?) {
        self.jobs = jobs
        self.blockSize = blockSize
        self.meter = meter
        self.afterBlock = afterBlock
        results = Mutex(Array(repeating: nil, count: jobs.count))
    }

    /// Hashes jobs until none is left.
    func work() {
        let digester = FileDigester(blockSize: blockSize, meter: meter, afterBlock: afterBlock)
        while true {
            let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
            guard index < jobs.count else { return }
            let outcome = digester.digest(jobs[index])
            results.withLock { $0[index] = outcome }
        }
    }

    var outcomes: [FileDigester.Outcome] {
        results.withLock { $0.map { $0 ?? .failed("was not hashed") } }
    }
}
