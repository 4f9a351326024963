/// What `modelreg export` can derive from the registry.
public enum ExportFormat: String, Sendable, CaseIterable {
    /// One JSON index with every entry and the derived maps (see `JSONIndex`).
    case json
    /// `MODELS.md`, a catalog for people (see `MarkdownCatalog`).
    case markdown
    /// Swift source with a constant per model and lookups (see `SwiftSource`).
    case swift

    /// The derived file's text for `registry`; `swift` options apply to `.swift` only.
    public func render(_ registry: Registry, swift: SwiftSource.Options = SwiftSource.Options()) -> String {
        switch self {
        case .json: return JSONIndex.render(registry)
        case .markdown: return MarkdownCatalog.render(registry)
        case .swift: return SwiftSource.render(registry, options: swift)
        }
    }
}
