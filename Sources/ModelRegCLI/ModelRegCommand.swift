import ArgumentParser

/// The `modelreg` command: the root of every subcommand.
public struct ModelRegCommand: ParsableCommand {
    public static let version = "0.1.0"

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
