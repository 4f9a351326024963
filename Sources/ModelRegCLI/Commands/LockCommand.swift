import ArgumentParser
import Foundation
import ModelRegistry

/// `modelreg lock ID`: hash the model's files, record them and lock the entry, in one commit.
struct LockCommand: ToolCommand {
    static let configuration = CommandConfiguration(
        commandName: "lock",
        abstract: "Hash a model's files, record them in the entry and lock it to their aggregate hash; commit the change.",
        discussion: """
            The files are those of --dir, else of backend.model_path (relative to the repository root), else of
            ARTIFACTS_ROOT/ID. `artifacts.files` (path, sha256, size) and `artifacts.aggregate_sha256` are
            written, and `version_lock` becomes {locked: true, expected_aggregate_sha256, last_verified: now}.
            The commit carries `Registry-Action: lock` and an `Aggregate-SHA256:` trailer; a relock that changes
            the hash also records `Previous-Aggregate-SHA256:`, and --approved-by adds the
            `Relock-Approved-By:` trailer that `modelreg gate` accepts as approval.
            Examples:
              modelreg lock bge-m3 --dir ~/models/bge-m3
              modelreg lock bge-m3 --artifacts-root /srv/models
              modelreg lock bge-m3 --approved-by "Grace Hopper <grace@example.com>" -m "new ONNX export"
            """
    )

    @Argument(help: "The model's id.")
    var id: String

    @Option(help: ArgumentHelp("The model's folder (or single file).", valueName: "dir"))
    var dir: String?

    @Option(help: ArgumentHelp("Who approved a relock; recorded as a `Relock-Approved-By:` trailer.", valueName: "Name <email>"))
    var approvedBy: String?

    @OptionGroup var artifactOptions: ArtifactOptions
    @OptionGroup var commitOptions: CommitOptions
    @OptionGroup var registryOptions: RegistryOptions

    func execute() throws -> Int32 {
        let context = try MutationContext(options: registryOptions)
        let (path, old) = try context.committedEntry(id)
        let document = try Self.document(old, path: path)
        let locator = artifactOptions.locator(registryDirectory: try context.registry.workTreePath(context.registry.registryPath))
        let place = locator.place(for: document, explicit: dir)
        guard place.kind != .absent else {
            throw ToolError(
                "no files for `\(id)` at \(place.path) (from \(place.origin)); pass --dir DIR, set backend.model_path, or pass --artifacts-root")
        }
        let files = try artifactOptions.hasher.hash(place)
        guard !files.isEmpty else { throw ToolError("\(place.path) holds no files to lock") }

        var aggregate = ""
        let new = try context.edit(old, path: path) { editor in
            aggregate = try ArtifactRecord.lock(files, in: &editor, at: Date())
        }
        let previous = ArtifactVerifier.isLocked(document)
            ? document.value.member(path: "version_lock.expected_aggregate_sha256")?.asString : nil
        var summary = "\(files.count) file\(files.count == 1 ? "" : "s"), aggregate \(aggregate.prefix(12))"
        var trailers: [(key: String, value: String)] = [("Aggregate-SHA256", aggregate)]
        if let previous, previous != aggregate {
            summary = "relock, " + summary + " (was \(previous.prefix(12)))"
            trailers.append(("Previous-Aggregate-SHA256", previous))
        } else if previous == aggregate {
            summary += " (unchanged, verified)"
        }
        if let approvedBy { trailers.append(("Relock-Approved-By", approvedBy)) }
        let message = CommitMessage(
            action: "lock", modelID: id, summary: summary, body: commitOptions.message,
            changedFields: MutationContext.changedFields(from: old, to: new), extraTrailers: trailers)
        return try context.commit(CommitRequest(message: message, edits: [RegistryEdit(path: path, contents: new)], author: commitOptions.author))
    }

    /// The committed entry, parsed.
    static func document(_ bytes: [UInt8], path: String) throws(ToolError) -> ModelDocument {
        switch DocumentLoader().load(bytes: bytes, displayPath: path) {
        case .document(let document): return document
        case .unreadable(let finding): throw ToolError("cannot read \(path): \(finding.description)")
        case .failed(let message): throw ToolError("cannot read \(path): \(message)")
        }
    }
}
