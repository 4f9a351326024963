import CGit2
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

// The one place modelreg touches the user's index.
extension Repository {
    /// Starts reading the index on another thread, for a `stageFromWorkingTree` to come: a large index then costs
    /// no time of its own when the caller has other work to do meanwhile (a commit writes its objects). Does nothing
    /// in a bare repository.
    public func readIndexAhead() {
        guard let workingDirectory, indexReadAhead == nil else { return }
        indexReadAhead = IndexReadAhead(repositoryAt: gitDirectory, workingDirectory: workingDirectory)
    }

    /// Stages exactly these repository-relative paths as they are in the work tree: a file that
    /// exists is added (`git add`), one that does not is removed from the index (`git rm --cached`).
    /// Everything else in the index, staged or not, is left as it was.
    ///
    /// libgit2 takes `index.lock` to write the index; while another git process holds it, this
    /// retries for up to `lockTimeout` and then fails with `isConcurrentUpdate` true.
    public func stageFromWorkingTree(paths: [String], lockTimeout: Duration = .seconds(2)) throws(GitError) {
        guard let workingDirectory else {
            throw GitError(operation: "staging \(paths.count) paths", code: GIT_EBAREREPO.rawValue,
                           message: "the repository is bare: it has no work tree or index to stage into")
        }
        for path in paths {
            let components = path.split(separator: "/", omittingEmptySubsequences: false)
            guard !path.hasPrefix("/"), !components.isEmpty,
                  !components.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) else {
                throw GitError(operation: "staging '\(path)'", code: GIT_EINVALIDSPEC.rawValue,
                               message: "'\(path)' is not a path relative to the work tree's root")
            }
        }
        // The index read ahead (see `readIndexAhead`), through the repository handle that read it; else read now.
        let readAhead = indexReadAhead?.take()
        indexReadAhead = nil
        let index: Handle
        if let readAhead {
            index = readAhead.index
        } else {
            index = try Handle.make("opening the index", free: git_index_free) { git_repository_index(&$0, handle) }
        }
        let deadline = ContinuousClock.now.advanced(by: lockTimeout)
        try withExtendedLifetime((index, readAhead)) { () throws(GitError) in
            while true {
                do throws(GitError) {
                    // Start from what is on disk now: another process may have staged since. Opening the index read
                    // it; it is read again only when the file changed since (a second full read costs as much as the
                    // rest of the update).
                    try check(git_index_read(index.pointer, 0), "reading the index")
                    for path in paths {
                        var status = stat()
                        if lstat(workingDirectory + path, &status) == 0 {
                            try check(git_index_add_bypath(index.pointer, path), "staging '\(path)'")
                        } else {
                            try check(git_index_remove_bypath(index.pointer, path), "unstaging removed '\(path)'")
                        }
                    }
                    try check(git_index_write(index.pointer), "writing the index")
                    return
                } catch where error.code == GIT_ELOCKED.rawValue {
                    guard ContinuousClock.now < deadline else {
                        let lock = (git_index_path(index.pointer).map { String(cString: $0) } ?? gitDirectory + "index") + ".lock"
                        throw GitError(
                            operation: "writing the index", code: error.code,
                            message: "the index is locked by another git process (\(lock) exists); "
                                + "wait for it to finish, or remove that file if no git process is running")
                    }
                    usleep(50_000)
                }
            }
        }
    }
}
