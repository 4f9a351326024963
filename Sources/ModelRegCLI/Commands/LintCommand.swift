import ArgumentParser
import ModelRegistry

/// `modelreg lint`: per-file checks, no git and no other files needed.
struct LintCommand: ToolCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check model files one by one: YAML, the schema and every single-file rule.",
        discussion: """
            With no paths, lints every file of the registry. Works outside a git repository.
            Examples:
              modelreg lint registry/bge-m3.yaml
              modelreg lint --format json registry/
            """
    )

    @Argument(help: ArgumentHelp("Model files or folders of model files.", valueName: "path"))
    var paths: [String] = []

    @OptionGroup var registryOptions: RegistryOptions
    @OptionGroup var reportOptions: ReportOptions

    func execute() throws -> Int32 {
        let registry = registryOptions.registry ?? RegistryLocator.find(from: FileSystem.currentDirectory)
        let inputs: [LintInput]
        if paths.isEmpty {
            guard let registry else {
                throw ToolError("no registry/ folder found in \(FileSystem.currentDirectory) or above; name the files to lint")
            }
            inputs = try RegistryInputs.of(directory: registry)
        } else {
            inputs = try paths.flatMap { path throws(ToolError) -> [LintInput] in
                if FileSystem.isDirectory(path) { return try RegistryInputs.of(directory: path) }
                guard FileSystem.exists(path) else { throw ToolError("no such file: \(path)") }
                return [LintInput(path: path, displayPath: path)]
            }
        }
        let schema = try registryOptions.loadSchema(registryDirectory: registry)
        let report = Linter(schema: schema).lint(inputs)
        return ReportPrinter.emit(report, options: reportOptions)
    }
}
