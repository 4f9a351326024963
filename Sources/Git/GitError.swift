import CGit2

/// A failed libgit2 call: the operation, libgit2's return code and its own message.
public struct GitError: Error, Sendable, CustomStringConvertible {
    public var operation: String
    public var code: Int32
    public var message: String

    public var description: String { "\(operation) failed: \(message) (libgit2 error \(code))" }

    /// libgit2's code for "not found" (`GIT_ENOTFOUND`).
    public var isNotFound: Bool { code == GIT_ENOTFOUND.rawValue }

    /// True when someone else changed the same thing first: a reference moved or appeared
    /// since it was read (`GIT_EMODIFIED`, `GIT_EEXISTS`) or its lock file is held
    /// (`GIT_ELOCKED`). Re-read and try again.
    public var isConcurrentUpdate: Bool {
        code == GIT_EMODIFIED.rawValue || code == GIT_EEXISTS.rawValue || code == GIT_ELOCKED.rawValue
    }
}

/// Checks a libgit2 return code, reading `git_error_last()` at once, in the same synchronous call.
@discardableResult
func check(_ code: Int32, _ operation: @autoclosure () -> String) throws(GitError) -> Int32 {
    guard code < 0 else { return code }
    var message = "unknown error"
    if let last = git_error_last(), let text = last.pointee.message {
        message = String(cString: text)
    }
    throw GitError(operation: operation(), code: code, message: message)
}
