import ArgumentParser
import Foundation
import ModelRegistry

/// `modelreg new ID`: a valid, self-documenting model file to fill in.
struct NewCommand: ToolCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create registry/<id>.yaml from the schema, with every optional field as a comment.",
        discussion: """
            Examples:
              modelreg new my-embedder --type dense --name "My Embedder"
              modelreg new my-embedder --stdout
              modelreg new my-embedder --commit -m "scaffold for review"
            """
    )

    @Flag(help: "Commit the new file (verified first) through git.")
    var commit = false

    @OptionGroup var commitOptions: CommitOptions

    @Argument(help: "The new model's id (lowercase letters, digits, '.' and '-').")
    var id: String

    @Option(help: "The model type (colbert, dense, sparse, cross-encoder, causal-lm, seq2seq, vision-language, speech, other).")
    var type: String = "dense"

    @Option(help: "The display name (default: the id).")
    var name: String?

    @Flag(help: "Print the file instead of writing it.")
    var stdout = false

    @OptionGroup var registryOptions: RegistryOptions

    func execute() throws -> Int32 {
        let directory = try registryOptions.registryDirectory()
        let schema = try registryOptions.loadSchema(registryDirectory: directory)
        let schemaFile = (directory as NSString).deletingLastPathComponent + "/schemas/model.schema.json"
        let reference = FileSystem.exists(schemaFile) ? "../schemas/model.schema.json" : nil
        let text = ModelScaffold.render(id: id, name: name, type: type, schema: schema, schemaReference: reference)
        let path = directory + "/" + id + ".yaml"
        let displayPath = RegistryLocator.displayPath(path, relativeTo: FileSystem.currentDirectory)

        // The new file must pass every per-file rule before it is written.
        let document = DocumentLoader().load(bytes: Array(text.utf8), displayPath: displayPath)
        guard case .document(let parsed) = document else { throw ToolError("could not scaffold \(id)") }
        let findings = Linter(schema: schema).checkDocument(parsed).filter { $0.severity == .error }
        if !findings.isEmpty {
            Terminal.writeError(findings.map { $0.description + "\n" }.joined())
            return 1
        }
        if stdout {
            Terminal.writeOut(text)
            return 0
        }
        if FileSystem.exists(path) { throw ToolError("\(displayPath) already exists") }
        if commit {
            let context = try MutationContext(options: registryOptions)
            let relative = context.registry.path(of: id)
            let message = CommitMessage(action: "new", modelID: id, summary: "scaffolded \(type) model", body: commitOptions.message)
            return try context.commit(
                CommitRequest(message: message, edits: [RegistryEdit(path: relative, contents: Array(text.utf8))], author: commitOptions.author))
        }
        try FileSystem.createNew(path, contents: text)
        Terminal.writeError("created \(displayPath)\n")
        return 0
    }
}
