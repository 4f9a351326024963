import CYAML

/// Builds the outline of a single-document stream from libyaml's events.
///
/// Nodes are appended in the order their events arrive, which is the outline's order; a
/// collection's row is filled in when it ends. The builder keeps its own stack of open
/// collections instead of recursing, so nesting costs heap, not call stack, and the depth limit
/// is checked as each collection opens. Everything the reader refuses (aliases, anchors, foreign
/// tags, a second document, duplicate or non-scalar keys) is rejected at the event that shows it,
/// before anything after it is read.
struct OutlineBuilder: ~Copyable {
    private let parser: LibYAMLParser
    private var map: SourceMap
    private let limits: YAMLLimits
    /// The open collections, innermost last.
    private var stack: [Frame] = []
    private var nodes: [YAMLOutline.Node] = []
    private var texts: [String] = []
    private var keys = MappingKeys()
    /// Where the most recently finished node ends.
    private var lastEnd = SourcePosition(line: 1, column: 1, offset: 0)
    private var documents = 0

    /// A collection that has started but not ended.
    private struct Frame {
        var isMapping: Bool
        var isFlow: Bool
        var start: SourcePosition
        /// For a block collection, its indentation in spaces; -1 when unknown (tagged).
        var indent: Int
        /// The collection's row in `nodes`.
        var row: Int
        /// Children finished so far (for a mapping: keys and values).
        var children: Int32 = 0
    }

    init(parser: LibYAMLParser, map: consuming SourceMap, limits: YAMLLimits) {
        self.parser = parser
        self.map = map
        self.limits = limits
        stack.reserveCapacity(8)
        nodes.reserveCapacity(128)
        texts.reserveCapacity(96)
    }

    /// Reads every event; returns the document's outline, or nil when the stream has no document.
    mutating func build() throws(YAMLError) -> YAMLOutline? {
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
                guard !nodes.isEmpty else { return nil }
                return YAMLOutline(path: map.path, nodes: nodes, texts: texts)
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
        let start = map.position(event.pointee.start_mark)
        var end = map.position(event.pointee.end_mark)
        let blockIndent = enclosingBlockIndent
        switch style {
        case .literal, .folded:
            if let error = StrictSyntax.blockHeaderComment(startingAt: Int(start.offset), before: Int(end.offset), in: map)
                ?? StrictSyntax.blockLeadingSpaces(startingAt: start, parentIndent: blockIndent ?? -1, in: map)
            {
                throw error
            }
            end = BlockScalarExtent.end(start: start, libyamlEnd: end, in: map)
        case .singleQuoted, .doubleQuoted:
            if let error = StrictSyntax.commentTouching(Int(end.offset), in: map) { throw error }
        case .plain:
            break
        }
        if let tag, tag != .str, ScalarResolver.resolve(text, as: tag) == nil {
            throw YAMLError(
                kind: .tag, location: map.location(start), message: "\(Self.shown(text)) is not a valid \(tag.shortForm)")
        }
        let textIndex = texts.count
        texts.append(text)
        if expectsKey {
            let fingerprint = MappingKeys.fingerprint(bytes)
            if let first = keys.insert(textIndex, fingerprint: fingerprint, line: Int(start.line), texts: texts) {
                throw YAMLError(
                    kind: .duplicateKey, location: map.location(start),
                    message: "duplicate key \(Self.shown(text)); it was first defined at line \(first)")
            }
        }
        if style == .singleQuoted || style == .doubleQuoted, let blockIndent, end.line > start.line,
            let error = StrictSyntax.continuationIndent(
                start: start, end: end, isFlow: false, parentIndent: blockIndent, in: map)
        {
            throw error
        }
        if style == .plain, blockIndent == nil, let error = StrictSyntax.dashInFlow(start: start, end: end, in: map) {
            throw error
        }
        nodes.append(
            YAMLOutline.Node(
                kind: .scalar, style: style, tag: tag, start: start, end: end, childCount: 0, size: 1,
                text: Int32(textIndex)))
        try finished(end: end)
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
        let start = map.position(mark)
        if expectsKey {
            throw YAMLError(
                kind: .syntax, location: map.location(start),
                message: "only scalar keys are supported; this key is a \(isMapping ? "mapping" : "sequence")")
        }
        if stack.count >= limits.maxDepth {
            throw YAMLError(
                kind: .depth, location: map.location(start),
                message: "collections are nested deeper than the limit of \(limits.maxDepth) levels")
        }
        if isFlow, rawTag == nil, let error = StrictSyntax.commentTouching(Int(start.offset) + 1, in: map) {
            throw error
        }
        let indent = isFlow || rawTag != nil ? -1 : Int(start.column) - 1
        stack.append(Frame(isMapping: isMapping, isFlow: isFlow, start: start, indent: indent, row: nodes.count))
        // The end, the children and the size are filled in when the collection ends.
        nodes.append(
            YAMLOutline.Node(
                kind: isMapping ? .mapping : .sequence, style: .plain, tag: nil, start: start, end: start,
                childCount: 0, size: 1, text: -1))
        if isMapping { keys.openMapping() }
    }

    private mutating func endCollection(_ event: UnsafeMutablePointer<yaml_event_t>) throws(YAMLError) {
        guard let frame = stack.popLast() else { return }  // libyaml pairs every end with a start
        let end: SourcePosition
        if frame.isFlow {
            end = map.position(event.pointee.end_mark)
        } else if frame.children > 0 {
            // libyaml ends a block collection where the next token starts; end at the last entry (the most
            // recently finished node).
            end = lastEnd
        } else {
            end = map.position(event.pointee.start_mark)
        }
        if frame.isMapping { keys.closeMapping() }
        nodes.withUnsafeMutableBufferPointer { nodes in
            nodes[frame.row].end = end
            nodes[frame.row].childCount = frame.children
            nodes[frame.row].size = Int32(nodes.count - frame.row)
        }
        if frame.isFlow {
            if let error = StrictSyntax.commentTouching(Int(end.offset), in: map) { throw error }
            if let indent = enclosingBlockIndent,
                let error = StrictSyntax.continuationIndent(
                    start: frame.start, end: end, isFlow: true, parentIndent: indent, in: map)
            {
                throw error
            }
        }
        try finished(end: end)
    }

    /// Counts a node that has just been finished as a child of the innermost open collection.
    private mutating func finished(end: SourcePosition) throws(YAMLError) {
        lastEnd = end
        guard let top = stack.indices.last else { return }
        if stack[top].isFlow, let error = StrictSyntax.commentAfterEntry(endingAt: Int(end.offset), in: map) {
            throw error
        }
        stack[top].children += 1
    }

    // MARK: State

    /// True when the next node is a key of the innermost open mapping.
    private var expectsKey: Bool {
        guard let top = stack.indices.last, stack[top].isMapping else { return false }
        return stack[top].children % 2 == 0
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
