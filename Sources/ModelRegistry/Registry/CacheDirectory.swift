import Foundation

/// The `.modelreg/` folder, where modelreg keeps what it can always rebuild from git and the files:
/// the history index and the parsed-entry cache.
///
/// It ignores itself: creating it writes `.modelreg/.gitignore` holding `*`, so it never shows in
/// `git status`, whatever the repository's own `.gitignore` says.
public enum CacheDirectory {
    /// The folder's name.
    public static let name = ".modelreg"

    /// Where to cache for a registry folder read from disk: `.modelreg/` at the root of the git work
    /// tree that holds the folder (the nearest `.git` at or above it), else beside the folder.
    public static func forFolder(_ registryFolder: String) -> String {
        let folder = RegistryRepository.canonical(registryFolder)
        var current = folder
        while true {
            if access(current == "/" ? "/.git" : current + "/.git", F_OK) == 0 {
                return (current == "/" ? "" : current) + "/" + name
            }
            if current == "/" || current.isEmpty { break }
            current = (current as NSString).deletingLastPathComponent
        }
        let parent = (folder as NSString).deletingLastPathComponent
        return (parent == "/" ? "" : parent) + "/" + name
    }

    /// Where to cache for a registry read from a repository: `.modelreg/` in its work tree, or
    /// `modelreg/` in the git directory of a bare repository.
    public static func forRepository(_ registry: RegistryRepository) -> String {
        registry.workTree.map { $0 + "/" + name } ?? registry.repository.gitDirectory + "modelreg"
    }

    /// Creates `path` (and its parents) when missing, with a `.gitignore` of `*` in the `.modelreg/`
    /// folder it is or lies in, so that nothing modelreg caches is ever committed by accident.
    public static func prepare(_ path: String) throws(ToolError) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw ToolError("cannot create \(path): \(error.localizedDescription)")
        }
        var root = path
        while !root.isEmpty, root != "/", (root as NSString).lastPathComponent != name {
            root = (root as NSString).deletingLastPathComponent
        }
        guard (root as NSString).lastPathComponent == name else { return }
        let ignore = root + "/.gitignore"
        if access(ignore, F_OK) != 0 {
            try AtomicFile.write(Array("# written by modelreg: everything here is a cache\n*\n".utf8), to: ignore)
        }
    }
}
