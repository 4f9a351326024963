import ArgumentParser
import ModelRegistry
import RegistryQuery

extension LineageRenderer.Format: ExpressibleByArgument {}

/// `modelreg lineage NAME`: a model's ancestors and descendants through `fine_tuned_from`.
struct LineageCommand: ToolCommand {
    static let configuration = CommandConfiguration(
        commandName: "lineage",
        abstract: "Show a model's ancestors up to its base model and every model fine-tuned from it.",
        discussion: """
            Examples:
              modelreg lineage vikhr-qwen-2.5-0.5b-instruct
              modelreg lineage bge-m3 --format mermaid
              modelreg lineage bge-m3 --format dot | dot -Tsvg > lineage.svg
              modelreg lineage bge-m3 --at HEAD~5
            """
    )

    @Argument(help: "The model's id or one of its aliases.")
    var name: String

    @Option(help: "text (a tree), mermaid or dot.")
    var format: LineageRenderer.Format = .text

    @OptionGroup var revision: RevisionOptions
    @OptionGroup var registryOptions: RegistryOptions

    func execute() throws -> Int32 {
        let opened = try OpenedRegistry(options: registryOptions, revision: revision)
        let registry = try opened.registry()
        opened.warnAboutFindings()
        do {
            Terminal.writeOut(LineageRenderer.render(try registry.lineage(of: name), format: format))
            return 0
        } catch {
            Terminal.writeError("modelreg: error: \(error)\n")
            return 1
        }
    }
}
