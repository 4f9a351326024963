import ArgumentParser
import ModelRegistry
import RegistryQuery

/// `modelreg query EXPR`: the entries that satisfy an expression.
struct QueryCommand: ToolCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "List the models that satisfy an expression, such as `type = dense and specs.embedding_dim <= 384`.",
        discussion: """
            The expression language (docs/query.md): dotted fields; =, !=, <, <=, >, >=; in [a, b]; \
            contains (list element or text); exists; and, or, not; parentheses; values are numbers, bare \
            words, quoted strings, true and false. A field alone is true when present and not false. \
            Deprecated entries are hidden unless --include-deprecated; the filters of `modelreg list` apply too.

            Examples:
              modelreg query 'type in [colbert, dense] and specs.embedding_dim <= 384'
              modelreg query 'roles contains rerank and not capabilities.multi_vector' --format ids
              modelreg query 'specs.parameters < 1B' --sort specs.parameters --format csv
              modelreg query 'roles contains chat' --at HEAD~10
            """
    )

    @Argument(help: ArgumentHelp("The filter expression (quote it for the shell).", valueName: "expression"))
    var expression: String

    @OptionGroup var selection: EntrySelectionOptions
    @OptionGroup var revision: RevisionOptions
    @OptionGroup var registryOptions: RegistryOptions

    func execute() throws -> Int32 {
        try selection.run(
            expression: expression, expressionLabel: "query", revision: revision, registryOptions: registryOptions)
    }
}
