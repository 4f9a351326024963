import ArgumentParser
import Foundation
import ModelRegistry

/// `modelreg import`: a local snapshot, or a downloader's manifest, becomes registry entries.
struct ImportCommand: ToolCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a local Hugging Face-style snapshot as a locked entry, or create/enrich entries from a manifest.",
        discussion: """
            A snapshot's config.json gives the specs, its README.md front matter the license, languages and base model
            (as fine_tuned_from when that model is registered); every file is hashed and the entry is locked. The
            license is printed and must be accepted (at the prompt, or with --accept-license in scripts).
            Examples:
              modelreg import ~/models/all-MiniLM-L6-v2 --id all-minilm-l6-v2 --huggingface-id sentence-transformers/all-MiniLM-L6-v2
              modelreg import --manifest downloads.json --dry-run
            """
    )

    @Argument(help: "The snapshot folder.") var directory: String?
    @Option(help: "The new entry's id.") var id: String?
    @Option(help: "The display name (default: the id).") var name: String?
    @Option(help: "The model type (default: guessed from the files).") var type: String?
    @Option(help: "The Hugging Face id (org/name) the snapshot came from.") var huggingfaceID: String?
    @Flag(help: "Accept the model's license without asking (for scripts).") var acceptLicense = false
    @Flag(help: "When the id is taken, use the next free ID-v2, ID-v3, ….") var versionSuffix = false
    @Option(help: "A downloader's JSON manifest to import instead of a folder.") var manifest: String?
    @Flag(help: "With --manifest: print what would be created or updated and change nothing.") var dryRun = false

    @OptionGroup var commitOptions: CommitOptions
    @OptionGroup var registryOptions: RegistryOptions

    func validate() throws {
        if (directory == nil) == (manifest == nil) { throw ValidationError("give either a snapshot folder or --manifest FILE") }
        if directory != nil && id == nil { throw ValidationError("--id is required when importing a folder") }
        if dryRun && manifest == nil { throw ValidationError("--dry-run goes with --manifest") }
    }

    func execute() throws -> Int32 {
        let context = try MutationContext(options: registryOptions)
        if let manifest { return try importManifest(manifest, context: context) }
        return try importSnapshot(directory!, id: id!, context: context)
    }

    func headIndex(_ context: MutationContext) throws -> (RegistryIndex, [LintSource]) {
        guard let head = try context.registry.repository.headCommitID() else { return (RegistryIndex(documents: []), []) }
        let sources = try context.registry.sources(at: head)
        return (RegistryIndex(documents: Linter(schema: context.schema).lint(sources).documents), sources)
    }

    func importSnapshot(_ directory: String, id requested: String, context: MutationContext) throws -> Int32 {
        let (index, _) = try headIndex(context)
        var id = requested
        if let taken = index.lookup(id) {
            guard versionSuffix else {
                Terminal.writeError("modelreg: error: `\(id)` is already taken by \(taken.path); pass --version-suffix to import it as \(SnapshotImport.nextFreeID(id, in: index))\n")
                return 1
            }
            id = SnapshotImport.nextFreeID(id, in: index)
        }
        let snapshot = try ModelSnapshot.read(directory)
        let license = snapshot.license ?? "other (the model card names none)"
        Terminal.writeError("license of \(id): \(license)\n")
        if !acceptLicense {
            guard Terminal.stdinIsTerminal else {
                Terminal.writeError("modelreg: refused: the license must be accepted; pass --accept-license\n")
                return 1
            }
            Terminal.writeError("Accept this license for \(id)? [y/N] ")
            let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased()
            guard answer == "y" || answer == "yes" else {
                Terminal.writeError("modelreg: refused: license not accepted; nothing was imported\n")
                return 1
            }
        }
        let files = try ArtifactHasher(progress: Terminal.stderrIsTerminal).hash(directory: directory)
        guard !files.isEmpty else { throw ToolError("\(directory) holds no files to import") }
        let absolute = RegistryRepository.canonical(directory)
        let modelPath: String
        if let workTree = context.registry.workTree, absolute.hasPrefix(workTree + "/") {
            modelPath = String(absolute.dropFirst(workTree.count + 1))
        } else {
            modelPath = absolute
        }
        let formatter = ISO8601DateFormatter()
        let importer = SnapshotImport(
            id: id, name: name, type: type, huggingfaceID: huggingfaceID, modelPath: modelPath, files: files,
            verifiedAt: formatter.string(from: Date()))
        let text = try importer.render(snapshot, registry: index)
        let aggregate = AggregateHash.compute(files.map { ArtifactHash(path: $0.path, sha256: $0.sha256) })
        let message = CommitMessage(
            action: "import", modelID: id, summary: "imported \(files.count) files from \((directory as NSString).lastPathComponent), locked",
            body: commitOptions.message,
            extraTrailers: [("Aggregate-SHA256", aggregate), ("License-Accepted", license)])
        return try context.commit(
            CommitRequest(message: message, edits: [RegistryEdit(path: context.registry.path(of: id), contents: Array(text.utf8))], author: commitOptions.author))
    }

    func importManifest(_ path: String, context: MutationContext) throws -> Int32 {
        guard let data = FileManager.default.contents(atPath: path) else { throw ToolError("cannot read \(path)") }
        let items = try ManifestImport.parse(Array(data), path: path)
        let (index, sources) = try headIndex(context)
        let bytesByPath = Dictionary(sources.map { ($0.displayPath, $0.bytes) }, uniquingKeysWith: { a, _ in a })
        let actions = try ManifestImport.plan(items, registry: index, registryPath: context.registry.registryPath) { bytesByPath[$0] }
        var edits: [RegistryEdit] = []
        var ids: [String] = []
        for action in actions {
            switch action {
            case .create(let id, let path, let text):
                Terminal.writeOut("create     \(id)\n")
                _ = try context.committer.committedContents(of: path)
                edits.append(RegistryEdit(path: path, contents: Array(text.utf8)))
                ids.append(id)
            case .update(let id, let path, let bytes, let fields):
                Terminal.writeOut("update     \(id): \(fields.joined(separator: ", "))\n")
                _ = try context.committer.committedContents(of: path)
                edits.append(RegistryEdit(path: path, contents: bytes))
                ids.append(id)
            case .unchanged(let id):
                Terminal.writeOut("unchanged  \(id)\n")
            }
        }
        if dryRun || edits.isEmpty {
            Terminal.writeError(dryRun ? "dry run: nothing was changed\n" : "nothing to import: the registry already has it all\n")
            return 0
        }
        let message = CommitMessage(
            action: "import", modelID: ids[0], summary: "\(edits.count) entr\(edits.count == 1 ? "y" : "ies") from \((path as NSString).lastPathComponent)",
            body: commitOptions.message, extraTrailers: ids.dropFirst().map { ("Model-Id", $0) })
        return try context.commit(CommitRequest(message: message, edits: edits, author: commitOptions.author))
    }
}
