import JSONSchema
import YAML

/// One parsed model file: its YAML outline (nodes with locations) and the same data as a JSON value.
public struct ModelDocument: Sendable {
    /// The path as it is shown in diagnostics.
    public let path: String
    /// The file's nodes, where they are written.
    public let outline: YAMLOutline
    /// The data, resolved the YAML 1.2 core way.
    public let value: JSONValue

    public init(path: String, outline: YAMLOutline) {
        self.path = path
        self.outline = outline
        self.value = outline.value(as: JSONValue.self)
    }

    /// The model's `id`, when it is a string.
    public var id: String? { value.member("id")?.asString }

    /// The file's base name without `.yaml` or `.yml`.
    public var fileStem: String { RegistryLocator.fileStem(path) }

    /// The outline row of the node at a path of keys and indices, or nil when the path does not exist.
    public func row(at path: [JSONPathComponent]) -> Int? {
        let reached = deepestRow(along: path)
        return reached.complete ? reached.row : nil
    }

    /// The row of the deepest node that exists along `path`, and whether it is the node at the whole path.
    private func deepestRow(along path: [JSONPathComponent]) -> (row: Int, complete: Bool) {
        var row = YAMLOutline.root
        for component in path {
            guard let next = outline.row(component, in: row) else { return (row, false) }
            row = next
        }
        return (row, true)
    }

    /// The best location for a path: the node itself (or, `atKey`, its key, for "unknown property" and similar
    /// findings), else its nearest existing ancestor.
    public func location(of path: [JSONPathComponent], atKey: Bool = false) -> SourceLocation {
        if atKey, case .key(let key)? = path.last, let parent = row(at: Array(path.dropLast())),
            let keyRow = outline.keyRow(key, inMapping: parent)
        {
            return outline.location(of: keyRow)
        }
        return outline.location(of: deepestRow(along: path).row)
    }

    /// The location of the value at a dotted path, else of the nearest existing ancestor.
    public func location(of dottedPath: String) -> SourceLocation {
        location(of: Self.components(dottedPath))
    }

    private static func components(_ dottedPath: String) -> [JSONPathComponent] {
        dottedPath.split(separator: ".").map { .key(String($0)) }
    }

    /// A finding of `rule` at `location`.
    public func finding<R: Rule>(
        _ rule: R.Type, at location: SourceLocation, _ message: String, notes: [FindingNote] = []
    ) -> Finding {
        Finding(
            severity: R.description.severity, location: location, ruleID: R.description.id, message: message,
            notes: notes)
    }
}

extension YAMLOutline {
    /// The row of the child at one path component of the node at `row`.
    public func row(_ component: JSONPathComponent, in row: Int) -> Int? {
        switch component {
        case .key(let key): valueRow(key, inMapping: row)
        case .index(let index): itemRow(index, inSequence: row)
        }
    }
}
