import Foundation
import Git

/// A registry that lives in a git repository: the repository, and where in it the registry folder is.
public final class RegistryRepository {
    public let repository: Repository
    /// The registry folder relative to the repository root, `/`-separated (usually `registry`).
    public let registryPath: String
    /// The work tree root (with no trailing `/`), nil for a bare repository.
    public let workTree: String?

    /// Opens the repository containing `directory`; the registry folder is `registryDirectory` when given
    /// (it must be inside the work tree), else the nearest `registry/` at or above `directory`, else `registry`.
    public init(discoveringFrom directory: String, registryDirectory: String? = nil) throws(ToolError) {
        do {
            repository = try Repository.discover(from: directory)
        } catch {
            throw ToolError("not in a git repository (\(directory)): \(error.message)")
        }
        workTree = repository.workingDirectory.map { Self.canonical($0) }
        let folder = registryDirectory ?? RegistryLocator.find(from: directory)
        if let folder, let workTree {
            let canonicalFolder = Self.canonical(folder)
            guard canonicalFolder == workTree || canonicalFolder.hasPrefix(workTree + "/") else {
                throw ToolError("the registry folder \(folder) is outside the repository at \(workTree)")
            }
            registryPath = String(canonicalFolder.dropFirst(workTree.count)).trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        } else {
            registryPath = "registry"
        }
    }

    /// The model file of `id`, relative to the repository root.
    public func path(of id: String) -> String { join(registryPath, id + ".yaml") }

    /// The absolute path in the work tree of a repository-relative path.
    public func workTreePath(_ relative: String) throws(ToolError) -> String {
        guard let workTree else { throw ToolError("this command needs a work tree; the repository is bare") }
        return workTree + "/" + relative
    }

    /// Resolves a revision (branch, tag, `HEAD~2`, commit id) to a commit.
    public func commit(_ revision: String) throws(ToolError) -> ObjectID {
        do {
            return try repository.resolveCommit(revision)
        } catch {
            throw ToolError("unknown revision `\(revision)`: \(error.message)")
        }
    }

    /// The model files of the registry as stored in `commit`, read from the object database (no checkout).
    public func sources(at commit: ObjectID) throws(ToolError) -> [LintSource] {
        do {
            let entries = try repository.entries(ofTreeAt: registryPath, inCommit: commit)
            return try entries.filter { $0.kind == .blob && RegistryLocator.isModelFileName($0.name) }
                .sorted { $0.name < $1.name }
                .map { entry throws(GitError) in
                    LintSource(displayPath: join(registryPath, entry.name), bytes: try repository.blob(entry.id))
                }
        } catch {
            throw ToolError("cannot read \(registryPath)/ at \(commit.shortHex): \(error.message)")
        }
    }

    /// The schema as stored beside the registry in `commit`, if there is one.
    public func schemaText(at commit: ObjectID) -> String? {
        let parent = registryPath.split(separator: "/").dropLast().joined(separator: "/")
        let path = join(parent, "schemas/model.schema.json")
        guard let bytes = try? repository.blob(at: path, inCommit: commit) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The absolute path with symlinks resolved and no trailing `/`.
    public static func canonical(_ path: String) -> String {
        var result = URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
        while result.count > 1 && result.hasSuffix("/") { result.removeLast() }
        return result
    }
}

/// Joins a repository-relative folder and a name with `/`: `name` alone when the folder is the top (`""`), the folder
/// alone when the name is empty. Called once or more per file of a registry: one string, grown in place.
func join(_ folder: String, _ name: String) -> String {
    if folder.isEmpty { return name }
    if name.isEmpty { return folder }
    var path = folder
    path.reserveCapacity(folder.utf8.count + 1 + name.utf8.count)
    path += "/"
    path += name
    return path
}
