import Foundation

/// Where a model's files are on this machine.
///
/// In order: the folder given explicitly (`lock --dir`); else `backend.model_path`, relative to the project
/// root (the git work tree that holds the registry, else the registry folder's parent) unless absolute; else
/// `ARTIFACTS_ROOT/<id>`, where the artifacts root is `--artifacts-root`, else `$MODELREG_ARTIFACTS_ROOT`, else
/// `artifacts/` in the project root. A `model_path` that names a single file (a `.gguf`) stands for that file alone.
public struct ArtifactLocator: Sendable {
    /// What relative `backend.model_path` values are relative to.
    public var projectRoot: String
    public var artifactsRoot: String

    public static let environmentVariable = "MODELREG_ARTIFACTS_ROOT"

    public init(projectRoot: String, artifactsRoot: String) {
        self.projectRoot = projectRoot
        self.artifactsRoot = artifactsRoot
    }

    /// The locator for the registry folder at `registryDirectory`, with `--artifacts-root` when given
    /// (relative to the current directory).
    public init(registryDirectory: String, artifactsRoot explicit: String?) {
        projectRoot = Self.projectRoot(containing: registryDirectory)
        if let explicit {
            artifactsRoot = Self.absolute(explicit, base: FileManager.default.currentDirectoryPath)
        } else if let fromEnvironment = ProcessInfo.processInfo.environment[Self.environmentVariable], !fromEnvironment.isEmpty {
            artifactsRoot = Self.absolute(fromEnvironment, base: FileManager.default.currentDirectoryPath)
        } else {
            artifactsRoot = projectRoot + "/artifacts"
        }
    }

    /// A place where files may be.
    public struct Place: Sendable, Hashable {
        public enum Kind: Sendable, Hashable {
            /// A folder: every file under it.
            case directory
            /// One file, recorded under its name.
            case file
            /// Nothing is there.
            case absent
        }

        public var path: String
        public var kind: Kind
        /// How the place was chosen, for messages: `backend.model_path`, `--artifacts-root`, `--dir`.
        public var origin: String
    }

    /// Where the files of `document` are; `explicit` (relative to the current directory) wins.
    public func place(for document: ModelDocument, explicit: String? = nil) -> Place {
        if let explicit {
            return Self.examine(Self.absolute(explicit, base: FileManager.default.currentDirectoryPath), origin: "--dir")
        }
        if let modelPath = document.value.member(path: "backend.model_path")?.asString, !modelPath.isEmpty {
            return Self.examine(Self.absolute(modelPath, base: projectRoot), origin: "backend.model_path")
        }
        let id = document.id ?? document.fileStem
        return Self.examine(artifactsRoot + "/" + id, origin: "the artifacts root")
    }

    static func examine(_ path: String, origin: String) -> Place {
        switch FileStatus.of(path, followingLinks: true) {
        case .success(let status) where status.kind == .directory: Place(path: path, kind: .directory, origin: origin)
        case .success(let status) where status.kind == .regular: Place(path: path, kind: .file, origin: origin)
        default: Place(path: path, kind: .absent, origin: origin)
        }
    }

    /// The root of the git work tree holding `registryDirectory`, else the registry folder's parent.
    public static func projectRoot(containing registryDirectory: String) -> String {
        let registry = absolute(registryDirectory, base: FileManager.default.currentDirectoryPath)
        if let workTree = HashCache.workTree(around: registry) { return workTree }
        let parent = (registry as NSString).deletingLastPathComponent
        return parent.isEmpty ? "/" : parent
    }

    /// `path` made absolute against `base`, normalized (`.` and `..` resolved), without a trailing `/`.
    static func absolute(_ path: String, base: String) -> String {
        let joined = path.hasPrefix("/") ? path : base + "/" + path
        var result = URL(fileURLWithPath: joined).standardizedFileURL.path
        while result.count > 1 && result.hasSuffix("/") { result.removeLast() }
        return result
    }
}

extension ArtifactHasher {
    /// Hashes whatever is at `place`: every file of a folder, or the single file.
    public func hash(_ place: ArtifactLocator.Place) throws(ToolError) -> [HashedFile] {
        switch place.kind {
        case .directory: return try hash(directory: place.path)
        case .file: return [try hash(file: place.path)]
        case .absent: throw ToolError("no files at \(place.path) (\(place.origin))")
        }
    }
}
