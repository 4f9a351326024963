import Foundation

/// Lists the regular files under a folder for hashing, refusing what cannot be hashed faithfully.
///
/// Names are read as bytes (`readdir`), so a name that is not UTF-8 is reported instead of being silently
/// mangled. Symbolic links are followed when they stay inside the folder (a file is listed under the link's
/// path, as `sha256sum` would name it); links that leave it, dangle or loop are refused.
struct ArtifactWalker {
    struct Entry: Sendable {
        /// Relative to the root, `/`-separated.
        var relativePath: String
        var absolutePath: String
        var status: FileStatus
    }

    /// Names skipped at any depth.
    static let skippedNames: Set<String> = [".git", ".modelreg"]
    /// At most this many problems are listed in one refusal.
    static let problemLimit = 20

    let root: String
    let include: [GlobPattern]
    let exclude: [GlobPattern]

    init(root: String, include: [GlobPattern] = [], exclude: [GlobPattern] = []) {
        var root = root
        while root.count > 1 && root.hasSuffix("/") { root.removeLast() }
        self.root = root
        self.include = include
        self.exclude = exclude
    }

    /// Every file to hash, in no particular order; throws when anything under the root is refused.
    func walk() throws(ToolError) -> [Entry] {
        let top: FileStatus
        switch FileStatus.of(root, followingLinks: true) {
        case .success(let status): top = status
        case .failure(let error): throw ToolError("cannot hash \(root): \(error)")
        }
        guard top.kind == .directory else { throw ToolError("cannot hash \(root): it is not a folder") }
        guard let canonicalRoot = Self.realPath(root) else { throw ToolError("cannot hash \(root): cannot resolve its path") }

        var state = State()
        descend(absolute: root, relative: "", ancestors: [DirectoryID(top)], canonicalRoot: canonicalRoot, state: &state)
        if !state.problems.isEmpty { throw Self.refusal(root, state.problems) }
        return state.entries
    }

    private struct State {
        var entries: [Entry] = []
        var problems: [String] = []
    }

    private struct DirectoryID: Hashable {
        var device: UInt64
        var inode: UInt64
        init(_ status: FileStatus) {
            device = status.device
            inode = status.inode
        }
    }

    private func descend(absolute: String, relative: String, ancestors: [DirectoryID], canonicalRoot: String, state: inout State) {
        let names: [[UInt8]]
        switch Self.names(in: absolute) {
        case .success(let found): names = found
        case .failure(let error):
            state.problems.append("\(Self.display(root, relative.isEmpty ? "." : relative)): cannot read the folder: \(error)")
            return
        }
        for bytes in names {
            guard let name = String(validating: bytes, as: UTF8.self) else {
                let shown = relative.isEmpty ? Self.escaped(bytes) : relative + "/" + Self.escaped(bytes)
                state.problems.append("\(Self.display(root, shown)): the name is not valid UTF-8; rename it")
                continue
            }
            if Self.skippedNames.contains(name) { continue }
            let path = relative.isEmpty ? name : relative + "/" + name
            let full = absolute + "/" + name
            if let problem = ArtifactPathsRule.problem(with: name) {
                state.problems.append("\(Self.display(root, path)): the name \(problem); rename it")
                continue
            }
            if exclude.contains(where: { $0.matches(path) }) { continue }

            let status: FileStatus
            switch FileStatus.of(full, followingLinks: false) {
            case .success(let found): status = found
            case .failure(let error):
                state.problems.append("\(Self.display(root, path)): \(error)")
                continue
            }
            switch status.kind {
            case .directory:
                visit(directory: full, relative: path, status: status, ancestors: ancestors, canonicalRoot: canonicalRoot, state: &state)
            case .regular:
                if isIncluded(path) { state.entries.append(Entry(relativePath: path, absolutePath: full, status: status)) }
            case .symbolicLink:
                follow(link: full, relative: path, ancestors: ancestors, canonicalRoot: canonicalRoot, state: &state)
            default:
                if isIncluded(path) { state.problems.append("\(Self.display(root, path)): \(status.kind.refusal)") }
            }
        }
    }

    private func visit(
        directory: String, relative: String, status: FileStatus, ancestors: [DirectoryID], canonicalRoot: String,
        state: inout State
    ) {
        let id = DirectoryID(status)
        if ancestors.contains(id) {
            state.problems.append("\(Self.display(root, relative)): a symbolic link loop (it leads back to a folder above it)")
            return
        }
        descend(absolute: directory, relative: relative, ancestors: ancestors + [id], canonicalRoot: canonicalRoot, state: &state)
    }

    private func follow(link: String, relative: String, ancestors: [DirectoryID], canonicalRoot: String, state: inout State) {
        let shown = Self.display(root, relative)
        let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: link)) ?? "?"
        guard let resolved = Self.realPath(link) else {
            if isIncluded(relative) { state.problems.append("\(shown): a dangling symbolic link (to \(target))") }
            return
        }
        guard resolved == canonicalRoot || resolved.hasPrefix(canonicalRoot == "/" ? "/" : canonicalRoot + "/") else {
            if isIncluded(relative) {
                state.problems.append("\(shown): a symbolic link to \(resolved), which is outside \(root); copy the file in or hash the folder it points to")
            }
            return
        }
        let status: FileStatus
        switch FileStatus.of(link, followingLinks: true) {
        case .success(let found): status = found
        case .failure(let error):
            state.problems.append("\(shown): \(error)")
            return
        }
        switch status.kind {
        case .directory:
            visit(directory: link, relative: relative, status: status, ancestors: ancestors, canonicalRoot: canonicalRoot, state: &state)
        case .regular:
            if isIncluded(relative) { state.entries.append(Entry(relativePath: relative, absolutePath: link, status: status)) }
        default:
            if isIncluded(relative) { state.problems.append("\(shown): a symbolic link to something that \(status.kind.refusal)") }
        }
    }

    private func isIncluded(_ path: String) -> Bool {
        include.isEmpty || include.contains { $0.matches(path) }
    }

    // MARK: Helpers

    /// The names in a folder as raw bytes, sorted bytewise, without `.` and `..`.
    static func names(in directory: String) -> Result<[[UInt8]], StatusError> {
        guard let handle = opendir(directory) else { return .failure(StatusError(code: errno)) }
        defer { closedir(handle) }
        var names: [[UInt8]] = []
        while true {
            errno = 0
            guard let entry = readdir(handle) else {
                if errno != 0 { return .failure(StatusError(code: errno)) }
                break
            }
            let name = withUnsafeBytes(of: &entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
            if name == [0x2e] || name == [0x2e, 0x2e] { continue }
            names.append(name)
        }
        return .success(names.sorted { $0.lexicographicallyPrecedes($1) })
    }

    /// The absolute path with every symbolic link resolved, or nil when it does not resolve.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Bytes shown as text, with what is not UTF-8 escaped as `\xNN`.
    static func escaped(_ bytes: [UInt8]) -> String {
        var output = ""
        var index = 0
        while index < bytes.count {
            // The longest valid UTF-8 prefix of what is left, else one escaped byte.
            var length = min(4, bytes.count - index)
            var decoded: String?
            while length > 0 {
                if let text = String(validating: bytes[index..<index + length], as: UTF8.self) {
                    decoded = text
                    break
                }
                length -= 1
            }
            if let decoded, length > 0 {
                output += decoded
                index += length
            } else {
                output += "\\x" + String(bytes[index], radix: 16, uppercase: false).leftPadded(to: 2)
                index += 1
            }
        }
        return output
    }

    /// A path under the root as it is shown in messages.
    static func display(_ root: String, _ relative: String) -> String {
        if relative == "." { return root }
        return root.hasSuffix("/") ? root + relative : root + "/" + relative
    }

    /// One error listing every problem (up to a limit), each on its own line, starting with its path.
    static func refusal(_ root: String, _ problems: [String]) -> ToolError {
        var lines = problems.sorted().prefix(problemLimit).map { "  " + $0 }
        if problems.count > problemLimit { lines.append("  … and \(problems.count - problemLimit) more") }
        let count = problems.count == 1 ? "1 problem" : "\(problems.count) problems"
        return ToolError("cannot hash \(root) (\(count)):\n" + lines.joined(separator: "\n"))
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
