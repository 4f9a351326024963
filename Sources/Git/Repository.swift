import CGit2
import Dispatch
import Synchronization

/// An open git repository. Owns its `git_repository` handle and frees it in `deinit`;
/// the handle never leaves this module.
public final class Repository {
    let handle: OpaquePointer

    /// Opens the repository that contains `path`, walking up like git does
    /// (worktrees and bare repositories included).
    public static func discover(from path: String) throws(GitError) -> Repository {
        LibGit2.retain()
        var buffer = git_buf()
        defer { git_buf_dispose(&buffer) }
        do {
            try check(git_repository_discover(&buffer, path, 0, nil), "discovering a repository from \(path)")
        } catch {
            LibGit2.release()
            throw error
        }
        let gitDirectory = String(cString: buffer.ptr)
        // Released after the repository holds its own reference: dropping to zero in between would shut libgit2 down
        // and initialise it again (loading the TLS certificates twice).
        defer { LibGit2.release() }
        return try Repository(path: gitDirectory)
    }

    /// Opens the repository at `path` (its work tree or its git directory).
    public init(path: String) throws(GitError) {
        LibGit2.retain()
        var pointer: OpaquePointer?
        do {
            try check(git_repository_open(&pointer, path), "opening repository \(path)")
        } catch {
            LibGit2.release()
            throw error
        }
        handle = pointer!
    }

    /// The object database, opened on first use (raw object reads).
    private(set) lazy var objectDatabase: Handle? = {
        var pointer: OpaquePointer?
        guard git_repository_odb(&pointer, handle) == 0, let pointer else { return nil }
        return Handle(pointer, free: git_odb_free)
    }()

    /// The raw bytes of the last trees read by `diffTrees`: walking history, a commit's tree is read again at once
    /// as its parent's.
    var recentTrees = RecentTrees()

    /// The index being read on another thread, when `readIndexAhead()` started it.
    var indexReadAhead: IndexReadAhead?

    deinit {
        indexReadAhead = nil  // before libgit2 may shut down
        git_repository_free(handle)
        LibGit2.release()
    }

    /// The work tree's root (with a trailing `/`), or nil for a bare repository.
    public var workingDirectory: String? {
        git_repository_workdir(handle).map { String(cString: $0) }
    }

    /// The git directory (with a trailing `/`).
    public var gitDirectory: String { String(cString: git_repository_path(handle)) }

    public var isBare: Bool { git_repository_is_bare(handle) == 1 }

    /// True when the repository is a shallow clone: its history is cut.
    public var isShallow: Bool { git_repository_is_shallow(handle) == 1 }

    /// The commit `HEAD` points at, or nil on an unborn branch.
    public func headCommitID() throws(GitError) -> ObjectID? {
        var oid = git_oid()
        let code = git_reference_name_to_id(&oid, handle, "HEAD")
        if code == GIT_ENOTFOUND.rawValue || code == GIT_EUNBORNBRANCH.rawValue { return nil }
        try check(code, "resolving HEAD")
        return ObjectID(oid)
    }
}

/// Pairs `git_libgit2_init` with `git_libgit2_shutdown` (both are reference counted by libgit2).
enum LibGit2 {
    /// Held while libgit2 is initialized and its options set, so that a repository opened on one thread while
    /// `startLibgit2Early` initializes libgit2 on another waits for the options too.
    private static let initialization = Mutex<Void>(())

    static func retain() {
        initialization.withLock { _ in
            // The first initialization sets the process-wide options.
            if git_libgit2_init() == 1 {
                // Like git, trust the object database's ids on read instead of hashing every object read again: a
                // registry tree of 10,000 entries is half a megabyte, and history reads two per commit. `git fsck`
                // (and modelreg's tests) check the objects themselves.
                _ = modelreg_git_set_strict_hash_verification(0)
            }
        }
    }
    static func release() { git_libgit2_shutdown() }

    /// The linked libgit2's version, e.g. `1.5.1`.
    static var version: String {
        var major: Int32 = 0, minor: Int32 = 0, revision: Int32 = 0
        git_libgit2_version(&major, &minor, &revision)
        return "\(major).\(minor).\(revision)"
    }
}

/// Starts libgit2 on a thread of its own, for a process that will open a repository soon: its initialization
/// (on Debian, parsing the system's bundle of TLS certificates, which modelreg never uses, about 10 ms) then overlaps
/// what the process does before (parsing its arguments). Opening a repository meanwhile waits for it to finish.
public func startLibgit2Early() {
    DispatchQueue.global().async { LibGit2.retain() }
}

/// The version of the libgit2 that modelreg is linked against.
public var libgit2Version: String { LibGit2.version }
