/// A parsed YAML document as one flat table: every node in document order (a collection before its
/// children, a mapping's key right before its value), each with its kind, where it starts and ends,
/// and how many table rows its subtree takes.
///
/// This is what the reader builds; the `YAMLNode` tree is made from it on demand (`tree(at:)`). A
/// table costs one array for the nodes and one for the scalars' texts, and its positions hold no
/// reference to the file's name, so a reader that only wants the data walks it once and keeps the
/// table to locate what it finds later.
public struct YAMLOutline: Sendable {
    public enum Kind: UInt8, Sendable {
        case scalar, sequence, mapping
    }

    /// One node of the document.
    public struct Node: Sendable {
        public var kind: Kind
        /// How a scalar is written; `.plain` for a collection.
        public var style: ScalarStyle
        /// A scalar's explicit core tag.
        @usableFromInline var tag: CoreTag?
        /// Where the node starts and ends (see `YAMLNode.start` and `YAMLNode.end`).
        public var start: SourcePosition
        public var end: SourcePosition
        /// A sequence's items, or a mapping's keys and values (two per pair); 0 for a scalar.
        public var childCount: Int32
        /// Rows taken by this node and everything inside it (1 for a scalar): the next sibling's row is
        /// this row plus `size`.
        public var size: Int32
        /// A scalar's row in `texts`.
        @usableFromInline var text: Int32
    }

    /// The row of the document's root node.
    public static let root = 0

    /// The file's name, as locations carry it.
    public let path: String
    /// Every node, in document order; never empty.
    public let nodes: [Node]
    /// The scalars' texts (after unescaping and folding), in document order.
    @usableFromInline let texts: [String]

    init(path: String, nodes: [Node], texts: [String]) {
        self.path = path
        self.nodes = nodes
        self.texts = texts
    }

    // MARK: Navigation

    /// The rows of the direct children of the node at `row`: a sequence's items, or a mapping's key,
    /// value, key, value, ….
    public func children(of row: Int) -> Children {
        Children(nodes: nodes, upcoming: row + 1, remaining: Int(nodes[row].childCount))
    }

    public struct Children: Sequence, IteratorProtocol {
        let nodes: [Node]
        var upcoming: Int
        var remaining: Int

        public mutating func next() -> Int? {
            guard remaining > 0 else { return nil }
            remaining -= 1
            let row = upcoming
            upcoming += Int(nodes[row].size)
            return row
        }
    }

    /// The row of the key `key` in the mapping at `row` (its value is the next row), or nil when the
    /// node is not a mapping or has no such key.
    public func keyRow(_ key: String, inMapping row: Int) -> Int? {
        guard nodes[row].kind == .mapping else { return nil }
        var isKey = true
        for child in children(of: row) {
            defer { isKey.toggle() }
            if isKey, nodes[child].kind == .scalar, texts[Int(nodes[child].text)] == key { return child }
        }
        return nil
    }

    /// The row of the value of `key` in the mapping at `row`.
    public func valueRow(_ key: String, inMapping row: Int) -> Int? {
        keyRow(key, inMapping: row).map { $0 + 1 }
    }

    /// The row of item `index` of the sequence at `row`.
    public func itemRow(_ index: Int, inSequence row: Int) -> Int? {
        guard nodes[row].kind == .sequence, index >= 0, index < nodes[row].childCount else { return nil }
        var child = row + 1
        for _ in 0..<index { child += Int(nodes[child].size) }
        return child
    }

    // MARK: Values

    /// A scalar's text, or nil for a collection.
    public func text(at row: Int) -> String? {
        nodes[row].kind == .scalar ? texts[Int(nodes[row].text)] : nil
    }

    /// A scalar as written, or nil for a collection.
    public func scalar(at row: Int) -> YAMLScalar? {
        let node = nodes[row]
        guard node.kind == .scalar else { return nil }
        return YAMLScalar(text: texts[Int(node.text)], style: node.style, tag: node.tag?.longForm)
    }

    /// A scalar's value the YAML 1.2 core way (as `YAMLScalar.resolved`), or nil for a collection.
    public func resolved(at row: Int) -> ResolvedScalar? {
        let node = nodes[row]
        guard node.kind == .scalar else { return nil }
        return ScalarResolver.resolve(texts[Int(node.text)], style: node.style, tag: node.tag)
    }

    // MARK: Values

    /// The whole document as a value of the reader's choosing, in one pass over the rows: scalars resolved the
    /// YAML 1.2 core way, mappings with their keys' texts in source order (distinct: the reader refuses
    /// duplicates). Inlinable, so that it is specialized for the value type where it is used.
    @inlinable
    public func value<Value: OutlineValue>(as type: Value.Type = Value.self) -> Value {
        nodes.withUnsafeBufferPointer { nodes in
            texts.withUnsafeBufferPointer { texts in
                var row = Self.root
                return Self.value(nodes, texts, &row)
            }
        }
    }

    /// The value of the node at `row`; moves `row` past the node and everything inside it.
    @inlinable
    static func value<Value: OutlineValue>(
        _ nodes: UnsafeBufferPointer<Node>, _ texts: UnsafeBufferPointer<String>, _ row: inout Int
    ) -> Value {
        let node = nodes[row]
        row += 1
        switch node.kind {
        case .scalar:
            return Value(resolving: ScalarResolver.resolve(texts[Int(node.text)], style: node.style, tag: node.tag))
        case .sequence:
            var items: [Value] = []
            items.reserveCapacity(Int(node.childCount))
            for _ in 0..<node.childCount { items.append(value(nodes, texts, &row)) }
            return Value(items: items)
        case .mapping:
            let pairs = Int(node.childCount) / 2
            var keys: [String] = []
            var values: [Value] = []
            keys.reserveCapacity(pairs)
            values.reserveCapacity(pairs)
            for _ in 0..<pairs {
                // A key is a scalar: one row.
                keys.append(texts[Int(nodes[row].text)])
                row += 1
                values.append(value(nodes, texts, &row))
            }
            return Value(keys: keys, values: values)
        }
    }

    /// Where the node at `row` starts, as a location in this file.
    public func location(of row: Int) -> SourceLocation {
        nodes[row].start.located(in: path)
    }

    // MARK: Tree

    /// The node at `row` and everything inside it as a `YAMLNode` tree.
    public func tree(at row: Int = root) -> YAMLNode {
        let node = nodes[row]
        let content: YAMLNode.Content
        switch node.kind {
        case .scalar:
            content = .scalar(scalar(at: row)!)
        case .sequence:
            var items: [YAMLNode] = []
            items.reserveCapacity(Int(node.childCount))
            for child in children(of: row) { items.append(tree(at: child)) }
            content = .sequence(items)
        case .mapping:
            var pairs: [(key: YAMLNode, value: YAMLNode)] = []
            pairs.reserveCapacity(Int(node.childCount) / 2)
            var key = row + 1
            for _ in 0..<Int(node.childCount) / 2 {
                pairs.append((tree(at: key), tree(at: key + 1)))
                key += 1 + Int(nodes[key + 1].size)
            }
            content = .mapping(pairs)
        }
        return YAMLNode(content: content, start: node.start.located(in: path), end: node.end.located(in: path))
    }
}

/// A value that a `YAMLOutline` can be turned into (see `YAMLOutline.value(as:)`).
public protocol OutlineValue {
    /// A scalar, resolved.
    init(resolving scalar: ResolvedScalar)
    /// A sequence's items.
    init(items: [Self])
    /// A mapping's keys (distinct, in source order) and their values.
    init(keys: [String], values: [Self])
}
