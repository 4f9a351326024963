import ArgumentParser
import JSONSchema
import ModelRegistry

/// `modelreg list`: every entry, one line each.
struct ListCommand: ToolCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json
    }

    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the registry's models.",
        discussion: """
            Examples:
              modelreg list
              modelreg list --format json
            """
    )

    @Option(help: "table or json.")
    var format: Format = .table

    @OptionGroup var registryOptions: RegistryOptions

    func execute() throws -> Int32 {
        let loaded = try LoadedRegistry(options: registryOptions)
        let documents = loaded.index.documents
        switch format {
        case .json:
            Terminal.writeOut(JSONValue.array(documents.map(\.value)).serialized(pretty: true) + "\n")
        case .table:
            let header = ["ID", "TYPE", "DIM", "CONTEXT", "ROLES", "STATUS"]
            let rows = documents.map { document -> [String] in
                let value = document.value
                var status: [String] = []
                if value.member("deprecated") != nil, value.member("deprecated")?.asBool != false { status.append("deprecated") }
                if value.member(path: "version_lock.locked")?.asBool == true { status.append("locked") }
                return [
                    document.id ?? document.fileStem,
                    value.member("type")?.asString ?? "",
                    value.member(path: "specs.embedding_dim").map(\.displayText) ?? "",
                    value.member(path: "specs.context_length").map(\.displayText) ?? "",
                    (value.member("roles")?.asArray ?? []).map(\.displayText).joined(separator: ","),
                    status.joined(separator: ","),
                ]
            }
            Terminal.writeOut(Table.render(header: header, rows: rows))
        }
        return 0
    }
}

/// Left-aligned columns separated by two spaces.
enum Table {
    static func render(header: [String], rows: [[String]]) -> String {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        return all.map { row in
            row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[column] - cell.count + 2)
            }.joined().trimmingTrailingSpaces()
        }.joined(separator: "\n") + "\n"
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
