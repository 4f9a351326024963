import ArgumentParser
import ModelRegistry

/// `modelreg rename OLD NEW`: a git rename of the file, and every reference updated in the same commit.
struct RenameCommand: ToolCommand {
    static let configuration = CommandConfiguration(
        commandName: "rename",
        abstract: "Rename a model: its file and id, and every fine_tuned_from / replaced_by that named it, in one commit.",
        discussion: """
            Examples:
              modelreg rename colbert-v2 colbert-v2.0
            """
    )

    @Argument(help: "The current id.") var old: String
    @Argument(help: "The new id.") var new: String

    @OptionGroup var commitOptions: CommitOptions
    @OptionGroup var registryOptions: RegistryOptions

    func execute() throws -> Int32 {
        let context = try MutationContext(options: registryOptions)
        let (oldPath, oldBytes) = try context.committedEntry(old)
        let newPath = context.registry.path(of: new)
        if try context.committer.contents(of: newPath).head != nil { throw ToolError("`\(new)` already exists") }
        var edits = [
            RegistryEdit(path: oldPath, contents: nil),
            RegistryEdit(path: newPath, contents: try context.edit(oldBytes, path: newPath) { try $0.set(["id"], to: .string(new)) }),
        ]
        var fields = ["id"]
        for reference in try context.references(to: old) {
            let (path, bytes) = try context.committedEntry(reference.id)
            let updated = try context.edit(bytes, path: path) { editor in
                for field in reference.fields { try editor.set(field.split(separator: ".").map(String.init), to: .string(new)) }
            }
            edits.append(RegistryEdit(path: path, contents: updated))
            fields.append(contentsOf: reference.fields.map { "\(reference.id):\($0)" })
        }
        let message = CommitMessage(
            action: "rename", modelID: new, summary: "renamed from \(old)", body: commitOptions.message,
            changedFields: fields, extraTrailers: [("Renamed-From", old)])
        return try context.commit(CommitRequest(message: message, edits: edits, author: commitOptions.author))
    }
}

