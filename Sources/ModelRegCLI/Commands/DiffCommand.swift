import ArgumentParser
import Foundation
import ModelRegistry

/// `modelreg diff [BASE [HEAD]]`: the semantic difference between two registry states.
struct DiffCommand: ToolCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, markdown
    }

    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "The semantic difference between two registry states: models added, removed, renamed, deprecated, fields changed.",
        discussion: """
            With no revision, compares HEAD with the work tree; with one, that revision with the work tree.
            Examples:
              modelreg diff                          # uncommitted changes
              modelreg diff origin/main HEAD --format markdown
            """
    )

    @Argument(help: "The base revision (default HEAD).") var base: String?
    @Argument(help: "The revision to compare with (default: the work tree).") var head: String?
    @Option(help: "text, json or markdown (what a pull-request comment shows).") var format: Format = .text

    @OptionGroup var registryOptions: RegistryOptions

    func execute() throws -> Int32 {
        let registry = try RegistryRepository(discoveringFrom: FileSystem.currentDirectory, registryDirectory: registryOptions.registry)
        let linter = Linter(schema: .builtIn)
        let old = linter.lint(try registry.sources(at: try registry.commit(base ?? "HEAD"))).documents
        let new: [ModelDocument]
        if let head {
            new = linter.lint(try registry.sources(at: try registry.commit(head))).documents
        } else {
            let directory = try registry.workTreePath(registry.registryPath)
            new = linter.lint(
                try RegistryLocator.modelFiles(in: directory).map {
                    LintInput(path: $0, displayPath: registry.registryPath + "/" + ($0 as NSString).lastPathComponent)
                }
            ).documents
        }
        let diff = RegistryDiff.between(old, new)
        switch format {
        case .text: Terminal.writeOut(diff.text())
        case .json: Terminal.writeOut(diff.json().serialized(pretty: true) + "\n")
        case .markdown: Terminal.writeOut(diff.markdown(title: "Registry changes: \(base ?? "HEAD") → \(head ?? "work tree")"))
        }
        return 0
    }
}
