import Digest
import Foundation

/// Hashes files one after another through one reused, page-aligned buffer; one per worker thread.
final class FileDigester {
    enum Outcome: Sendable {
        /// The hash, the file's status (the same before and after reading), and when it was read.
        case hashed(sha256: String, status: FileStatus, readAt: Int64)
        /// The file changed while it was read: why we think so.
        case changed(String)
        /// It could not be read: why.
        case failed(String)
    }

    private let buffer: UnsafeMutableRawBufferPointer
    private let meter: HashProgress?
    private let afterBlock: (@Sendable (String) -> Void)?

    init(blockSize: Int, meter: HashProgress?, afterBlock: (@Sendable (String) -> Void)?) {
        buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: blockSize, alignment: 4096)
        self.meter = meter
        self.afterBlock = afterBlock
    }

    deinit { buffer.deallocate() }

    func digest(_ entry: ArtifactWalker.Entry) -> Outcome {
        let descriptor = open(entry.absolutePath, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failed("cannot open: \(StatusError(code: errno))") }
        defer { close(descriptor) }
        let before: FileStatus
        switch FileStatus.of(descriptor: descriptor) {
        case .success(let status): before = status
        case .failure(let error): return .failed("cannot stat: \(error)")
        }
        guard before.kind == .regular else { return .failed(before.kind.refusal) }
        #if os(Linux)
            _ = posix_fadvise(descriptor, 0, 0, POSIX_FADV_SEQUENTIAL)
        #endif

        let hasher = SHA256()
        var total: Int64 = 0
        while true {
            let count = read(descriptor, buffer.baseAddress, buffer.count)
            if count < 0 {
                if errno == EINTR { continue }
                return .failed("cannot read: \(StatusError(code: errno))")
            }
            if count == 0 { break }
            hasher.update(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
            total += Int64(count)
            meter?.add(count)
            afterBlock?(entry.relativePath)
        }

        let afterDescriptor = FileStatus.of(descriptor: descriptor)
        let afterPath = FileStatus.of(entry.absolutePath, followingLinks: true)
        let readAt = FileStatus.now
        guard case .success(let after) = afterDescriptor else { return .changed("it could no longer be examined") }
        guard case .success(let now) = afterPath else { return .changed("it was removed") }
        if let reason = Self.change(before: before, after: after, now: now, bytesRead: total) { return .changed(reason) }
        return .hashed(sha256: hasher.finalize().hex, status: before, readAt: readAt)
    }

    /// Why the file is not the one that was read, or nil when nothing changed.
    static func change(before: FileStatus, after: FileStatus, now: FileStatus, bytesRead: Int64) -> String? {
        if after.size != before.size { return "its size went from \(before.size) to \(after.size) bytes" }
        if bytesRead != before.size { return "\(bytesRead) bytes were read of \(before.size)" }
        if after.modificationTimeNanoseconds != before.modificationTimeNanoseconds { return "it was modified" }
        if after.changeTimeNanoseconds != before.changeTimeNanoseconds { return "its status changed" }
        if now.inode != before.inode || now.device != before.device { return "it was replaced by another file" }
        if !now.sameContents(as: before) { return "it was modified" }
        return nil
    }
}
