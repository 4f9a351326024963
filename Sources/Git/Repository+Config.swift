import CGit2

// Configuration, identity and HEAD.
extension Repository {
    /// A configuration value as git resolves it (local, then global, then system), read from a
    /// fresh snapshot; nil when it is not set.
    public func config(_ key: String) -> String? {
        guard let snapshot = try? Handle.make("reading the configuration", free: git_config_free, {
            git_repository_config_snapshot(&$0, handle)
        }) else { return nil }
        return withExtendedLifetime(snapshot) {
            var value: UnsafePointer<CChar>?
            guard git_config_get_string(&value, snapshot.pointer, key) == 0, let value else { return nil }
            return String(cString: value)
        }
    }

    /// The identity to record as author and committer, from `user.name` and `user.email`,
    /// with the current time. When it is not configured the error says how to configure it.
    public func defaultSignature() throws(GitError) -> Signature {
        var pointer: UnsafeMutablePointer<git_signature>?
        do {
            try check(git_signature_default(&pointer, handle), "reading the commit identity (user.name, user.email)")
        } catch {
            let missing = ["user.name", "user.email"].filter { (config($0) ?? "").isEmpty }
            let what = switch missing.count {
            case 0: "user.name and user.email are not usable"
            case 1: "\(missing[0]) is not set"
            default: "user.name and user.email are not set"
            }
            var commands = [String]()
            if missing.isEmpty || missing.contains("user.name") { commands.append("  git config user.name \"Your Name\"") }
            if missing.isEmpty || missing.contains("user.email") { commands.append("  git config user.email you@example.com") }
            throw GitError(
                operation: error.operation, code: error.code,
                message: "no identity to record commits with: \(what) (\(error.message)). Set \(commands.count == 1 ? "it" : "them") with\n"
                    + commands.joined(separator: "\n") + "\n(add --global to use it in every repository)")
        }
        return SignatureHandle(taking: pointer!).value
    }

    /// The full name of the branch HEAD points at (`refs/heads/main`), also on an unborn branch.
    /// A detached HEAD is an error: modelreg records its changes as commits on a branch.
    public func headReferenceName() throws(GitError) -> String {
        let head = try Handle.make("reading HEAD", free: git_reference_free) {
            git_reference_lookup(&$0, handle, "HEAD")
        }
        return try withExtendedLifetime(head) { () throws(GitError) -> String in
            if git_reference_type(head.pointer) == GIT_REFERENCE_SYMBOLIC,
               let target = git_reference_symbolic_target(head.pointer) {
                return String(cString: target)
            }
            let at = git_reference_target(head.pointer).map { " at " + ObjectID($0.pointee).shortHex } ?? ""
            throw GitError(
                operation: "reading HEAD", code: GIT_ERROR.rawValue,
                message: "HEAD is detached\(at); modelreg records changes as commits on a branch, "
                    + "so switch to one first (git switch <branch>, or git switch -c <new-branch> to start one here)")
        }
    }
}
