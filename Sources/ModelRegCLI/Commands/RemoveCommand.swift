import ArgumentParser
import ModelRegistry

/// `modelreg rm ID`: refused while other entries reference it.
struct RemoveCommand: ToolCommand {
    static let configuration = CommandConfiguration(
        commandName: "rm",
        abstract: "Remove a model and commit; refused while other entries name it in fine_tuned_from or replaced_by.",
        discussion: """
            Examples:
              modelreg rm old-embedder -m "no longer served"
            """
    )

    @Argument(help: "The model's id.") var id: String

    @OptionGroup var commitOptions: CommitOptions
    @OptionGroup var registryOptions: RegistryOptions

    func execute() throws -> Int32 {
        let context = try MutationContext(options: registryOptions)
        let (path, _) = try context.committedEntry(id)
        let references = try context.references(to: id)
        if !references.isEmpty {
            for reference in references {
                Terminal.writeError("\(context.registry.path(of: reference.id)): \(reference.fields.joined(separator: ", ")) names `\(id)`\n")
            }
            Terminal.writeError("modelreg: refused: \(references.count) entr\(references.count == 1 ? "y" : "ies") still reference `\(id)`; nothing was committed\n")
            return 1
        }
        let message = CommitMessage(action: "rm", modelID: id, summary: "removed", body: commitOptions.message)
        return try context.commit(CommitRequest(message: message, edits: [RegistryEdit(path: path, contents: nil)], author: commitOptions.author))
    }
}

extension MutationContext {
    /// Entries at HEAD whose `fine_tuned_from` or `deprecated.replaced_by` names `id`.
    func references(to id: String) throws(ToolError) -> [(id: String, fields: [String])] {
        guard let head = try? registry.repository.headCommitID() else { return [] }
        let documents = Linter(schema: schema).lint(try registry.sources(at: head)).documents
        var result: [(String, [String])] = []
        for document in documents {
            guard let other = document.id, other != id else { continue }
            var fields: [String] = []
            if document.value.member("fine_tuned_from")?.asString == id { fields.append("fine_tuned_from") }
            if document.value.member(path: "deprecated.replaced_by")?.asString == id { fields.append("deprecated.replaced_by") }
            if !fields.isEmpty { result.append((other, fields)) }
        }
        return result
    }
}
