import CGit2

/// Owns one libgit2 handle and frees it in `deinit`: the only place such a handle is freed.
///
/// Handles never leave this module. A pointer borrowed from a handle (a tree entry, a
/// signature inside a commit, a C string) is valid only while its owner is alive, so code
/// that reads through one keeps the owner alive with `withExtendedLifetime`.
final class Handle {
    let pointer: OpaquePointer
    private let free: @convention(c) (OpaquePointer?) -> Void

    init(_ pointer: OpaquePointer, free: @escaping @convention(c) (OpaquePointer?) -> Void) {
        self.pointer = pointer
        self.free = free
    }

    deinit { free(pointer) }

    /// Calls a libgit2 constructor (`git_*_lookup`, `git_*_new`, ...) and takes ownership of
    /// what it made, checking its return code on the way.
    static func make(
        _ operation: @autoclosure () -> String,
        free: @escaping @convention(c) (OpaquePointer?) -> Void,
        _ create: (inout OpaquePointer?) -> Int32
    ) throws(GitError) -> Handle {
        var pointer: OpaquePointer?
        try check(create(&pointer), operation())
        guard let pointer else {
            throw GitError(operation: operation(), code: GIT_ERROR.rawValue, message: "libgit2 returned no object")
        }
        return Handle(pointer, free: free)
    }
}

/// Owns a `git_signature` (a plain C struct, so not an opaque pointer) and frees it in `deinit`.
final class SignatureHandle {
    let pointer: UnsafeMutablePointer<git_signature>

    /// Makes a libgit2 signature from a Swift value (`git_signature_new` validates it).
    init(_ signature: Signature, _ operation: @autoclosure () -> String) throws(GitError) {
        var made: UnsafeMutablePointer<git_signature>?
        try check(
            git_signature_new(&made, signature.name, signature.email, signature.time, Int32(clamping: signature.offsetMinutes)),
            operation())
        pointer = made!
    }

    /// Takes ownership of a signature libgit2 allocated.
    init(taking pointer: UnsafeMutablePointer<git_signature>) {
        self.pointer = pointer
    }

    deinit { git_signature_free(pointer) }

    var value: Signature { Signature(copying: pointer) }
}
