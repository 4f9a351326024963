import ArgumentParser
import Foundation
import ModelRegistry
import RegistryQuery

extension EntryListing.Format: ExpressibleByArgument {}

/// `modelreg list`: the entries that pass the filters, one line each.
struct ListCommand: ToolCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the registry's models, optionally filtered and sorted.",
        discussion: """
            Deprecated entries are hidden unless --include-deprecated. An option given several times, \
            or with comma-separated values, keeps entries that match any of them; different options \
            must all match. --where takes the expression language of docs/query.md.

            Examples:
              modelreg list
              modelreg list --type colbert,dense --max-embedding-dim 384
              modelreg list --role retrieval --language de --sort -specs.context_length
              modelreg list --where 'capabilities.languages contains ru and not backend exists' --format ids
              modelreg list --at v1.2.0          # the registry as it was at a revision
            """
    )

    @Option(
        name: .customLong("where"),
        help: ArgumentHelp("Keep entries that satisfy this expression (see docs/query.md).", valueName: "expression"))
    var expression: String?

    @OptionGroup var selection: EntrySelectionOptions
    @OptionGroup var revision: RevisionOptions
    @OptionGroup var registryOptions: RegistryOptions

    func execute() throws -> Int32 {
        try selection.run(
            expression: expression, expressionLabel: "--where", revision: revision, registryOptions: registryOptions)
    }
}

/// The filters, order and format shared by `list` and `query`.
struct EntrySelectionOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Keep entries of this type (colbert, dense, causal-lm, …).", valueName: "type"))
    var type: [String] = []

    @Option(help: ArgumentHelp("Keep entries that read this language (a multilingual model reads every one).", valueName: "code"))
    var language: [String] = []

    @Option(help: ArgumentHelp("Keep entries that accept this modality (text, vision, audio, video).", valueName: "modality"))
    var modality: [String] = []

    @Option(help: ArgumentHelp("Keep entries that claim this role (retrieval, rerank, chat, caption, …).", valueName: "role"))
    var role: [String] = []

    @Option(help: ArgumentHelp("Keep entries whose organization contains this text (ignoring case).", valueName: "text"))
    var organization: [String] = []

    @Option(help: ArgumentHelp("Keep entries with this license (apache-2.0, mit, …).", valueName: "id"))
    var license: [String] = []

    @Option(help: ArgumentHelp("Keep entries whose specs.embedding_dim is at most N.", valueName: "N"))
    var maxEmbeddingDim: Int?

    @Option(help: ArgumentHelp("Keep entries whose specs.context_length is at least N.", valueName: "N"))
    var minContext: Int?

    @Flag(inversion: .prefixedNo, help: "Keep only Matryoshka models (or, with --no-matryoshka, only the others).")
    var matryoshka: Bool?

    @Flag(inversion: .prefixedNo, help: "Keep only multi-vector models (or, with --no-multi-vector, only the others).")
    var multiVector: Bool?

    @Flag(inversion: .prefixedNo, help: "Keep only locked models (or, with --no-locked, only the others).")
    var locked: Bool?

    @Flag(help: "Include deprecated entries.")
    var includeDeprecated = false

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Sort by this field (a dotted path such as specs.embedding_dim; -FIELD for largest first); entries without it come last; default: id.",
            valueName: "field"))
    var sort: String?

    @Option(help: "table, json (the entries' data), csv or ids (one per line).")
    var format: EntryListing.Format = .table

    /// Values given several times or comma-separated, as one list.
    private static func values(_ options: [String]) -> [String] {
        options.flatMap { $0.split(separator: ",") }.map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
    }

    /// Opens the registry, selects and prints; 64 for a malformed expression, sort field or option value.
    func run(
        expression text: String?, expressionLabel: String, revision: RevisionOptions, registryOptions: RegistryOptions
    ) throws -> Int32 {
        let opened = try OpenedRegistry(options: registryOptions, revision: revision)
        let fields = FieldCatalog(schema: opened.schema.json)
        var filter = EntryFilter(
            types: Self.values(type), languages: Self.values(language), modalities: Self.values(modality),
            roles: Self.values(role), organizations: Self.values(organization), licenses: Self.values(license),
            maxEmbeddingDim: maxEmbeddingDim, minContext: minContext, matryoshka: matryoshka, multiVector: multiVector,
            locked: locked, includeDeprecated: includeDeprecated)
        if let problem = Self.checkEnumerated(filter.types, option: "--type", field: "type", fields: fields)
            ?? Self.checkEnumerated(filter.modalities, option: "--modality", field: "capabilities.modalities", fields: fields)
        {
            Terminal.writeError("modelreg: error: \(problem)\n")
            return 64
        }
        do {
            if let text { filter.expression = try QueryExpression.parse(text, fields: fields) }
        } catch {
            Terminal.writeError("modelreg: error: \(expressionLabel): \(error)\n")
            return 64
        }
        do {
            if let sort { filter.order = try EntryOrder.parse(sort, fields: fields) }
        } catch {
            Terminal.writeError("modelreg: error: --sort: \(error)\n")
            return 64
        }
        opened.warnAboutFindings()
        let selected = try opened.select(filter, fields: EntryListing.fieldsShown(in: format))
        let text = EntryListing.render(selected, format: format)
        Terminal.writeOut(text)
        return 0
    }

    /// A message when a value is not one the schema allows for `field` (`--type colbret`).
    private static func checkEnumerated(_ values: [String], option: String, field: String, fields: FieldCatalog) -> String? {
        var kind = fields.kind(of: field)
        if case .list(let element)? = kind { kind = element }
        guard case .text(let allowed?)? = kind else { return nil }
        for value in values where !allowed.contains(value) {
            return "\(option): `\(value)` is not one of " + allowed.joined(separator: ", ")
        }
        return nil
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        var copy = Substring(self)
        while copy.first == " " { copy.removeFirst() }
        while copy.last == " " { copy.removeLast() }
        return String(copy)
    }
}
