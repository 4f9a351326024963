import ArgumentParser
import ModelRegistry

/// `modelreg show ID`: one entry, by id or alias.
struct ShowCommand: ToolCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case yaml, json
    }

    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one model entry, looked up by id or alias; as it is, as it was at a revision, or on a date.",
        discussion: """
            Examples:
              modelreg show bge-m3
              modelreg show colbertv2 --format json
              modelreg show bge-m3@v1.2.0           # as it was at a revision (read from git, no checkout)
              modelreg show bge-m3 --at 2026-03-01   # as it was on a date (the last commit of that day)
            """
    )

    @Argument(help: "The model's id or one of its aliases, optionally with @REVISION.")
    var name: String

    @Option(help: "Show the entry as it was on this date (YYYY-MM-DD or ISO 8601), from the history of HEAD.")
    var at: String?

    @Option(help: "yaml (the file as written) or json.")
    var format: Format = .yaml

    @OptionGroup var registryOptions: RegistryOptions

    func execute() throws -> Int32 {
        if let at = name.lastIndex(of: "@") {
            return try showAtRevision(String(name[..<at]), revision: String(name[name.index(after: at)...]))
        }
        if let at {
            let history = try HistoryContext.open(registryOptions)
            let time = try DateArgument.parse(at, endOfDay: true)
            guard let commit = history.commit(atOrBefore: time) else {
                Terminal.writeError("modelreg: error: the history of HEAD starts after \(at)\n")
                HistoryContext.warnIfShallow(history)
                return 1
            }
            HistoryContext.warnIfShallow(history)
            return try showAtRevision(name, revision: commit.hex)
        }
        let loaded = try LoadedRegistry(options: registryOptions, lookingFor: name)
        guard let document = loaded.index.lookup(name) else {
            var message = "no model with id or alias `\(name)`"
            let suggestions = loaded.index.suggestions(for: name)
            if !suggestions.isEmpty { message += "; did you mean " + suggestions.map { "`\($0)`" }.joined(separator: ", ") + "?" }
            Terminal.writeError("modelreg: error: \(message)\n")
            return 1
        }
        switch format {
        case .yaml:
            Terminal.writeOut(loaded.sourceText(of: document) ?? "")
        case .json:
            Terminal.writeOut(document.value.serialized(pretty: true) + "\n")
        }
        return 0
    }
}

extension ShowCommand {
    /// The entry as stored in a revision, looked up by id or alias among that revision's entries.
    func showAtRevision(_ name: String, revision: String) throws -> Int32 {
        let registry = try RegistryRepository(discoveringFrom: FileSystem.currentDirectory, registryDirectory: registryOptions.registry)
        let commit = try registry.commit(revision)
        // A model is found by id in its own file; only a lookup by alias reads every file.
        var sources: [LintSource] = []
        if let bytes = try? registry.repository.blob(at: registry.path(of: name), inCommit: commit) {
            sources = [LintSource(displayPath: registry.path(of: name), bytes: bytes)]
        }
        var index = RegistryIndex(documents: Linter(schema: .builtIn).lint(sources).documents)
        if index.documents.first?.id != name {
            sources = try registry.sources(at: commit)
            index = RegistryIndex(documents: Linter(schema: .builtIn).lint(sources).documents)
        }
        guard let document = index.lookup(name) else {
            Terminal.writeError("modelreg: error: no model with id or alias `\(name)` at \(revision) (\(commit.shortHex))\n")
            return 1
        }
        switch format {
        case .yaml:
            let bytes = sources.first { $0.displayPath == document.path }?.bytes ?? []
            Terminal.writeOut(String(decoding: bytes, as: UTF8.self))
        case .json:
            Terminal.writeOut(document.value.serialized(pretty: true) + "\n")
        }
        return 0
    }
}

/// The registry's readable entries, for the commands that query it.
struct LoadedRegistry {
    let index: RegistryIndex
    let inputs: [LintInput]

    /// Reads the registry; with `name`, first only the file named after it, and every file only when that one does
    /// not hold the model with that id (a lookup by alias).
    init(options: RegistryOptions, lookingFor name: String? = nil) throws(ToolError) {
        let directory = try options.registryDirectory()
        let schema = try options.loadSchema(registryDirectory: directory)
        let all = try RegistryInputs.of(directory: directory)
        let linter = Linter(schema: schema)
        if let name, let own = all.first(where: { RegistryLocator.fileStem($0.path) == name }) {
            let documents = linter.lint([own]).documents
            if documents.first?.id == name {
                inputs = [own]
                index = RegistryIndex(documents: documents)
                return
            }
        }
        inputs = all
        index = RegistryIndex(documents: linter.lint(inputs).documents)
    }

    func sourceText(of document: ModelDocument) -> String? {
        inputs.first { $0.displayPath == document.path }.flatMap { FileSystem.read($0.path) }
    }
}
