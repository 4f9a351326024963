import ArgumentParser
import ModelRegistry

/// `modelreg rules`: the rules' own descriptions, as a list or as documentation.
struct RulesCommand: ToolCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, markdown
    }

    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the rules, or describe one with its examples.",
        discussion: """
            Examples:
              modelreg rules
              modelreg rules projection-consistency
              modelreg rules --format markdown > docs/rules.md
            """
    )

    @Argument(help: "A rule id to describe in full.")
    var id: String?

    @Option(help: "text or markdown (the source of docs/rules.md).")
    var format: Format = .text

    func execute() throws -> Int32 {
        var rules = RuleCatalog.all
        if let id {
            guard let rule = RuleCatalog.description(id: id) else {
                throw ToolError("no rule `\(id)`; `modelreg rules` lists them")
            }
            rules = [rule]
        }
        switch (format, id) {
        case (.markdown, _):
            Terminal.writeOut(RuleDocumentation.markdown(rules))
        case (.text, nil):
            Terminal.writeOut(RuleDocumentation.text(rules))
        case (.text, _?):
            Terminal.writeOut(rules.map(RuleDocumentation.section).joined(separator: "\n"))
        }
        return 0
    }
}
