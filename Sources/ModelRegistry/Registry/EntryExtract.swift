import JSONSchema
import YAML

/// The part of a model file that the cross-file rules read: its names, its Hugging Face identity, its lineage and
/// its deprecation, each value with where it is written. Small enough to keep per git blob, so that checking a
/// registry of thousands of files against a few changed ones needs no re-parse of the others (see `ExtractCache`).
public struct EntryExtract: Sendable, Hashable {
    /// A string value and the location of its node.
    public struct Located: Sendable, Hashable {
        public var value: String
        public var location: SourceLocation

        public init(_ value: String, at location: SourceLocation) {
            self.value = value
            self.location = location
        }
    }

    /// The path as it is shown in diagnostics.
    public var path: String
    /// `id`, when it is a string.
    public var id: Located?
    /// The items of `aliases` that are strings.
    public var aliases: [Located]
    /// `huggingface_id`, when it is a string.
    public var huggingfaceID: Located?
    /// `revision`, when it is a string.
    public var revision: String?
    /// `fine_tuned_from`, when it is a string.
    public var fineTunedFrom: Located?
    /// True when `deprecated` is present and not `false`.
    public var isDeprecated: Bool
    /// `deprecated.replaced_by`, when it is a string.
    public var replacedBy: Located?

    public init(
        path: String, id: Located? = nil, aliases: [Located] = [], huggingfaceID: Located? = nil,
        revision: String? = nil, fineTunedFrom: Located? = nil, isDeprecated: Bool = false, replacedBy: Located? = nil
    ) {
        self.path = path
        self.id = id
        self.aliases = aliases
        self.huggingfaceID = huggingfaceID
        self.revision = revision
        self.fineTunedFrom = fineTunedFrom
        self.isDeprecated = isDeprecated
        self.replacedBy = replacedBy
    }

    /// The extract of a parsed document.
    public init(_ document: ModelDocument) {
        self.init(path: document.path, outline: document.outline)
    }

    /// The extract of a file's top-level mapping. Only the nodes it needs are resolved, the same YAML 1.2 core
    /// way as `ModelDocument.value`, so an extract never disagrees with the document it came from.
    public init(path: String, outline: YAMLOutline) {
        func string(_ row: Int?) -> Located? {
            guard let row, case .string(let text)? = outline.resolved(at: row) else { return nil }
            return Located(text, at: outline.nodes[row].start.located(in: path))
        }
        // The top-level keys are looked at once, in one pass.
        let root = YAMLOutline.root
        var idRow: Int?, aliasesRow: Int?, huggingfaceRow: Int?, revisionRow: Int?, parentRow: Int?, deprecatedRow: Int?
        var isKey = true
        for child in outline.children(of: root) {
            defer { isKey.toggle() }
            guard isKey, let key = outline.text(at: child) else { continue }
            switch key {
            case "id": idRow = child + 1
            case "aliases": aliasesRow = child + 1
            case "huggingface_id": huggingfaceRow = child + 1
            case "revision": revisionRow = child + 1
            case "fine_tuned_from": parentRow = child + 1
            case "deprecated": deprecatedRow = child + 1
            default: break
            }
        }
        self.path = path
        id = string(idRow)
        var aliases: [Located] = []
        if let list = aliasesRow, outline.nodes[list].kind == .sequence {
            aliases.reserveCapacity(Int(outline.nodes[list].childCount))
            for item in outline.children(of: list) {
                if let alias = string(item) { aliases.append(alias) }
            }
        }
        self.aliases = aliases
        huggingfaceID = string(huggingfaceRow)
        revision = string(revisionRow)?.value
        fineTunedFrom = string(parentRow)
        if let deprecatedRow, case .bool(false)? = outline.resolved(at: deprecatedRow) {
            isDeprecated = false
        } else {
            isDeprecated = deprecatedRow != nil
        }
        replacedBy = string(deprecatedRow.flatMap { outline.valueRow("replaced_by", inMapping: $0) })
    }

    /// The file's base name without `.yaml` or `.yml`.
    public var fileStem: String { RegistryLocator.fileStem(path) }

    /// A few extracts sorted by path put into a long list sorted by path, each before any of equal path (a
    /// registry's few checked files among its kept extracts): the long list is taken over and the few are inserted
    /// (extracts moved, not copied), unless they are many.
    public static func merged(_ few: [EntryExtract], into many: consuming [EntryExtract]) -> [EntryExtract] {
        guard few.count <= 64 else { return merged(few, many) }
        var result = many
        var from = 0
        for extract in few {
            // The first place whose path is not before the extract's (a binary search from the last insertion).
            var low = from, high = result.count
            while low < high {
                let middle = (low + high) / 2
                if result[middle].path < extract.path { low = middle + 1 } else { high = middle }
            }
            result.insert(extract, at: low)
            from = low + 1
        }
        return result
    }

    /// Two lists sorted by path, as one sorted list, `first`'s before `second`'s of equal path.
    public static func merged(_ first: [EntryExtract], _ second: [EntryExtract]) -> [EntryExtract] {
        var result: [EntryExtract] = []
        result.reserveCapacity(first.count + second.count)
        var (i, j) = (0, 0)
        while i < first.count, j < second.count {
            if second[j].path < first[i].path {
                result.append(second[j])
                j += 1
            } else {
                result.append(first[i])
                i += 1
            }
        }
        result.append(contentsOf: first[i...])
        result.append(contentsOf: second[j...])
        return result
    }

    /// The same extract, shown under another path (a blob read at another place).
    public func moved(to newPath: String) -> EntryExtract {
        func move(_ located: Located?) -> Located? { located.map(move) }
        func move(_ located: Located) -> Located {
            var location = located.location
            location.path = newPath
            return Located(located.value, at: location)
        }
        var copy = self
        copy.path = newPath
        copy.id = move(id)
        copy.aliases = aliases.map(move)
        copy.huggingfaceID = move(huggingfaceID)
        copy.fineTunedFrom = move(fineTunedFrom)
        copy.replacedBy = move(replacedBy)
        return copy
    }
}

extension Rule {
    /// A finding of this rule at `location`, at the rule's severity.
    public static func finding(at location: SourceLocation, _ message: String, notes: [FindingNote] = []) -> Finding {
        Finding(
            severity: description.severity, location: location, ruleID: description.id, message: message, notes: notes)
    }
}
