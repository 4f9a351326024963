import ArgumentParser
import ModelRegistry

/// `modelreg verify`: the whole registry, every rule.
struct VerifyCommand: ToolCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Verify the whole registry: every file's checks plus uniqueness and references across files.",
        discussion: """
            Examples:
              modelreg verify
              modelreg verify --registry path/to/registry --format github
            """
    )

    @OptionGroup var registryOptions: RegistryOptions
    @OptionGroup var reportOptions: ReportOptions

    func execute() throws -> Int32 {
        let directory = try registryOptions.registryDirectory()
        let schema = try registryOptions.loadSchema(registryDirectory: directory)
        let inputs = try RegistryInputs.of(directory: directory)
        let report = Linter(schema: schema).verify(inputs)
        return ReportPrinter.emit(report, options: reportOptions)
    }
}

/// The lint inputs for the files of a registry folder, named relative to the current directory.
enum RegistryInputs {
    static func of(directory: String) throws(ToolError) -> [LintInput] {
        try RegistryLocator.modelFiles(in: directory).map { path in
            LintInput(path: path, displayPath: RegistryLocator.displayPath(path, relativeTo: FileSystem.currentDirectory))
        }
    }
}
