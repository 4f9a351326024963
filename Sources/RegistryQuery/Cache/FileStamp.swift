import Foundation

/// What `stat` says about a file that changes whenever its content may have: inode (an editor's
/// save-by-rename makes a new one), size, and modification and status-change times in nanoseconds
/// (writing a file moves both; resetting `mtime` with `touch -d` still moves `ctime`).
struct FileStamp: Sendable, Hashable {
    var inode: UInt64
    var size: Int64
    var modified: Int64
    var changed: Int64

    init(inode: UInt64, size: Int64, modified: Int64, changed: Int64) {
        self.inode = inode
        self.size = size
        self.modified = modified
        self.changed = changed
    }

    init(_ status: stat) {
        inode = UInt64(status.st_ino)
        size = Int64(status.st_size)
        modified = Int64(status.st_mtim.tv_sec) * 1_000_000_000 + Int64(status.st_mtim.tv_nsec)
        changed = Int64(status.st_ctim.tv_sec) * 1_000_000_000 + Int64(status.st_ctim.tv_nsec)
    }

    /// How long after a change a stamp is trusted to reveal the next one. A file system keeps times at
    /// some granularity (a kernel tick; a second or two on some), so a file changed again within the
    /// same tick and at the same size would look untouched. A stamp taken less than this after the
    /// file's last change is not trusted: the file is hashed again, as git treats "racily clean" files.
    static let settleNanoseconds: Int64 = 2_000_000_000

    /// Whether a stamp taken at `now` (nanoseconds since the epoch) will show any later change.
    func isSettled(at now: Int64) -> Bool {
        modified < now - Self.settleNanoseconds && changed < now - Self.settleNanoseconds
    }

    /// The wall clock in nanoseconds since the epoch, the clock file times are set from.
    static func now() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }
}
