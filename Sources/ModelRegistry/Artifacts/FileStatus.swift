import Foundation

/// What `stat(2)` says about a file, as far as hashing cares: enough to tell that it changed.
struct FileStatus: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        case regular, directory, symbolicLink, characterDevice, blockDevice, fifo, socket, unknown

        /// Why a file of this kind is not hashed.
        var refusal: String {
            switch self {
            case .regular: "is a regular file"
            case .directory: "is a folder"
            case .symbolicLink: "is a symbolic link"
            case .characterDevice: "is a character device; only regular files are hashed"
            case .blockDevice: "is a block device; only regular files are hashed"
            case .fifo: "is a FIFO (named pipe); only regular files are hashed"
            case .socket: "is a socket; only regular files are hashed"
            case .unknown: "is not a regular file; only regular files are hashed"
            }
        }
    }

    var kind: Kind
    var size: Int64
    var modificationTimeNanoseconds: Int64
    var changeTimeNanoseconds: Int64
    var inode: UInt64
    var device: UInt64

    init(kind: Kind, size: Int64, modificationTimeNanoseconds: Int64, changeTimeNanoseconds: Int64, inode: UInt64, device: UInt64) {
        self.kind = kind
        self.size = size
        self.modificationTimeNanoseconds = modificationTimeNanoseconds
        self.changeTimeNanoseconds = changeTimeNanoseconds
        self.inode = inode
        self.device = device
    }

    init(_ raw: stat) {
        switch raw.st_mode & S_IFMT {
        case S_IFREG: kind = .regular
        case S_IFDIR: kind = .directory
        case S_IFLNK: kind = .symbolicLink
        case S_IFCHR: kind = .characterDevice
        case S_IFBLK: kind = .blockDevice
        case S_IFIFO: kind = .fifo
        case S_IFSOCK: kind = .socket
        default: kind = .unknown
        }
        size = Int64(raw.st_size)
        #if canImport(Darwin)
            modificationTimeNanoseconds = Int64(raw.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(raw.st_mtimespec.tv_nsec)
            changeTimeNanoseconds = Int64(raw.st_ctimespec.tv_sec) * 1_000_000_000 + Int64(raw.st_ctimespec.tv_nsec)
        #else
            modificationTimeNanoseconds = Int64(raw.st_mtim.tv_sec) * 1_000_000_000 + Int64(raw.st_mtim.tv_nsec)
            changeTimeNanoseconds = Int64(raw.st_ctim.tv_sec) * 1_000_000_000 + Int64(raw.st_ctim.tv_nsec)
        #endif
        inode = UInt64(raw.st_ino)
        device = UInt64(raw.st_dev)
    }

    /// `stat` (following symbolic links) or `lstat`; the failure is `strerror`'s text.
    static func of(_ path: String, followingLinks: Bool) -> Result<FileStatus, StatusError> {
        var raw = stat()
        let result = followingLinks ? stat(path, &raw) : lstat(path, &raw)
        guard result == 0 else { return .failure(StatusError(code: errno)) }
        return .success(FileStatus(raw))
    }

    /// `fstat` of an open descriptor.
    static func of(descriptor: Int32) -> Result<FileStatus, StatusError> {
        var raw = stat()
        guard fstat(descriptor, &raw) == 0 else { return .failure(StatusError(code: errno)) }
        return .success(FileStatus(raw))
    }

    /// The same file with the same contents, as far as the metadata can tell.
    func sameContents(as other: FileStatus) -> Bool {
        size == other.size && modificationTimeNanoseconds == other.modificationTimeNanoseconds
            && changeTimeNanoseconds == other.changeTimeNanoseconds && inode == other.inode && device == other.device
    }

    /// The wall-clock time now, in nanoseconds since 1970, comparable with the file times.
    static var now: Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }
}

/// An `errno` from a file-system call.
struct StatusError: Error, Sendable, CustomStringConvertible {
    var code: Int32
    var description: String { String(cString: strerror(code)) }
}
