import ArgumentParser
import ModelRegistry
import RegistryQuery

/// `modelreg resolve ROLE`: which model serves a role.
struct ResolveCommand: ToolCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    static let configuration = CommandConfiguration(
        commandName: "resolve",
        abstract: "Print the model that serves a role.",
        discussion: """
            The preferred model (--prefer) when it claims the role and has every required capability; \
            else the first entry that claims the role, is not deprecated and has every required \
            capability, ordered by `priority` (lower first, entries without one last) and then id. \
            Roles that need a modality require it (caption, keywords and description need vision). \
            When nothing qualifies, the error says what is missing and which entries came closest (exit 1).

            Capabilities: \(Capability.forms).

            Examples:
              modelreg resolve caption
              modelreg resolve retrieval --require multi-vector --require language:de --explain
              modelreg resolve chat --prefer qwen2.5-0.5b-instruct --format json
              modelreg resolve chat --at v1.2.0
            """
    )

    @Argument(help: "The role (retrieval, rerank, embedding, chat, caption, …).")
    var role: String

    @Option(
        name: .customLong("require"),
        help: ArgumentHelp("A capability the model must have; repeatable.", valueName: "capability"))
    var requirements: [String] = []

    @Option(help: ArgumentHelp("The model to take when it qualifies (id or alias).", valueName: "name"))
    var prefer: String?

    @Flag(help: "Show why each candidate was taken or passed over.")
    var explain = false

    @Option(help: "text (the model's id) or json (the model, its entry and every candidate's verdict).")
    var format: Format = .text

    @OptionGroup var revision: RevisionOptions
    @OptionGroup var registryOptions: RegistryOptions

    func validate() throws {
        for requirement in requirements where Capability(parsing: requirement) == nil {
            throw ValidationError("unknown capability `\(requirement)`; use one of: \(Capability.forms)")
        }
    }

    func execute() throws -> Int32 {
        let opened = try OpenedRegistry(options: registryOptions, revision: revision)
        let registry = try opened.registry()
        opened.warnAboutFindings()
        let request = RoleRequest(
            role: role, requirements: requirements.compactMap(Capability.init(parsing:)), preferred: prefer)
        let resolution: RoleResolution
        do {
            resolution = try registry.resolve(request)
        } catch {
            if format == .json { Terminal.writeOut(error.json.serialized(pretty: true) + "\n") }
            Terminal.writeError("modelreg: error: \(error)\n")
            return 1
        }
        switch format {
        case .json:
            Terminal.writeOut(resolution.json.serialized(pretty: true) + "\n")
        case .text:
            Terminal.writeOut(explain ? resolution.explanation : resolution.chosen.id + "\n")
        }
        return 0
    }
}
