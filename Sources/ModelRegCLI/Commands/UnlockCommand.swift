import ArgumentParser
import ModelRegistry

/// `modelreg unlock ID`: `version_lock.locked: false`, in one commit.
struct UnlockCommand: ToolCommand {
    static let configuration = CommandConfiguration(
        commandName: "unlock",
        abstract: "Unlock a model (version_lock.locked: false) and commit the change.",
        discussion: """
            The recorded artifacts and the hash the lock expected are kept, so the entry still shows what was
            locked; `modelreg lock` locks it again. The commit carries `Registry-Action: unlock` and the
            unlocked aggregate in an `Aggregate-SHA256:` trailer.
            Examples:
              modelreg unlock bge-m3 -m "re-exporting the ONNX weights"
            """
    )

    @Argument(help: "The model's id.")
    var id: String

    @OptionGroup var commitOptions: CommitOptions
    @OptionGroup var registryOptions: RegistryOptions

    func execute() throws -> Int32 {
        let context = try MutationContext(options: registryOptions)
        let (path, old) = try context.committedEntry(id)
        let document = try LockCommand.document(old, path: path)
        var unlocked = false
        let new = try context.edit(old, path: path) { editor in
            unlocked = try ArtifactRecord.unlock(in: &editor)
        }
        guard unlocked else {
            Terminal.writeError("nothing changed: \(id) is not locked\n")
            return 0
        }
        let expected = document.value.member(path: "version_lock.expected_aggregate_sha256")?.asString
        let message = CommitMessage(
            action: "unlock", modelID: id, summary: expected.map { "unlocked (was aggregate \($0.prefix(12)))" } ?? "unlocked",
            body: commitOptions.message, changedFields: MutationContext.changedFields(from: old, to: new),
            extraTrailers: expected.map { [("Aggregate-SHA256", $0)] } ?? [])
        return try context.commit(CommitRequest(message: message, edits: [RegistryEdit(path: path, contents: new)], author: commitOptions.author))
    }
}
