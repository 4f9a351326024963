import ArgumentParser
import ModelRegistry

/// `modelreg alias ID add|remove NAME`.
struct AliasCommand: ToolCommand {
    enum Operation: String, ExpressibleByArgument, CaseIterable {
        case add, remove
    }

    static let configuration = CommandConfiguration(
        commandName: "alias",
        abstract: "Add or remove an alias of a model and commit the change.",
        discussion: """
            Examples:
              modelreg alias colbert-v2 add colbertv2
              modelreg alias colbert-v2 remove colbertv2
            """
    )

    @Argument(help: "The model's id.") var id: String
    @Argument(help: "add or remove.") var operation: Operation
    @Argument(help: "The alias.") var name: String

    @OptionGroup var commitOptions: CommitOptions
    @OptionGroup var registryOptions: RegistryOptions

    func execute() throws -> Int32 {
        let context = try MutationContext(options: registryOptions)
        let (path, old) = try context.committedEntry(id)
        let new = try context.edit(old, path: path) { editor in
            switch operation {
            case .add:
                try editor.append(["aliases"], .string(name))
            case .remove:
                let removed = try editor.removeItems(["aliases"], removingKeyWhenEmpty: true) { $0 == .string(name) }
                if removed == 0 { throw ToolError("`\(id)` has no alias `\(name)`") }
            }
        }
        let sign = operation == .add ? "+" : "-"
        let message = CommitMessage(
            action: "alias", modelID: id, summary: "\(sign) \(name)", body: commitOptions.message, changedFields: ["aliases"])
        return try context.commit(CommitRequest(message: message, edits: [RegistryEdit(path: path, contents: new)], author: commitOptions.author))
    }
}
