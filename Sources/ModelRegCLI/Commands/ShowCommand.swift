import ArgumentParser
import ModelRegistry

/// `modelreg show ID`: one entry, by id or alias.
struct ShowCommand: ToolCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case yaml, json
    }

    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one model entry, looked up by id or alias.",
        discussion: """
            Examples:
              modelreg show bge-m3
              modelreg show colbertv2 --format json
            """
    )

    @Argument(help: "The model's id or one of its aliases.")
    var name: String

    @Option(help: "yaml (the file as written) or json.")
    var format: Format = .yaml

    @OptionGroup var registryOptions: RegistryOptions

    func execute() throws -> Int32 {
        let loaded = try LoadedRegistry(options: registryOptions)
        guard let document = loaded.index.lookup(name) else {
            var message = "no model with id or alias `\(name)`"
            let suggestions = loaded.index.suggestions(for: name)
            if !suggestions.isEmpty { message += "; did you mean " + suggestions.map { "`\($0)`" }.joined(separator: ", ") + "?" }
            Terminal.writeError("modelreg: error: \(message)\n")
            return 1
        }
        switch format {
        case .yaml:
            Terminal.writeOut(loaded.sourceText(of: document) ?? "")
        case .json:
            Terminal.writeOut(document.value.serialized(pretty: true) + "\n")
        }
        return 0
    }
}

/// The registry's readable entries, for the commands that query it.
struct LoadedRegistry {
    let index: RegistryIndex
    let inputs: [LintInput]

    init(options: RegistryOptions) throws(ToolError) {
        let directory = try options.registryDirectory()
        let schema = try options.loadSchema(registryDirectory: directory)
        inputs = try RegistryInputs.of(directory: directory)
        index = RegistryIndex(documents: Linter(schema: schema).lint(inputs).documents)
    }

    func sourceText(of document: ModelDocument) -> String? {
        inputs.first { $0.displayPath == document.path }.flatMap { FileSystem.read($0.path) }
    }
}
