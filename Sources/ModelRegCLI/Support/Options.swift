import ArgumentParser
import Git
import ModelRegistry

extension OutputFormat: ExpressibleByArgument {}

/// Where the registry and its schema are.
struct RegistryOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The registry folder (default: the nearest registry/ at or above the current directory).",
            valueName: "dir"))
    var registry: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The JSON Schema to validate against (default: schemas/model.schema.json beside the registry, else the built-in one).",
            valueName: "file"))
    var schema: String?

    /// The registry folder, or a tool error saying how to name one.
    func registryDirectory() throws(ToolError) -> String {
        if let registry {
            guard FileSystem.isDirectory(registry) else { throw ToolError("no registry folder at \(registry)") }
            return registry
        }
        guard let found = RegistryLocator.find(from: FileSystem.currentDirectory) else {
            throw ToolError(
                "no registry/ folder found in \(FileSystem.currentDirectory) or above; pass --registry DIR")
        }
        return found
    }

    func loadSchema(registryDirectory: String?) throws(ToolError) -> ModelSchema {
        try ModelSchema.resolve(explicitPath: schema, registryDirectory: registryDirectory)
    }

    /// The schema for the registry as stored in `commit`: `--schema` when given, else
    /// `schemas/model.schema.json` as stored beside the registry folder in that commit, else the built-in one.
    func loadSchema(at commit: ObjectID, revision: String, in repository: RegistryRepository) throws(ToolError)
        -> ModelSchema
    {
        if let schema { return try ModelSchema.load(path: schema) }
        if let text = repository.schemaText(at: commit) {
            return try ModelSchema(text: text, origin: "schemas/model.schema.json at \(revision)")
        }
        return .builtIn
    }
}

/// `--at REV`, for the commands that query the registry.
struct RevisionOptions: ParsableArguments {
    @Option(
        name: .customLong("at"),
        help: ArgumentHelp(
            "Query the registry as it was at this git revision (branch, tag, commit, HEAD~2), read from the object database (no checkout).",
            valueName: "rev"))
    var at: String?
}

/// How findings are printed and judged.
struct ReportOptions: ParsableArguments {
    @Option(help: "Output format: text (on stderr), json, github or sarif (on stdout).")
    var format: OutputFormat = .text

    @Flag(help: "Fail (exit 1) on warnings too.")
    var strict = false
}
