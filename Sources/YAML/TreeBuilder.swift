import CYAML

/// Builds the node tree of a single-document stream from libyaml's events.
///
/// The builder keeps its own stack of open collections instead of recursing, so nesting costs
/// heap, not call stack, and the depth limit is checked as each collection opens. Everything the
/// reader refuses (aliases, anchors, foreign tags, a second document, duplicate or non-scalar
/// keys) is rejected at the event that shows it, before anything after it is read.
struct TreeBuilder: ~Copyable {
    private let parser: LibYAMLParser
    private var map: SourceMap
    private let limits: YAMLLimits
    /// The open collections, innermost last.
    private var stack: [Frame] = []
    /// The finished children of the open collections (for a mapping: key, value, key, …).
    private var children = NodeStack()
    private var keys = MappingKeys()
    private var root: YAMLNode?
    private var documents = 0

    /// A collection that has started but not ended.
    private struct Frame {
        var isMapping: Bool
        var isFlow: Bool
        var start: SourceLocation
        /// For a block collection, its indentation in spaces; -1 when unknown (tagged).
        var indent: Int
        /// Where this collection's children start in `children`.
        var firstChild: Int
    }

    init(parser: LibYAMLParser, map: consuming SourceMap, limits: YAMLLimits) {
        self.parser = parser
        self.map = map
        self.limits = limits
        stack.reserveCapacity(8)
    }

    /// Reads every event; returns the document's root, or nil when the stream has no document.
    mutating func build() throws(YAMLError) -> YAMLNode? {
        while true {
            guard parser.next() else { throw parser.failure.error(in: &map) }
            let event = parser.event
            switch event.pointee.type {
            case YAML_SCALAR_EVENT:
                try scalar(event)
            case YAML_MAPPING_START_EVENT:
                let data = event.pointee.data.mapping_start
                try startCollection(
                    event, isMapping: true, anchor: data.anchor, tag: data.tag,
                    isFlow: data.style == YAML_FLOW_MAPPING_STYLE)
            case YAML_SEQUENCE_START_EVENT:
                let data = event.pointee.data.sequence_start
                try startCollection(
                    event, isMapping: false, anchor: data.anchor, tag: data.tag,
                    isFlow: data.style == YAML_FLOW_SEQUENCE_STYLE)
            case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT:
                try endCollection(event)
            case YAML_ALIAS_EVENT:
                let name = event.pointee.data.alias.anchor.map { String(cString: $0) } ?? ""
                throw YAMLError(
                    kind: .alias, location: map.location(event.pointee.start_mark),
                    message: "aliases (*\(name)) are not supported; write the value out in full")
            case YAML_DOCUMENT_START_EVENT:
                try startDocument(event)
            case YAML_STREAM_END_EVENT:
                return root.take()
            default:
                continue  // stream start, document end
            }
        }
    }

    // MARK: Events

    private mutating func startDocument(_ event: UnsafeMutablePointer<yaml_event_t>) throws(YAMLError) {
        documents += 1
        if documents > 1 {
            throw YAMLError(
                kind: .multipleDocuments, location: map.location(event.pointee.start_mark),
                message: "a second document starts here; a file may hold only one document")
        }
        // The event spans the directives; they end where the event does.
        if event.pointee.data.document_start.version_directive != nil,
            let error = StrictSyntax.directiveComments(
                before: map.byteOffset(ofCharacter: event.pointee.end_mark.index), in: map)
        {
            throw error
        }
    }

    private mutating func scalar(_ event: UnsafeMutablePointer<yaml_event_t>) throws(YAMLError) {
        let data = event.pointee.data.scalar
        if let anchor = data.anchor { throw anchorError(anchor, at: event.pointee.start_mark) }
        var tag: CoreTag?
        if let rawTag = data.tag {
            let core = try coreTag(rawTag, at: event.pointee.start_mark)
            if core == .map || core == .seq {
                throw YAMLError(
                    kind: .tag, location: map.location(event.pointee.start_mark),
                    message: "tag \(core.shortForm) cannot be applied to a scalar")
            }
            tag = core
        }
        let bytes = UnsafeBufferPointer(start: data.value, count: data.length)
        let text = String(decoding: bytes, as: UTF8.self)
        let style: ScalarStyle
        switch data.style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: style = .literal
        case YAML_FOLDED_SCALAR_STYLE: style = .folded
        default: style = .plain
        }
        let start = map.location(event.pointee.start_mark)
        var end = map.location(event.pointee.end_mark)
        let blockIndent = enclosingBlockIndent
        switch style {
        case .literal, .folded:
            let header = YAMLNode(content: .scalar(YAMLScalar(text: "", style: style)), start: start, end: end)
            if let error = StrictSyntax.blockHeaderComment(startingAt: start.offset, before: end.offset, in: map)
                ?? StrictSyntax.blockLeadingSpaces(of: header, parentIndent: blockIndent ?? -1, in: map)
            {
                throw error
            }
            end = BlockScalarExtent.end(start: start, libyamlEnd: end, in: map)
        case .singleQuoted, .doubleQuoted:
            if let error = StrictSyntax.commentTouching(end.offset, in: map) { throw error }
        case .plain:
            break
        }
        if let tag, tag != .str, ScalarResolver.resolve(text, as: tag) == nil {
            throw YAMLError(kind: .tag, location: start, message: "\(Self.shown(text)) is not a valid \(tag.shortForm)")
        }
        if expectsKey {
            let fingerprint = MappingKeys.fingerprint(bytes)
            if let first = keys.insert(text, fingerprint: fingerprint, line: start.line) {
                throw YAMLError(
                    kind: .duplicateKey, location: start,
                    message: "duplicate key \(Self.shown(text)); it was first defined at line \(first)")
            }
        }
        let node = YAMLNode(
            content: .scalar(YAMLScalar(text: text, style: style, tag: tag?.longForm)), start: start, end: end)
        if style == .singleQuoted || style == .doubleQuoted, let blockIndent, end.line > start.line,
            let error = StrictSyntax.continuationIndent(of: node, isFlow: false, parentIndent: blockIndent, in: map)
        {
            throw error
        }
        if style == .plain, blockIndent == nil, let error = StrictSyntax.dashInFlow(node, in: map) {
            throw error
        }
        try attach(node)
    }

    private mutating func startCollection(
        _ event: UnsafeMutablePointer<yaml_event_t>, isMapping: Bool,
        anchor: UnsafeMutablePointer<yaml_char_t>?, tag rawTag: UnsafeMutablePointer<yaml_char_t>?,
        isFlow: Bool
    ) throws(YAMLError) {
        let mark = event.pointee.start_mark
        if let anchor { throw anchorError(anchor, at: mark) }
        if let rawTag {
            let tag = try coreTag(rawTag, at: mark)
            if tag != (isMapping ? .map : .seq) {
                throw YAMLError(
                    kind: .tag, location: map.location(mark),
                    message: "tag \(tag.shortForm) cannot be applied to a \(isMapping ? "mapping" : "sequence")")
            }
        }
        let start = map.location(mark)
        if expectsKey {
            throw YAMLError(
                kind: .syntax, location: start,
                message: "only scalar keys are supported; this key is a \(isMapping ? "mapping" : "sequence")")
        }
        if stack.count >= limits.maxDepth {
            throw YAMLError(
                kind: .depth, location: start,
                message: "collections are nested deeper than the limit of \(limits.maxDepth) levels")
        }
        if isFlow, rawTag == nil, let error = StrictSyntax.commentTouching(start.offset + 1, in: map) {
            throw error
        }
        let indent = isFlow || rawTag != nil ? -1 : start.column - 1
        stack.append(Frame(isMapping: isMapping, isFlow: isFlow, start: start, indent: indent, firstChild: children.count))
        if isMapping { keys.openMapping() }
    }

    private mutating func endCollection(_ event: UnsafeMutablePointer<yaml_event_t>) throws(YAMLError) {
        guard let frame = stack.popLast() else { return }  // libyaml pairs every end with a start
        let end: SourceLocation
        if frame.isFlow {
            end = map.location(event.pointee.end_mark)
        } else if children.count > frame.firstChild {
            // libyaml ends a block collection where the next token starts; end at the last entry.
            end = children.lastEnd
        } else {
            end = map.location(event.pointee.start_mark)
        }
        let content: YAMLNode.Content
        if frame.isMapping {
            content = .mapping(children.popPairs(from: frame.firstChild))
            keys.closeMapping()
        } else {
            content = .sequence(children.popItems(from: frame.firstChild))
        }
        let node = YAMLNode(content: content, start: frame.start, end: end)
        if frame.isFlow {
            if let error = StrictSyntax.commentTouching(end.offset, in: map) { throw error }
            if let indent = enclosingBlockIndent,
                let error = StrictSyntax.continuationIndent(of: node, isFlow: true, parentIndent: indent, in: map)
            {
                throw error
            }
        }
        try attach(node)
    }

    /// Adds a finished node to the innermost open collection, or makes it the root.
    private mutating func attach(_ node: consuming YAMLNode) throws(YAMLError) {
        guard let top = stack.indices.last else {
            root = node
            return
        }
        if stack[top].isFlow, let error = StrictSyntax.commentAfterEntry(endingAt: node.end.offset, in: map) {
            throw error
        }
        children.push(node)
    }

    // MARK: State

    /// True when the next node is a key of the innermost open mapping.
    private var expectsKey: Bool {
        guard let top = stack.indices.last, stack[top].isMapping else { return false }
        return (children.count - stack[top].firstChild) % 2 == 0
    }

    /// The indentation of the innermost open block collection: -1 at the top level, nil inside a
    /// flow collection.
    private var enclosingBlockIndent: Int? {
        guard let top = stack.indices.last else { return -1 }
        return stack[top].isFlow ? nil : stack[top].indent
    }

    // MARK: Errors

    /// A scalar's text for a message: quoted, escaped, and cut short when long.
    private static func shown(_ text: String) -> String {
        let limit = 60
        let cut = text.unicodeScalars.count > limit ? String(text.unicodeScalars.prefix(limit)) + "…" : text
        var escaped = ""
        for scalar in cut.unicodeScalars {
            switch scalar {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            case "\t": escaped += "\\t"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return "\"" + escaped + "\""
    }

    private mutating func anchorError(_ anchor: UnsafeMutablePointer<yaml_char_t>, at mark: yaml_mark_t) -> YAMLError {
        YAMLError(
            kind: .alias, location: map.location(mark),
            message: "anchors (&\(String(cString: anchor))) are not supported; write the value out in full")
    }

    private mutating func coreTag(_ rawTag: UnsafeMutablePointer<yaml_char_t>, at mark: yaml_mark_t)
        throws(YAMLError) -> CoreTag
    {
        if let tag = CoreTag(cString: rawTag) { return tag }
        throw YAMLError(
            kind: .tag, location: map.location(mark),
            message: "tag \(CoreTag.display(cString: rawTag)) is not supported; "
                + "only !!str, !!int, !!float, !!bool, !!null, !!map and !!seq are")
    }
}
