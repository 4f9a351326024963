import JSONSchema
import YAML

/// One parsed model file: its YAML tree (with locations) and the same data as a JSON value.
public struct ModelDocument: Sendable {
    /// The path as it is shown in diagnostics.
    public let path: String
    /// The top-level mapping.
    public let root: YAMLNode
    /// The data, resolved the YAML 1.2 core way.
    public let value: JSONValue

    public init(path: String, root: YAMLNode) {
        self.path = path
        self.root = root
        self.value = YAMLToJSON.convert(root)
    }

    /// The model's `id`, when it is a string.
    public var id: String? { value.member("id")?.asString }

    /// The file's base name without `.yaml` or `.yml`.
    public var fileStem: String { RegistryLocator.fileStem(path) }

    /// The node at a path of keys and indices, or nil when the path does not exist.
    public func node(at path: [JSONPathComponent]) -> YAMLNode? {
        var current = root
        for component in path {
            guard let next = current.child(component) else { return nil }
            current = next
        }
        return current
    }

    /// The node at a dotted path such as `specs.embedding_dim`.
    public func node(at dottedPath: String) -> YAMLNode? {
        node(at: dottedPath.split(separator: ".").map { .key(String($0)) })
    }

    /// The key node of the last component of `path` (for "unknown property" and similar findings).
    public func keyNode(at path: [JSONPathComponent]) -> YAMLNode? {
        guard case .key(let key)? = path.last, let parent = node(at: Array(path.dropLast())),
            case .mapping(let pairs) = parent.content
        else { return nil }
        return pairs.first { $0.key.scalarText == key }?.key
    }

    /// The best location for a path: the node itself, else its nearest existing ancestor.
    public func location(of path: [JSONPathComponent], atKey: Bool = false) -> SourceLocation {
        if atKey, let key = keyNode(at: path) { return key.start }
        var prefix = path
        while true {
            if let node = node(at: prefix) { return node.start }
            if prefix.isEmpty { return root.start }
            prefix.removeLast()
        }
    }

    /// The location of the value at a dotted path, else of the nearest existing ancestor.
    public func location(of dottedPath: String) -> SourceLocation {
        location(of: dottedPath.split(separator: ".").map { .key(String($0)) })
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

extension YAMLNode {
    /// The scalar's text, or nil for a collection.
    public var scalarText: String? {
        if case .scalar(let scalar) = content { return scalar.text }
        return nil
    }

    /// The child at one path component.
    public func child(_ component: JSONPathComponent) -> YAMLNode? {
        switch (component, content) {
        case (.key(let key), .mapping(let pairs)):
            return pairs.first { $0.key.scalarText == key }?.value
        case (.index(let index), .sequence(let items)):
            return items.indices.contains(index) ? items[index] : nil
        default:
            return nil
        }
    }
}
