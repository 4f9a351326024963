import YAML

extension YAMLEditor {
    /// How a new value will be written.
    enum NewForm {
        /// On the line of its key or dash.
        case inline(String)
        /// A literal or folded block scalar: the header goes after the key, the lines below it.
        case blockScalar(header: String, lines: [String])
        /// A block collection's lines, fully indented. `compact`: the first line goes right after
        /// a sequence item's dash (`- key: value`), the others below it.
        case block(lines: [String], compact: Bool)
    }

    /// The edits that put `value` in place of the node `target`.
    ///
    /// The old value occupies one of three kinds of text: inline (a scalar or flow collection
    /// starting on its key's or dash's line, or a block collection starting there: `- a: 1`),
    /// a block scalar (header on that line, content below), or a block collection on the lines
    /// below. The new text replaces exactly that; a comment after an inline value stays.
    func replacement(of target: Located, with value: EditValue) throws(EditError) -> [Edit] {
        let source = Source(bytes)
        let old = target.node
        let anchor: Int  // just past the key's `:` or the item's `-`
        let isItem: Bool
        let contextIndent: Int  // the key's column, or the dash's
        switch target.slot {
        case .root:
            throw EditError("the document itself cannot be replaced; set its keys instead", at: old.start)
        case .value(let mapping, let pair):
            if source.isFlow(mapping) { return [flowReplacement(of: old, with: value, source: source)] }
            guard case .mapping(let pairs) = mapping.content, let colon = source.colonEnd(after: pairs[pair].key) else {
                throw unsupportedLayout(at: old.start)
            }
            anchor = colon
            isItem = false
            contextIndent = source.column(pairs[pair].key.start.offset)
        case .item(let sequence, let index):
            if source.isFlow(sequence) { return [flowReplacement(of: old, with: value, source: source)] }
            guard let dash = source.dash(of: sequence, item: index) else { throw unsupportedLayout(at: old.start) }
            anchor = dash + 1
            isItem = true
            contextIndent = source.column(dash)
        }
        let layout = layout(source)

        // The old value.
        var oldStyle = ScalarStyle.plain
        if case .scalar(let scalar) = old.content { oldStyle = scalar.style }
        let isBlockScalar = oldStyle == .literal || oldStyle == .folded
        let isFlow = source.isFlow(old)
        var firstEntry: Int?
        switch old.content {
        case .mapping(let pairs) where !isFlow: firstEntry = pairs.first?.key.start.offset
        case .sequence where !isFlow: firstEntry = source.dash(of: old, item: 0)
        default: break
        }
        var isBlockSequence = false
        if firstEntry != nil, case .sequence = old.content { isBlockSequence = true }
        if case .scalar = old.content {
            // Scalars have no entries.
        } else if !isFlow && firstEntry == nil {
            throw unsupportedLayout(at: old.start)
        }
        // A block collection that starts on the dash's line: `- a: 1`, `- - x`.
        let isCompactCollection = firstEntry.map { !source.onlySpacesBefore($0) } ?? false

        // Where new nested text goes.
        let sameLine = source.lineStart(old.start.offset) == source.lineStart(anchor - 1)
        let itemColumn = sameLine && isItem ? source.column(old.start.offset) : contextIndent + 1 + layout.dashSpacing
        // A new block collection takes the old one's indentation (a mapping only when that is
        // deeper than its key: a list may sit at its key's column, a mapping may not).
        let oldColumn = firstEntry.map { source.column($0) }
        let childIndent =
            if let oldColumn, oldColumn > contextIndent { oldColumn } else if isItem { itemColumn } else {
                contextIndent + layout.mappingStep
            }
        let dashIndent =
            if let oldColumn { oldColumn } else if isItem { itemColumn } else { contextIndent + layout.sequenceOffset }
        var spacing = layout.dashSpacing
        if isBlockSequence, case .sequence(let items) = old.content, let first = items.first,
            source.lineStart(first.start.offset) == source.lineStart(firstEntry!)
        {
            spacing = max(source.column(first.start.offset) - source.column(firstEntry!) - 1, 1)
        }
        let compact = isItem && (firstEntry == nil || isCompactCollection)

        // The new value.
        let form: NewForm
        switch value {
        case .list(let items) where !items.isEmpty && !isFlow && (!isItem || isBlockSequence):
            form = .block(
                lines: Emitter.blockLines(forItems: items, dashIndent: dashIndent, spacing: spacing, layout: layout),
                compact: compact)
        case .mapping(let pairs) where !pairs.isEmpty && !isFlow:
            form = .block(lines: Emitter.blockLines(for: pairs, indent: childIndent, layout: layout), compact: compact)
        case .string(let text) where isBlockScalar:
            let indent =
                source.blockScalarIndent(old) ?? (isItem ? itemColumn : contextIndent + layout.mappingStep)
            if let block = Emitter.blockScalar(text, folded: oldStyle == .folded, indent: indent)
                ?? Emitter.blockScalar(text, folded: false, indent: indent)
            {
                // Kept or clipped final line break: the last line needs one even at the end of the file.
                let endsFile = source.lastLineEnd(of: old) == source.count && !block.header.hasSuffix("-")
                form = .blockScalar(header: block.header, lines: block.lines + (endsFile ? [""] : []))
            } else {
                form = .inline(Emitter.scalarText(value, preferring: .plain, inFlow: false))
            }
        default:
            form = .inline(Emitter.flowText(value, preferring: oldStyle, inFlow: false))
        }

        let newline = source.newline
        func joined(_ lines: some Sequence<String>) -> String { lines.joined(separator: newline) }
        /// The first line unindented (it follows the dash), then `trailing`, then the other lines.
        func compactText(_ lines: [String], trailing: String = "") -> String {
            let first = lines[0].drop(while: { $0 == " " })
            return String(first) + trailing + (lines.count > 1 ? newline + joined(lines.dropFirst()) : "")
        }
        // A value that touches its `:` or `-` (an empty one) needs a space before new inline text.
        let start = old.start.offset
        let touches =
            old.end.offset == start && start > 0 && source.bytes[start - 1] != Source.space
            && source.bytes[start - 1] != Source.tab
        let space = touches ? " " : ""

        if let firstEntry, !isCompactCollection {
            // A block collection on the lines below its key or dash.
            let regionStart = source.lineStart(firstEntry)
            let regionEnd = source.lastLineEnd(of: old)
            // A tag before the collection (`key: !!map`) goes with the old value.
            let head = start < regionStart ? anchor..<source.tokenEnd(start) : anchor..<anchor
            switch form {
            case .inline(let text):
                return [
                    Edit(head, " " + text),
                    Edit(source.previousLineEnd(beforeLineStart: regionStart)..<regionEnd, ""),
                ]
            case .blockScalar(let header, let lines):
                return [Edit(head, " " + header), Edit(regionStart..<regionEnd, joined(lines))]
            case .block(let lines, _):
                return [Edit(head, ""), Edit(regionStart..<regionEnd, joined(lines))]
            }
        }
        if isBlockScalar {
            let end = source.blockScalarContentEnd(old)
            switch form {
            case .inline(let text):
                return [Edit(start..<end, text)]
            case .blockScalar(let header, let lines):
                return [Edit(start..<end, header + newline + joined(lines))]
            case .block(let lines, true):
                return [Edit(start..<end, compactText(lines))]
            case .block(let lines, false):
                return [Edit(anchor..<end, newline + joined(lines))]
            }
        }
        // Inline: a scalar, a flow collection, or a block collection that starts on the dash's line.
        let lineEnd = source.lastLineEnd(of: old)
        let valueEnd = isCompactCollection ? lineEnd : old.end.offset
        let trailing = isCompactCollection ? "" : source.text(old.end.offset..<lineEnd)
        switch form {
        case .inline(let text):
            return [Edit(start..<valueEnd, space + text)]
        case .blockScalar(let header, let lines):
            return [Edit(start..<lineEnd, space + header + trailing + newline + joined(lines))]
        case .block(let lines, true):
            return [Edit(start..<lineEnd, space + compactText(lines, trailing: trailing))]
        case .block(let lines, false):
            return [Edit(anchor..<lineEnd, trailing + newline + joined(lines))]
        }
    }

    /// A value inside a flow collection: written in flow style in the old value's place.
    func flowReplacement(of old: YAMLNode, with value: EditValue, source: Source) -> Edit {
        var style = ScalarStyle.plain
        if case .scalar(let scalar) = old.content { style = scalar.style }
        let start = old.start.offset
        let touches =
            start > 0 && !(source.bytes[start - 1] == Source.space || source.bytes[start - 1] == Source.tab)
            && old.end.offset == start
        return Edit(
            start..<old.end.offset, (touches ? " " : "") + Emitter.flowText(value, preferring: style, inFlow: true))
    }
}
