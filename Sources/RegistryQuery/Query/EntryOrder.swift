/// Sorting entries by a field (`--sort FIELD`): entries without the field come last, ties by id.
public struct EntryOrder: Sendable, Hashable {
    /// The dotted path of the field (`specs.embedding_dim`, `priority`, `release_date`).
    public var field: String
    /// Largest first instead of smallest first (entries without the field still come last).
    public var descending: Bool

    /// An order by `field`.
    public init(field: String, descending: Bool = false) {
        self.field = field
        self.descending = descending
    }

    /// Reads `FIELD` or `-FIELD` (descending); with a catalog, an unknown field is an error.
    public static func parse(_ text: String, fields: FieldCatalog? = .builtIn) throws(QuerySyntaxError) -> EntryOrder {
        let descending = text.hasPrefix("-")
        let field = descending ? String(text.dropFirst()) : text
        let column = descending ? 2 : 1
        guard QueryParser.isFieldPath(field) else {
            throw QuerySyntaxError(
                expression: text, column: column, message: "`\(field)` is not a field name: write dotted names such as `specs.embedding_dim`")
        }
        if let fields, fields.kind(of: field) == nil {
            var message = "unknown field `\(field)`"
            let suggestions = fields.suggestions(for: field)
            if !suggestions.isEmpty {
                message += "; did you mean " + suggestions.map { "`\($0)`" }.joined(separator: " or ") + "?"
            }
            throw QuerySyntaxError(expression: text, column: column, message: message)
        }
        return EntryOrder(field: field, descending: descending)
    }

    /// `entries` in this order; stable for equal values (then by id).
    public func sorted(_ entries: [ModelEntry]) -> [ModelEntry] {
        let keyed = entries.map { (entry: $0, value: FieldValue.lookup(field, in: $0.raw)) }
        return keyed.sorted { a, b in
            switch (a.value, b.value) {
            case (nil, nil): break
            case (nil, _): return false
            case (_, nil): return true
            case let (x?, y?):
                let order = FieldValue.order(x, y)
                if order != 0 { return descending ? order > 0 : order < 0 }
            }
            return (a.entry.id, a.entry.path) < (b.entry.id, b.entry.path)
        }.map(\.entry)
    }
}
