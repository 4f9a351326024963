import CGit2
import Dispatch

/// The index, opened and read on another thread while the caller goes on (a commit reads a large index while it
/// writes its tree), through a `git_repository` of its own: libgit2 handles are never used by two threads at once.
/// The handles pass to the caller after the read, through `take()`.
final class IndexReadAhead: @unchecked Sendable {
    private let finished = DispatchSemaphore(value: 0)
    private var opened: (repository: Handle, index: Handle)?
    private var taken = false

    /// Starts reading the index of the repository at `path` (its git directory), whose work tree must be
    /// `workingDirectory` (else nothing is read ahead).
    init(repositoryAt path: String, workingDirectory: String) {
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            defer { finished.signal() }
            var repository: OpaquePointer?
            guard git_repository_open(&repository, path) == 0, let repository else { return }
            let owner = Handle(repository, free: git_repository_free)
            guard git_repository_workdir(repository).map({ String(cString: $0) }) == workingDirectory else { return }
            var index: OpaquePointer?
            guard git_repository_index(&index, repository) == 0, let index else { return }
            opened = (owner, Handle(index, free: git_index_free))
        }
    }

    /// Waits for the read to finish; the repository and its index, or nil when they could not be opened (or were
    /// taken already). The index is as it was when read: its user reads it again if the file changed since.
    func take() -> (repository: Handle, index: Handle)? {
        finished.wait()
        defer { finished.signal() }
        guard !taken else { return nil }
        taken = true
        defer { opened = nil }
        return opened
    }

    deinit {
        finished.wait()  // the handles are freed here, never while the other thread holds them
    }
}
