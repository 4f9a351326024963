import JSONSchema

/// The semantic difference between two states of a registry: models added, removed, renamed, deprecated,
/// and the fields that changed, with old and new values.
public struct RegistryDiff: Sendable {
    public struct Rename: Sendable {
        public var from: String
        public var to: String
        public var changes: [FieldChange]
    }

    public struct Change: Sendable {
        public var id: String
        public var changes: [FieldChange]
    }

    public var added: [String] = []
    public var removed: [String] = []
    public var renamed: [Rename] = []
    /// Entries that became deprecated (they also appear in `changed`).
    public var deprecated: [String] = []
    public var changed: [Change] = []

    public var isEmpty: Bool { added.isEmpty && removed.isEmpty && renamed.isEmpty && changed.isEmpty }

    /// Compares two sets of entries by id; a removed and an added entry that are mostly the same are a rename.
    public static func between(_ old: [ModelDocument], _ new: [ModelDocument]) -> RegistryDiff {
        var diff = RegistryDiff()
        let before = Dictionary(old.compactMap { document in document.id.map { ($0, document.value) } }, uniquingKeysWith: { a, _ in a })
        let after = Dictionary(new.compactMap { document in document.id.map { ($0, document.value) } }, uniquingKeysWith: { a, _ in a })
        var removed = before.keys.filter { after[$0] == nil }.sorted()
        var added = after.keys.filter { before[$0] == nil }.sorted()

        for id in removed {
            let candidates = added.map { ($0, similarity(before[id]!, after[$0]!, oldID: id)) }.filter { $0.1 >= 0.6 }
            guard let best = candidates.max(by: { ($0.1, $1.0) < ($1.1, $0.0) }) else { continue }
            added.removeAll { $0 == best.0 }
            removed.removeAll { $0 == id }
            let changes = FieldDiff.between(before[id], after[best.0]).filter { $0.path != "id" }
            diff.renamed.append(Rename(from: id, to: best.0, changes: changes))
        }
        diff.added = added
        diff.removed = removed
        for id in before.keys.sorted() {
            guard let newValue = after[id], let oldValue = before[id] else { continue }
            let changes = FieldDiff.between(oldValue, newValue)
            guard !changes.isEmpty else { continue }
            diff.changed.append(Change(id: id, changes: changes))
            if isDeprecated(newValue) && !isDeprecated(oldValue) { diff.deprecated.append(id) }
        }
        return diff
    }

    static func isDeprecated(_ value: JSONValue) -> Bool {
        guard let deprecated = value.member("deprecated") else { return false }
        return deprecated.asBool != false
    }

    /// The share of fields that are equal, ignoring the id, names and aliases; 1 when the old id became an alias.
    static func similarity(_ old: JSONValue, _ new: JSONValue, oldID: String) -> Double {
        if (new.member("aliases")?.asArray ?? []).contains(where: { $0.asString == oldID }) { return 1 }
        var fields: [String: JSONValue] = [:]
        FieldDiff.leaves(of: old, path: "") { fields[$0] = $1 }
        var total = 0
        var equal = 0
        FieldDiff.leaves(of: new, path: "") { path, value in
            guard !["id", "name", "aliases", "description"].contains(path) else { return }
            total += 1
            if fields[path] == value { equal += 1 }
        }
        return total == 0 ? 0 : Double(equal) / Double(total)
    }

    // MARK: Rendering

    public func text() -> String {
        guard !isEmpty else { return "no changes to the registry\n" }
        var lines: [String] = []
        for id in added { lines.append("added      \(id)") }
        for id in removed { lines.append("removed    \(id)") }
        for rename in renamed {
            lines.append("renamed    \(rename.from) → \(rename.to)")
            lines.append(contentsOf: rename.changes.map { "    \($0)" })
        }
        for change in changed {
            lines.append((deprecated.contains(change.id) ? "deprecated " : "changed    ") + change.id)
            lines.append(contentsOf: change.changes.map { "    \($0)" })
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public func markdown(title: String = "Registry changes") -> String {
        guard !isEmpty else { return "### \(title)\n\nNo changes to the registry.\n" }
        var output = "### \(title)\n\n"
        if !added.isEmpty { output += "**Added:** " + added.map { "`\($0)`" }.joined(separator: ", ") + "\n\n" }
        if !removed.isEmpty { output += "**Removed:** " + removed.map { "`\($0)`" }.joined(separator: ", ") + "\n\n" }
        if !deprecated.isEmpty { output += "**Deprecated:** " + deprecated.map { "`\($0)`" }.joined(separator: ", ") + "\n\n" }
        for rename in renamed { output += "**Renamed:** `\(rename.from)` → `\(rename.to)`\n\n" }
        let tables = changed.map { ($0.id, $0.changes) } + renamed.filter { !$0.changes.isEmpty }.map { ($0.to, $0.changes) }
        for (id, changes) in tables {
            output += "<details><summary><code>\(id)</code>: \(changes.count) field\(changes.count == 1 ? "" : "s") changed</summary>\n\n"
            output += "| field | before | after |\n|---|---|---|\n"
            for change in changes {
                output += "| `\(change.path)` | \(cell(change.old)) | \(cell(change.new)) |\n"
            }
            output += "\n</details>\n\n"
        }
        return output
    }

    func cell(_ value: JSONValue?) -> String {
        guard let value else { return "—" }
        return "`" + value.displayText.replacingAll("|", "\\|").replacingAll("`", "'").replacingAll("\n", " ") + "`"
    }

    public func json() -> JSONValue {
        func changes(_ list: [FieldChange]) -> JSONValue { .array(list.map(\.json)) }
        return .object(
            JSONObject([
                ("added", .array(added.map(JSONValue.string))),
                ("removed", .array(removed.map(JSONValue.string))),
                (
                    "renamed",
                    .array(
                        renamed.map {
                            .object(JSONObject([("from", .string($0.from)), ("to", .string($0.to)), ("changes", changes($0.changes))]))
                        })
                ),
                ("deprecated", .array(deprecated.map(JSONValue.string))),
                ("changed", .array(changed.map { .object(JSONObject([("id", .string($0.id)), ("changes", changes($0.changes))])) })),
            ]))
    }
}
