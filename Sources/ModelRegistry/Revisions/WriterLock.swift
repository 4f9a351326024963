import Foundation

/// An exclusive advisory lock (`flock`) that serialises modelreg writers of one repository.
/// The kernel releases it when the process dies, even by `kill -9`, so it can never be left behind.
final class WriterLock {
    private let descriptor: Int32

    /// Blocks until the lock at `path` is held.
    init(path: String) throws(ToolError) {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw ToolError("cannot open the writer lock \(path): \(String(cString: strerror(errno)))")
        }
        while flock(descriptor, LOCK_EX) != 0 {
            if errno == EINTR { continue }
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw ToolError("cannot take the writer lock \(path): \(reason)")
        }
        self.descriptor = descriptor
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}

/// Writes files so that a reader (or a crash) sees the old contents or the new, never half.
enum AtomicFile {
    static func write(_ bytes: [UInt8], to path: String) throws(ToolError) {
        let directory = (path as NSString).deletingLastPathComponent
        let temporary = directory + "/.modelreg-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw ToolError("cannot write \(path): \(String(cString: strerror(errno)))")
        }
        var written = 0
        while written < bytes.count {
            let result = bytes[written...].withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            if result < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                close(descriptor)
                unlink(temporary)
                throw ToolError("cannot write \(path): \(reason)")
            }
            written += result
        }
        fsync(descriptor)
        close(descriptor)
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw ToolError("cannot replace \(path): \(reason)")
        }
    }

    static func read(_ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path).map { Array($0) }
    }
}
