import YAML

/// Edits a YAML file in place, the way a careful person would: only the bytes of the changed
/// values change; comments, key order, quoting, blank lines and line breaks (LF or CR LF) stay.
///
/// A path is a list of mapping keys (`["specs", "embedding_dim"]`); a component that is a
/// decimal number also selects an item of a list (`["artifacts", "files", "0", "size"]`).
/// Every edit is checked by parsing the result and reading the edited value back; an edit that
/// would not give the intended value is refused with an `EditError` and changes nothing.
///
/// Where new text goes:
/// - A replaced value keeps its place and the comment after it. A scalar keeps its quoting when
///   the new value allows it; a flow collection stays flow; a block collection stays block with
///   the same indentation and dash style. A new non-empty list or mapping that replaces a scalar
///   is written in block style; an empty one is `[]` or `{}`.
/// - A missing key is added at the end of its mapping: on the line after the one where the
///   mapping's last value ends, so blank lines and comments that follow (which introduce the next
///   section) stay below it. It is indented like its siblings. A new top-level key is preceded
///   by a blank line when the last top-level key is (after its leading comments). Missing
///   mappings on the way are created; indentation steps are detected from the file (default 2).
/// - A removed key takes with it the lines from its key to the end of its value, including a
///   comment on those lines; comments and blank lines around it stay, except that of a blank line
///   above and one below (or the end of the file) the one above goes too. A list item likewise.
/// - Strings are written plain when that reads back as the same string (also for YAML 1.1 readers:
///   `yes`, `2024-01` are quoted), otherwise double-quoted; numbers in their shortest form.
public struct YAMLEditor: Sendable {
    /// The path used in locations and messages.
    public let path: String
    /// The file's current bytes.
    public private(set) var bytes: [UInt8]
    /// The current bytes, parsed; nil when the file holds no document (empty, or only comments).
    public private(set) var root: YAMLNode?

    public init(bytes: [UInt8], path: String) throws(YAMLError) {
        self.path = path
        self.bytes = bytes
        root = try YAMLReader.parse(bytes, path: path)
    }

    public init(text: String, path: String = "<string>") throws(YAMLError) {
        try self.init(bytes: Array(text.utf8), path: path)
    }

    /// The current bytes as text.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// The node at `path`, or nil when there is none.
    public func node(at path: [String]) -> YAMLNode? {
        let chain = walk(path)
        return chain.count == path.count + 1 ? chain.last?.node : nil
    }

    /// The value at `path`, or nil when there is none.
    public func value(at path: [String]) -> EditValue? {
        node(at: path).map(EditValue.init)
    }

    // MARK: Edits

    /// Sets the value at `path`, replacing the old value or adding the key (and any missing
    /// mappings on the way). Setting a value equal to the current one changes nothing.
    public mutating func set(_ path: [String], to value: EditValue) throws(EditError) {
        guard !path.isEmpty else { throw EditError("an empty path names the whole document, which cannot be set") }
        let chain = walk(path)
        if chain.count == path.count + 1 {
            let target = chain[chain.count - 1]
            if EditValue(target.node) == value { return }
            try commit(replacement(of: target, with: value), action: "setting `\(dotted(path))`") {
                $0.value(at: path) == value
            }
            return
        }
        let depth = max(chain.count - 1, 0)
        let nested = path[(depth + 1)...].reversed().reduce(value) { inner, key in .mapping([(key, inner)]) }
        let edits = try insertion(of: path[depth], value: nested, into: chain.last, path: Array(path[..<depth]))
        try commit(edits, action: "adding `\(dotted(path))`") { $0.value(at: path) == value }
    }

    /// Removes the key or list item at `path` with its whole value. When that empties the
    /// enclosing mapping or list, it is left as `{}` or `[]`, or removed as well (and so on
    /// upwards) with `pruningEmptyParents`. Throws when nothing is at `path`.
    public mutating func remove(_ path: [String], pruningEmptyParents: Bool = false) throws(EditError) {
        var work = self
        try work.removeOne(path, pruning: pruningEmptyParents)
        self = work
    }

    /// Appends `item` to the list at `path`: in a block list on a new line after the last item
    /// (and its comment), in a flow list after the last item. Creates the list (and any missing
    /// mappings on the way) when there is none or the value is null.
    public mutating func append(_ path: [String], _ item: EditValue) throws(EditError) {
        let chain = walk(path)
        guard chain.count == path.count + 1, let target = chain.last, !isNull(target.node) else {
            try set(path, to: .list([item]))
            return
        }
        guard case .sequence(let items) = target.node.content else {
            throw EditError(
                "`\(dotted(path))` is \(describe(target.node)), not a list, so nothing can be appended to it",
                at: target.node.start)
        }
        let source = Source(bytes)
        let expected = EditValue.list(items.map(EditValue.init) + [item])
        let edit: Edit
        if let opening = source.flowOpening(target.node) {
            let text = Emitter.flowText(item, preferring: .plain, inFlow: true)
            if let last = items.last {
                edit = Edit(at: last.end.offset, insert: ", " + text)
            } else {
                edit = Edit(at: opening + 1, insert: text)
            }
        } else {
            guard let firstDash = source.dash(of: target.node, item: 0) else {
                throw unsupportedLayout(at: target.node.start)
            }
            // The new item copies the first one's dash: its column and the spaces after it.
            let layout = layout(source)
            let dashIndent = source.column(firstDash)
            let spacing =
                source.lineStart(items[0].start.offset) == source.lineStart(firstDash)
                ? max(source.column(items[0].start.offset) - dashIndent - 1, 1) : layout.dashSpacing
            let lines = Emitter.blockLines(forItems: [item], dashIndent: dashIndent, spacing: spacing, layout: layout)
            edit = Edit(
                at: source.lastLineEnd(of: items[items.count - 1]),
                insert: source.newline + lines.joined(separator: source.newline))
        }
        try commit([edit], action: "appending to `\(dotted(path))`") { $0.value(at: path) == expected }
    }

    /// Removes the items of the list at `path` for which `predicate` is true and returns how many
    /// went. When the list ends up empty it is left as `[]`, or its key is removed with
    /// `removingKeyWhenEmpty`. A missing or null list has nothing to remove (0).
    @discardableResult
    public mutating func removeItems(
        _ path: [String], removingKeyWhenEmpty: Bool = false, where predicate: (EditValue) -> Bool
    ) throws(EditError) -> Int {
        var work = self
        var removed = 0
        while true {
            let chain = work.walk(path)
            guard chain.count == path.count + 1, let target = chain.last, !isNull(target.node) else { break }
            guard case .sequence(let items) = target.node.content else {
                throw EditError(
                    "`\(dotted(path))` is \(describe(target.node)), not a list", at: target.node.start)
            }
            guard let index = items.firstIndex(where: { predicate(EditValue($0)) }) else { break }
            if items.count == 1 && removingKeyWhenEmpty {
                try work.removeOne(path, pruning: false)
            } else {
                try work.removeOne(path + [String(index)], pruning: false)
            }
            removed += 1
        }
        self = work
        return removed
    }

    // MARK: Paths

    /// A node and the place it occupies.
    struct Located {
        var node: YAMLNode
        var slot: Slot
    }

    enum Slot {
        case root
        /// The value of pair `pair` of `mapping`.
        case value(of: YAMLNode, pair: Int)
        /// Item `index` of `sequence`.
        case item(of: YAMLNode, index: Int)
    }

    /// The nodes along `path`, the root first, as far as they exist (empty without a document).
    func walk(_ path: [String]) -> [Located] {
        guard let root else { return [] }
        var chain = [Located(node: root, slot: .root)]
        for component in path {
            let current = chain[chain.count - 1].node
            switch current.content {
            case .mapping(let pairs):
                guard let index = pairs.firstIndex(where: { keyText($0.key) == component }) else { return chain }
                chain.append(Located(node: pairs[index].value, slot: .value(of: current, pair: index)))
            case .sequence(let items):
                guard let index = Int(component), items.indices.contains(index) else { return chain }
                chain.append(Located(node: items[index], slot: .item(of: current, index: index)))
            case .scalar:
                return chain
            }
        }
        return chain
    }

    // MARK: Applying edits

    /// Bytes to put in place of a range of the current bytes.
    struct Edit {
        var range: Range<Int>
        var replacement: String

        init(_ range: Range<Int>, _ replacement: String) {
            self.range = range
            self.replacement = replacement
        }

        init(at offset: Int, insert text: String) {
            self.init(offset..<offset, text)
        }
    }

    /// Applies non-overlapping edits, re-parses, and keeps the result only when it parses and
    /// `check` accepts it.
    mutating func commit(_ edits: [Edit], action: String, check: (YAMLEditor) -> Bool) throws(EditError) {
        var updated = bytes
        var previousStart = Int.max
        // Back to front, so that each edit's offsets still hold; an insertion goes after a
        // removal that starts at the same offset.
        let ordered = edits.sorted {
            ($0.range.lowerBound, $0.range.upperBound) > ($1.range.lowerBound, $1.range.upperBound)
        }
        for edit in ordered {
            guard edit.range.upperBound <= previousStart else {
                throw EditError("\(action) needs overlapping changes (an editor bug); the file was left as it was")
            }
            updated.replaceSubrange(edit.range, with: Array(edit.replacement.utf8))
            previousStart = edit.range.lowerBound
        }
        var candidate = self
        candidate.bytes = updated
        do {
            candidate.root = try YAMLReader.parse(updated, path: path)
        } catch {
            throw EditError(
                "\(action) would make the file unreadable (\(error.message)); the file was left as it was",
                at: root?.start)
        }
        guard check(candidate) else {
            throw EditError(
                "\(action) did not give the intended result (an editor bug); the file was left as it was",
                at: root?.start)
        }
        self = candidate
    }

    // MARK: Helpers

    func dotted(_ path: some Collection<String>) -> String {
        path.isEmpty ? "(document)" : path.joined(separator: ".")
    }

    func keyText(_ key: YAMLNode) -> String? {
        guard case .scalar(let scalar) = key.content else { return nil }
        return scalar.text
    }

    func isNull(_ node: YAMLNode) -> Bool {
        guard case .scalar(let scalar) = node.content else { return false }
        return scalar.resolved == .null
    }

    /// "a string", "a number", "a mapping", … for messages.
    func describe(_ node: YAMLNode) -> String {
        switch node.content {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar(let scalar):
            switch scalar.resolved {
            case .null: return "null"
            case .bool: return "a boolean"
            case .int, .float: return "a number"
            case .string: return "a string"
            }
        }
    }

    func unsupportedLayout(at location: SourceLocation) -> EditError {
        EditError(
            "this part of the file is laid out in a way the editor does not handle; edit it by hand", at: location)
    }

    /// The indentation habits of the file: the first nested block mapping, block sequence and
    /// dash found decide; 2, 2 and 1 otherwise.
    func layout(_ source: Source) -> Layout {
        var layout = Layout()
        var step: Int?
        var offset: Int?
        var spacing: Int?
        func visit(_ node: YAMLNode) {
            if step != nil && offset != nil && spacing != nil { return }
            switch node.content {
            case .scalar:
                return
            case .mapping(let pairs):
                let isBlock = !source.isFlow(node)
                for pair in pairs {
                    let value = pair.value
                    if isBlock, !source.isFlow(value), value.start.line > pair.key.start.line {
                        let keyColumn = source.column(pair.key.start.offset)
                        if step == nil, case .mapping(let entries) = value.content, let first = entries.first {
                            let found = source.column(first.key.start.offset) - keyColumn
                            if found > 0 { step = found }
                        }
                        if offset == nil, case .sequence = value.content, let dash = source.dash(of: value, item: 0) {
                            let found = source.column(dash) - keyColumn
                            if found >= 0 { offset = found }
                        }
                    }
                    visit(value)
                }
            case .sequence(let items):
                if spacing == nil, !source.isFlow(node), let first = items.first,
                    let dash = source.dash(of: node, item: 0),
                    source.lineStart(dash) == source.lineStart(first.start.offset)
                {
                    spacing = max(source.column(first.start.offset) - source.column(dash) - 1, 1)
                }
                for item in items { visit(item) }
            }
        }
        if let root { visit(root) }
        layout.mappingStep = step ?? layout.mappingStep
        layout.sequenceOffset = offset ?? layout.sequenceOffset
        layout.dashSpacing = spacing ?? layout.dashSpacing
        return layout
    }
}
