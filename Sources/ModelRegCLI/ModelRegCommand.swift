import ArgumentParser
import Git

/// The `modelreg` command: the root of every subcommand.
public struct ModelRegCommand: ParsableCommand {
    public static let version = "0.1.0"

    /// The subcommands that open the git repository (the registry's history, a commit). The query commands
    /// (`show`, `list`, `query`, `resolve`, `lineage`, `export`) open it only with `--at`/`--rev`: a work tree's
    /// query reads the folder, and libgit2's start (it parses the system's TLS certificates) would only take a core
    /// from a cold query's workers.
    static let repositoryCommands: Set<String> = [
        "gate", "new", "add", "set", "alias", "deprecate", "rename", "remove", "import", "lock", "unlock", "history",
        "blame", "diff", "log",
    ]

    /// Work worth starting before the arguments are parsed: libgit2's initialization, when the subcommand will
    /// open the repository (`repositoryCommands`, or any command reading a revision with `--at`/`--rev`), and the
    /// listing of the registry folder for `verify` (`EarlyListing`). A guess from the raw arguments; a wrong one
    /// costs nothing but the early start.
    public static func prepare(for arguments: [String]) {
        let words = arguments.dropFirst()
        guard let subcommand = words.first(where: { !$0.hasPrefix("-") }) else { return }
        let atRevision = words.contains(where: { $0 == "--at" || $0 == "--rev" })
        if repositoryCommands.contains(subcommand) || atRevision {
            startLibgit2Early()
        }
        if subcommand == "verify", !atRevision, let start = words.firstIndex(of: subcommand) {
            EarlyListing.start(arguments: words[(start + 1)...])
        }
    }

    public static let configuration = CommandConfiguration(
        commandName: "modelreg",
        abstract: "A git-backed, declarative registry of machine-learning models.",
        discussion: """
            Every model is one YAML file in registry/<id>.yaml, validated against schemas/model.schema.json.
            Exit codes: 0 clean, 1 findings at error severity, 2 modelreg could not do its work, 64 usage.
            """,
        version: version,
        subcommands: [
            // Checking
            LintCommand.self,
            VerifyCommand.self,
            GateCommand.self,
            RulesCommand.self,
            // Reading
            ShowCommand.self,
            ListCommand.self,
            QueryCommand.self,
            ResolveCommand.self,
            LineageCommand.self,
            ExportCommand.self,
            // Changing: one verified commit each
            NewCommand.self,
            AddCommand.self,
            SetCommand.self,
            AliasCommand.self,
            DeprecateCommand.self,
            RenameCommand.self,
            RemoveCommand.self,
            ImportCommand.self,
            // Model files: hashes and locks
            HashCommand.self,
            LockCommand.self,
            UnlockCommand.self,
            // History
            HistoryCommand.self,
            BlameCommand.self,
            DiffCommand.self,
            LogCommand.self,
        ]
    )

    public init() {}
}
