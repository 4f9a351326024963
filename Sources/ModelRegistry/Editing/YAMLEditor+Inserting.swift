import YAML

extension YAMLEditor {
    /// The edits that add `key: value` to the mapping `parent` (at `parentPath`), or to the
    /// document when there is none.
    ///
    /// - Block mapping: a new line right after the line on which the last value ends, indented
    ///   like the first key. At the top level, a blank line goes before it when the last
    ///   top-level key (with the comments just above it) has a blank line before it.
    /// - Flow mapping: `, key: value` after the last value, or `key: value` inside `{}`.
    /// - Null (`key:`, `key: ~`): the null becomes a mapping holding the new key.
    /// - No document (an empty file, or only comments): the key is appended at the end.
    func insertion(
        of key: String, value: EditValue, into parent: Located?, path parentPath: [String]
    )
        throws(EditError) -> [Edit]
    {
        let source = Source(bytes)
        let newline = source.newline
        guard let parent else {
            var text = Emitter.blockLines(for: [(key, value)], indent: 0, layout: layout(source))
                .joined(separator: newline)
            if bytes.count <= source.bom || source.isBreak(bytes.count - 1) {
                text += newline
            } else {
                text = newline + text
            }
            return [Edit(at: bytes.count, insert: text)]
        }
        let node = parent.node
        switch node.content {
        case .mapping(let pairs):
            if let opening = source.flowOpening(node) {
                let entry =
                    Emitter.keyText(key, inFlow: true) + ": "
                    + Emitter.flowText(value, preferring: .plain, inFlow: true)
                guard let last = pairs.last else { return [Edit(at: opening + 1, insert: entry)] }
                return [Edit(at: last.value.end.offset, insert: ", " + entry)]
            }
            guard let first = pairs.first, let last = pairs.last else { throw unsupportedLayout(at: node.start) }
            let indent = source.column(first.key.start.offset)
            let lines = Emitter.blockLines(for: [(key, value)], indent: indent, layout: layout(source))
            var text = newline + lines.joined(separator: newline)
            if case .root = parent.slot, hasBlankLineAbove(last.key, in: source) { text = newline + text }
            return [Edit(at: source.lastLineEnd(of: last.value), insert: text)]
        case .sequence(let items):
            throw EditError(
                "`\(dotted(parentPath))` is a list and `\(key)` is not the index of one of its \(items.count) items; "
                    + "use append to add an item",
                at: node.start)
        case .scalar:
            if isNull(node), !isRoot(parent) {
                return try replacement(of: parent, with: .mapping([(key, value)]))
            }
            throw EditError(
                "`\(dotted(parentPath))` is \(describe(node)), not a mapping, so it cannot hold `\(key)`",
                at: node.start)
        }
    }

    /// True when a blank line precedes the key's line, or the comment lines right above it.
    func hasBlankLineAbove(_ key: YAMLNode, in source: Source) -> Bool {
        var line = source.lineStart(key.start.offset)
        while line > source.bom {
            let previous = source.lineStart(source.previousLineEnd(beforeLineStart: line))
            if source.isBlankLine(startingAt: previous) { return true }
            if !source.isCommentLine(startingAt: previous) { return false }
            line = previous
        }
        return false
    }

    func isRoot(_ located: Located) -> Bool {
        if case .root = located.slot { return true }
        return false
    }
}
