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
              modelreg verify --rev v1.2.0      # the registry as it was at a revision, read from git
              modelreg verify --artifacts --artifacts-root /srv/models   # re-hash the files of locked models
            """
    )

    @Option(help: "Verify the registry as it was at this git revision, read from the object database (no checkout).")
    var rev: String?

    @Flag(help: "Also re-hash the files of every locked model and report drift file by file (see `modelreg rules artifact-drift`).")
    var artifacts = false

    @OptionGroup var artifactOptions: ArtifactOptions
    @OptionGroup var registryOptions: RegistryOptions
    @OptionGroup var reportOptions: ReportOptions

    func validate() throws {
        if artifacts && rev != nil { throw ValidationError("--artifacts checks the files on disk against the work tree; it cannot be combined with --rev") }
    }

    func execute() throws -> Int32 {
        if let rev { return try verify(revision: rev) }
        let directory = try registryOptions.registryDirectory()
        let schema = try registryOptions.loadSchema(registryDirectory: directory)
        let inputs = try EarlyListing.take(for: directory) ?? RegistryInputs.of(directory: directory)
        var linter = Linter(schema: schema)
        // The process ends after the report: what the run holds is left to the operating system, not freed.
        linter.leavesExtractsToExit = true
        let report = linter.verify(inputs, keepingDocuments: artifacts)
        defer { LeftToExit.keep(report) }
        if artifacts { return verifyArtifacts(registryDirectory: directory, report: report) }
        return ReportPrinter.emit(report, options: reportOptions)
    }
}

extension VerifyCommand {
    func verify(revision: String) throws -> Int32 {
        let registry = try RegistryRepository(
            discoveringFrom: FileSystem.currentDirectory, registryDirectory: registryOptions.registry)
        let commit = try registry.commit(revision)
        let schema = try registryOptions.loadSchema(at: commit, revision: revision, in: registry)
        let report = Linter(schema: schema).verify(try registry.sources(at: commit), keepingDocuments: false)
        return ReportPrinter.emit(report, options: reportOptions)
    }
}

/// The lint inputs for the files of a registry folder, named relative to the current directory.
enum RegistryInputs {
    static func of(directory: String) throws(ToolError) -> [LintInput] {
        try RegistryLocator.modelFileInputs(in: directory, relativeTo: FileSystem.currentDirectory).map {
            LintInput(path: $0.path, displayPath: $0.displayPath)
        }
    }
}
