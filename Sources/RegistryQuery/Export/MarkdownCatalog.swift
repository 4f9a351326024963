/// `modelreg export --format markdown`: `MODELS.md`, a catalog of the registry for people.
///
/// One section per type (in the schema's order) with a summary table and a short entry per model,
/// then the lineage trees and the deprecations. Anchors are the model ids (`#colbert-v2`) and
/// `type-` plus the type (`#type-colbert`).
public enum MarkdownCatalog {
    /// The catalog, ending with a newline.
    public static func render(_ registry: Registry) -> String {
        var out = Output()
        let entries = registry.entries
        let types = orderedTypes(registry.types)
        let deprecated = entries.filter(\.isDeprecated)

        out.line("# Models")
        out.blank()
        out.line("<!-- Generated from the registry's YAML files by `modelreg export --format markdown`; do not edit by hand. -->")
        out.blank()
        out.line(
            "\(count(entries.count, "model")) of \(count(types.count, "type"))"
                + (deprecated.isEmpty ? "." : ", \(deprecated.count) deprecated."))
        out.blank()
        out.line("| type | models |")
        out.line("|---|--:|")
        for type in types {
            out.line("| [\(cell(type))](#type-\(type)) | \(entries.count { $0.type == type }) |")
        }

        for type in types {
            out.blank()
            out.line("<a id=\"type-\(type)\"></a>")
            out.blank()
            out.line("## \(type)")
            out.blank()
            let members = entries.filter { $0.type == type }
            out.line("| model | name | dim | context | languages | roles | license | status |")
            out.line("|---|---|--:|--:|---|---|---|---|")
            for entry in members {
                let cells = [
                    "[`\(entry.id)`](#\(entry.id))", cell(entry.name), entry.specs.embeddingDim.map(String.init) ?? "",
                    entry.specs.contextLength.map(String.init) ?? "", cell(entry.capabilities.languages.joined(separator: ", ")),
                    cell(entry.roles.joined(separator: ", ")), cell(entry.license), EntryListing.status(of: entry),
                ]
                out.line("| " + cells.joined(separator: " | ") + " |")
            }
            for entry in members { section(for: entry, in: registry, into: &out) }
        }

        let roots = entries.filter { entry in
            entry.fineTunedFrom == nil && !registry.children(of: entry.id).isEmpty
        }
        let orphans = entries.filter { entry in entry.fineTunedFrom.map { registry[$0] == nil } ?? false }
        if !roots.isEmpty || !orphans.isEmpty {
            out.blank()
            out.line("## Lineage")
            out.blank()
            out.line("Each model is listed under the model it was fine-tuned from.")
            out.blank()
            var visited = Set<String>()
            for root in roots + orphans { tree(root, depth: 0, registry: registry, visited: &visited, into: &out) }
        }

        if !deprecated.isEmpty {
            out.blank()
            out.line("## Deprecations")
            out.blank()
            out.line("| model | since | replaced by | reason |")
            out.line("|---|---|---|---|")
            for entry in deprecated {
                let deprecation = entry.deprecation ?? ModelEntry.Deprecation()
                let replacement = deprecation.replacedBy.map { "[`\($0)`](#\($0))" } ?? ""
                out.line(
                    "| [`\(entry.id)`](#\(entry.id)) | \(cell(deprecation.since ?? "")) | \(replacement) | \(cell(deprecation.reason ?? "")) |")
            }
        }
        return out.text
    }

    private static func section(for entry: ModelEntry, in registry: Registry, into out: inout Output) {
        out.blank()
        out.line("<a id=\"\(entry.id)\"></a>")
        out.blank()
        let showsName = !entry.name.isEmpty && entry.name != entry.id
        out.line(showsName ? "### \(entry.name) (`\(entry.id)`)" : "### `\(entry.id)`")
        out.blank()
        if !entry.description.isEmpty {
            out.line(oneParagraph(entry.description))
            out.blank()
        }
        if let deprecation = entry.deprecation {
            var text = "**Deprecated**"
            if let since = deprecation.since { text += " since \(since)" }
            text += "."
            if let reason = deprecation.reason { text += " " + oneParagraph(reason) }
            if let replacement = deprecation.replacedBy { text += " Use [`\(replacement)`](#\(replacement)) instead." }
            out.line("> " + text)
            out.blank()
        }
        var facts: [String] = []
        if let hub = entry.huggingfaceID { facts.append("Hugging Face: [\(hub)](https://huggingface.co/\(hub))") }
        var origin: [String] = []
        if let organization = entry.organization { origin.append("by \(organization)") }
        if let date = entry.releaseDate { origin.append("released \(date)") }
        origin.append("license `\(entry.license)`")
        facts.append(capitalizedFirst(origin.joined(separator: ", ")))
        var shape: [String] = []
        if let parameters = entry.specs.parameters { shape.append("\(parameters) parameters") }
        if let dimension = entry.specs.embeddingDim { shape.append("\(dimension)-dimensional embeddings") }
        if let context = entry.specs.contextLength { shape.append("\(context)-token context") }
        if entry.capabilities.multiVector { shape.append("multi-vector") }
        if entry.capabilities.matryoshka {
            let dims = entry.architecture.matryoshkaDims.map(String.init).joined(separator: ", ")
            shape.append(dims.isEmpty ? "Matryoshka" : "Matryoshka (\(dims))")
        }
        if !shape.isEmpty { facts.append(capitalizedFirst(shape.joined(separator: ", "))) }
        var reads: [String] = []
        if !entry.capabilities.languages.isEmpty { reads.append("languages: " + entry.capabilities.languages.joined(separator: ", ")) }
        if !entry.capabilities.modalities.isEmpty { reads.append("modalities: " + entry.capabilities.modalities.joined(separator: ", ")) }
        if !reads.isEmpty { facts.append(capitalizedFirst(reads.joined(separator: "; "))) }
        if !entry.roles.isEmpty {
            facts.append("Roles: " + entry.roles.joined(separator: ", ") + (entry.priority.map { " (priority \($0))" } ?? ""))
        }
        if !entry.aliases.isEmpty { facts.append("Aliases: " + entry.aliases.map { "`\($0)`" }.joined(separator: ", ")) }
        if let backend = entry.backend {
            var text = "Served with \(backend.kind)"
            if let served = backend.servedModelID { text += " as `\(served)`" }
            if let port = backend.port { text += " on port \(port)" }
            facts.append(text)
        }
        var family: [String] = []
        if let parent = entry.fineTunedFrom {
            family.append(registry[parent] == nil ? "fine-tuned from `\(parent)`" : "fine-tuned from [`\(parent)`](#\(parent))")
        }
        let children = registry.children(of: entry.id)
        if !children.isEmpty {
            family.append("fine-tuned into " + children.map { "[`\($0.id)`](#\($0.id))" }.joined(separator: ", "))
        }
        if !family.isEmpty { facts.append(capitalizedFirst(family.joined(separator: "; "))) }
        if entry.locked { facts.append("Locked to its recorded artifacts") }
        for fact in facts { out.line("- " + fact) }
    }

    private static func tree(
        _ entry: ModelEntry, depth: Int, registry: Registry, visited: inout Set<String>, into out: inout Output
    ) {
        guard visited.insert(entry.id).inserted else { return }
        let indent = String(repeating: "  ", count: depth)
        var line = "\(indent)- [`\(entry.id)`](#\(entry.id))"
        if depth == 0, let missing = entry.fineTunedFrom { line += " (fine-tuned from `\(missing)`, not in the registry)" }
        if entry.isDeprecated { line += " (deprecated)" }
        out.line(line)
        for child in registry.children(of: entry.id) {
            tree(child, depth: depth + 1, registry: registry, visited: &visited, into: &out)
        }
    }

    /// Types in the order the built-in schema lists them; others after, alphabetically.
    static func orderedTypes(_ types: [String]) -> [String] {
        var known: [String] = []
        if case .text(let allowed?)? = FieldCatalog.builtIn.kind(of: "type") { known = allowed }
        return types.sorted { a, b in
            switch (known.firstIndex(of: a), known.firstIndex(of: b)) {
            case let (x?, y?): return x < y
            case (_?, nil): return true
            case (nil, _?): return false
            default: return a < b
            }
        }
    }

    private static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }

    /// Text safe inside a table cell: pipes escaped, line breaks as spaces.
    private static func cell(_ text: String) -> String {
        oneParagraph(text).replacingAll("|", with: "\\|")
    }

    /// Line breaks folded into spaces, so a value stays one paragraph.
    private static func oneParagraph(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingSpaces() }.joined(separator: " ")
    }

    private static func capitalizedFirst(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }

    private struct Output {
        var text = ""
        mutating func line(_ line: String) { text += line + "\n" }
        mutating func blank() { text += "\n" }
    }
}

extension Substring {
    /// Without leading and trailing spaces and tabs.
    func trimmingSpaces() -> Substring {
        var result = self
        while result.first == " " || result.first == "\t" { result.removeFirst() }
        while result.last == " " || result.last == "\t" { result.removeLast() }
        return result
    }
}
