import ArgumentParser
import JSONSchema
import ModelRegistry

/// `modelreg blame ID`: for each field, the last revision that changed it.
struct BlameCommand: ToolCommand {
    static let configuration = CommandConfiguration(
        commandName: "blame",
        abstract: "For each field of a model, the last revision that changed it, with author and date.",
        discussion: """
            Examples:
              modelreg blame bge-m3
            """
    )

    @Argument(help: "The model's id.") var id: String
    @OptionGroup var historyOptions: HistoryOptions
    @OptionGroup var registryOptions: RegistryOptions

    func execute() throws -> Int32 {
        let history = try HistoryContext.open(registryOptions)
        let lines = try history.blame(of: id)
        guard !lines.isEmpty else {
            Terminal.writeError("modelreg: error: no model `\(id)` at HEAD\n")
            return 1
        }
        switch historyOptions.format {
        case .json:
            let items: [JSONValue] = lines.map { line in
                var object = line.revision.map { HistoryContext.json($0.commit) } ?? JSONObject()
                object["field"] = .string(line.field)
                object["value"] = line.value
                return .object(object)
            }
            Terminal.writeOut(JSONValue.array(items).serialized(pretty: true) + "\n")
        case .text:
            let width = lines.map(\.field.count).max() ?? 0
            for line in lines {
                let who = line.revision.map { HistoryContext.line($0.commit) } ?? "(history cut)"
                let value = line.value.displayText
                let shown = value.count > 40 ? String(value.prefix(39)) + "…" : value
                Terminal.writeOut(line.field.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + shown.padding(toLength: 40, withPad: " ", startingAt: 0) + "  " + who + "\n")
            }
        }
        HistoryContext.warnIfShallow(history)
        return 0
    }
}

/// `modelreg log`: the registry's own audit log.
struct LogCommand: ToolCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Every commit that touched the registry, newest first, with the models each changed.",
        discussion: """
            Examples:
              modelreg log --limit 20
            """
    )

    @Option(help: "At most this many commits.") var limit: Int?
    @OptionGroup var historyOptions: HistoryOptions
    @OptionGroup var registryOptions: RegistryOptions

    func execute() throws -> Int32 {
        let history = try HistoryContext.open(registryOptions)
        let entries = try history.log(limit: limit)
        func describe(_ change: EntryChange) -> String {
            func id(_ path: String?) -> String {
                ((path ?? "").split(separator: "/").last.map(String.init) ?? "").replacingOccurrences(of: ".yaml", with: "")
            }
            switch change.kind {
            case .added: return "+ \(id(change.newPath))"
            case .deleted: return "- \(id(change.oldPath))"
            case .modified: return "M \(id(change.newPath))"
            case .renamed: return "R \(id(change.oldPath)) → \(id(change.newPath))"
            }
        }
        switch historyOptions.format {
        case .json:
            let items: [JSONValue] = entries.map { entry in
                var object = HistoryContext.json(entry.commit)
                object["models"] = .array(entry.changes.map { .string(describe($0)) })
                return .object(object)
            }
            Terminal.writeOut(JSONValue.array(items).serialized(pretty: true) + "\n")
        case .text:
            for entry in entries {
                Terminal.writeOut(HistoryContext.line(entry.commit) + "\n")
                Terminal.writeOut("    " + entry.changes.map(describe).joined(separator: ", ") + "\n")
            }
        }
        HistoryContext.warnIfShallow(history)
        return 0
    }
}
