import YAML

extension YAMLEditor {
    /// Removes the key or item at `path` (see `remove(_:pruningEmptyParents:)`).
    ///
    /// - Block mapping key or block sequence item: the lines from the key (or dash) to the end of
    ///   the line on which the value ends, line break included. When a blank line is above them
    ///   and a blank line or the end of the file below, the blank line above goes too, so that
    ///   removing a section does not leave two blank lines (or one at the end). When the lines
    ///   end the file without a line break, the line break before them goes instead, so the file
    ///   still ends the way it did. A first key or item that shares its line with a dash (`- a: 1`) is cut
    ///   up to the next key or item instead.
    /// - Flow collection entry: the entry and the separator after it (or before it, for the last).
    /// - The last entry of a nested mapping or list: the collection becomes `{}` or `[]`, or with
    ///   `pruning` its own key or item is removed in turn.
    mutating func removeOne(_ path: [String], pruning: Bool) throws(EditError) {
        guard !path.isEmpty else { throw EditError("an empty path names the whole document, which cannot be removed") }
        let chain = walk(path)
        guard chain.count == path.count + 1 else {
            throw EditError("there is no `\(dotted(path))` to remove", at: chain.last?.node.start)
        }
        let target = chain[chain.count - 1]
        let parent = chain[chain.count - 2]
        let parentPath = Array(path.dropLast())
        let source = Source(bytes)
        let isFlow = source.isFlow(parent.node)

        // Entries of the parent: where each starts (key or item), where its value ends, and its value.
        var entries: [(start: Int, end: Int, value: YAMLNode)] = []
        let index: Int
        switch target.slot {
        case .root:
            throw EditError("the document itself cannot be removed", at: target.node.start)
        case .value(let mapping, let pair):
            guard case .mapping(let pairs) = mapping.content else { throw unsupportedLayout(at: mapping.start) }
            entries = pairs.map { ($0.key.start.offset, $0.value.end.offset, $0.value) }
            index = pair
        case .item(let sequence, let item):
            guard case .sequence(let items) = sequence.content else { throw unsupportedLayout(at: sequence.start) }
            for position in items.indices {
                var start = items[position].start.offset
                if !isFlow {
                    guard let dash = source.dash(of: sequence, item: position) else {
                        throw unsupportedLayout(at: items[position].start)
                    }
                    start = dash
                }
                entries.append((start, items[position].end.offset, items[position]))
            }
            index = item
        }

        // The parent's value once the entry is gone, to check the result against.
        let expected: EditValue
        switch EditValue(parent.node) {
        case .mapping(var pairs):
            pairs.remove(at: index)
            expected = .mapping(pairs)
        case .list(var items):
            items.remove(at: index)
            expected = .list(items)
        default:
            throw unsupportedLayout(at: parent.node.start)
        }

        if entries.count == 1 && !isRoot(parent) {
            if pruning {
                try removeOne(parentPath, pruning: true)
                return
            }
            if !isFlow {
                let empty: EditValue = if case .mapping = expected { .mapping([]) } else { .list([]) }
                try commit(
                    replacement(of: parent, with: empty), action: "removing `\(dotted(path))`"
                ) { $0.value(at: parentPath) == expected }
                return
            }
        }

        let edit: Edit
        if isFlow {
            if entries.count == 1 {
                edit = Edit(entries[0].start..<entries[0].end, "")
            } else if index + 1 < entries.count {
                edit = Edit(entries[index].start..<entries[index + 1].start, "")
            } else {
                edit = Edit(entries[index - 1].end..<entries[index].end, "")
            }
        } else if source.onlySpacesBefore(entries[index].start) {
            var start = source.lineStart(entries[index].start)
            let lineEnd = source.lastLineEnd(of: entries[index].value)
            let next = source.nextLineStart(afterLineEnd: lineEnd)
            // Between two blank lines (or a blank line and the end), one blank line goes too.
            if start > source.bom, next == source.count || source.isBlankLine(startingAt: next) {
                let above = source.lineStart(source.previousLineEnd(beforeLineStart: start))
                if source.isBlankLine(startingAt: above) { start = above }
            }
            if next == lineEnd && start > source.bom {
                edit = Edit(source.previousLineEnd(beforeLineStart: start)..<next, "")
            } else {
                edit = Edit(start..<next, "")
            }
        } else if index + 1 < entries.count {
            edit = Edit(entries[index].start..<entries[index + 1].start, "")
        } else {
            throw unsupportedLayout(at: target.node.start)
        }
        try commit([edit], action: "removing `\(dotted(path))`") { editor in
            if parentPath.isEmpty && editor.root == nil { return expected == .mapping([]) }
            return editor.value(at: parentPath) == expected
        }
    }
}
