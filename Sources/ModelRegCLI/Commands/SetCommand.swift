import ArgumentParser
import ModelRegistry

/// `modelreg set ID FIELD=VALUE…`: edit fields in place and commit.
struct SetCommand: ToolCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Set fields of a model (dotted paths; scalars and lists) and commit the change.",
        discussion: """
            The file keeps its comments, key order and quoting; only the changed values' bytes change. The result
            is verified before anything is written; one commit is made through libgit2.
            Examples:
              modelreg set colbert-v2 specs.embedding_dim=128 capabilities.languages=[en, de]
              modelreg set bge-m3 architecture.variant=1.10      # stays the string "1.10" (the schema says string)
              modelreg set bge-m3 --unset performance.beir_avg -m "number was wrong"
            """
    )

    @Argument(help: "The model's id.")
    var id: String

    @Argument(help: ArgumentHelp("Assignments FIELD=VALUE; VALUE is YAML (`1024`, `true`, `[a, b]`, `\"1.10\"`).", valueName: "field=value"))
    var assignments: [String] = []

    @Option(help: ArgumentHelp("Remove a field.", valueName: "field"))
    var unset: [String] = []

    @OptionGroup var commitOptions: CommitOptions
    @OptionGroup var registryOptions: RegistryOptions

    func validate() throws {
        if assignments.isEmpty && unset.isEmpty { throw ValidationError("nothing to set: give FIELD=VALUE or --unset FIELD") }
    }

    func execute() throws -> Int32 {
        let context = try MutationContext(options: registryOptions)
        let parsed = try assignments.map { argument throws(ToolError) in try FieldAssignment.parse(argument, schema: context.schema) }
        for field in parsed.map(\.dottedPath) + unset where field == "id" || field.hasPrefix("id.") {
            throw ToolError("the id is the file name: use `modelreg rename \(id) NEW-ID`")
        }
        let (path, old) = try context.committedEntry(id)
        let new = try context.edit(old, path: path) { editor in
            for assignment in parsed {
                if case .null = assignment.value {
                    try editor.remove(assignment.path)
                } else {
                    try editor.set(assignment.path, to: assignment.value)
                }
            }
            for field in unset { try editor.remove(field.split(separator: ".").map(String.init)) }
        }
        let fields = MutationContext.changedFields(from: old, to: new)
        guard !fields.isEmpty else {
            Terminal.writeError("nothing changed: \(id) already has these values\n")
            return 0
        }
        let summary = parsed.map { "\($0.dottedPath) = \($0.value)" } + unset.map { "unset \($0)" }
        let message = CommitMessage(
            action: "set", modelID: id, summary: summary.joined(separator: ", "), body: commitOptions.message,
            changedFields: fields)
        return try context.commit(CommitRequest(message: message, edits: [RegistryEdit(path: path, contents: new)], author: commitOptions.author))
    }
}
