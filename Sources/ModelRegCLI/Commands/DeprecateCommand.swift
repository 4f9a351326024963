import ArgumentParser
import Foundation
import ModelRegistry

/// `modelreg deprecate ID [--replaced-by ID2] [--reason TEXT]`.
struct DeprecateCommand: ToolCommand {
    static let configuration = CommandConfiguration(
        commandName: "deprecate",
        abstract: "Mark a model deprecated, with its replacement and reason, and commit the change.",
        discussion: """
            Examples:
              modelreg deprecate e5-large --replaced-by e5-large-v2 --reason "v2 is better on every benchmark"
            """
    )

    @Argument(help: "The model's id.") var id: String

    @Option(help: "The id of the model that replaces it (must exist and not be deprecated).")
    var replacedBy: String?

    @Option(help: "Why it is deprecated.")
    var reason: String?

    @Option(help: "Since when (YYYY-MM-DD; default: today).")
    var since: String?

    @OptionGroup var commitOptions: CommitOptions
    @OptionGroup var registryOptions: RegistryOptions

    func execute() throws -> Int32 {
        let context = try MutationContext(options: registryOptions)
        let (path, old) = try context.committedEntry(id)
        let day = since ?? Self.today()
        var fields: [(String, EditValue)] = [("since", .string(day))]
        if let reason { fields.append(("reason", .string(reason))) }
        if let replacedBy { fields.append(("replaced_by", .string(replacedBy))) }
        let new = try context.edit(old, path: path) { editor in
            try editor.set(["deprecated"], to: .mapping(fields))
        }
        let summary = replacedBy.map { "replaced by \($0)" } ?? "deprecated"
        let message = CommitMessage(
            action: "deprecate", modelID: id, summary: summary, body: commitOptions.message,
            changedFields: MutationContext.changedFields(from: old, to: new))
        return try context.commit(CommitRequest(message: message, edits: [RegistryEdit(path: path, contents: new)], author: commitOptions.author))
    }

    static func today() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date())
    }
}
