import JSONSchema

/// Prints a list of entries for `modelreg list` and `modelreg query`.
public enum EntryListing {
    /// The output formats.
    public enum Format: String, Sendable, CaseIterable {
        /// Aligned columns for people: id, type, dimension, context, roles, status.
        case table
        /// A JSON array of the entries' data, as written.
        case json
        /// CSV with a header row (fields quoted as RFC 4180 says, lines ending in `\n`); lists joined with `;`.
        case csv
        /// One id per line, for scripts.
        case ids
    }

    /// The top-level fields of an entry's data that `render` reads in `format` (nil: all of them), so that
    /// a caller may read no more (`CachedRegistry.select(_:fields:)`). Keep it in step with `render`.
    public static func fieldsShown(in format: Format) -> Set<String>? {
        switch format {
        case .ids: return ["id"]
        case .table: return ["id", "type", "specs", "roles", "deprecated", "version_lock"]
        case .csv:
            return [
                "id", "name", "type", "license", "organization", "huggingface_id", "specs", "capabilities", "roles",
                "priority", "deprecated", "version_lock",
            ]
        case .json: return nil
        }
    }

    /// `entries` in `format`, ending with a newline (the table always has its header line).
    public static func render(_ entries: [ModelEntry], format: Format) -> String {
        switch format {
        case .table:
            let header = ["ID", "TYPE", "DIM", "CONTEXT", "ROLES", "STATUS"]
            let rows = entries.map { entry in
                [
                    entry.id, entry.type, entry.specs.embeddingDim.map(String.init) ?? "",
                    entry.specs.contextLength.map(String.init) ?? "", entry.roles.joined(separator: ","),
                    status(of: entry),
                ]
            }
            return TextTable.render(header: header, rows: rows)
        case .json:
            return JSONValue.array(entries.map(\.raw)).serialized(pretty: true) + "\n"
        case .csv:
            let header = [
                "id", "name", "type", "license", "organization", "huggingface_id", "embedding_dim", "context_length",
                "parameters", "languages", "modalities", "roles", "priority", "deprecated", "replaced_by", "locked",
            ]
            let rows = entries.map(csvRow)
            return ([header] + rows).map { $0.map(csvField).joined(separator: ",") }.joined(separator: "\n") + "\n"
        case .ids:
            return entries.map { $0.id + "\n" }.joined()
        }
    }

    private static func csvRow(_ entry: ModelEntry) -> [String] {
        let specs = entry.specs
        let capabilities = entry.capabilities
        var row: [String] = [entry.id, entry.name, entry.type, entry.license]
        row += [entry.organization ?? "", entry.huggingfaceID ?? ""]
        row += [specs.embeddingDim.map(String.init) ?? "", specs.contextLength.map(String.init) ?? "", specs.parameters ?? ""]
        row += [capabilities.languages.joined(separator: ";"), capabilities.modalities.joined(separator: ";")]
        row += [entry.roles.joined(separator: ";"), entry.priority.map(String.init) ?? ""]
        row += [String(entry.isDeprecated), entry.deprecation?.replacedBy ?? "", String(entry.locked)]
        return row
    }

    /// `deprecated`, `locked`, both, or empty.
    static func status(of entry: ModelEntry) -> String {
        var status: [String] = []
        if entry.isDeprecated { status.append("deprecated") }
        if entry.locked { status.append("locked") }
        return status.joined(separator: ",")
    }

    /// A CSV field, quoted when it holds a comma, a quote or a line break.
    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingAll("\"", with: "\"\"") + "\""
    }
}
