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
    private var stack: [Frame] = []
    private var root: YAMLNode?
    private var documents = 0

    /// A collection that has started but not ended.
    private struct Frame {
        var isMapping: Bool
        var isFlow: Bool
        var start: SourceLocation
        var items: [YAMLNode] = []
        var pairs: [(key: YAMLNode, value: YAMLNode)] = []
        var pendingKey: YAMLNode?
        /// For large mappings only: key text → line of its first occurrence.
        var keyLines: [String: Int]?
    }

    /// Mappings with more keys than this look duplicates up in a dictionary instead of a scan.
    private static let linearKeyLimit = 12

    init(parser: LibYAMLParser, map: consuming SourceMap, limits: YAMLLimits) {
        self.parser = parser
        self.map = map
        self.limits = limits
    }

    /// Reads every event; returns the document's root, or nil when the stream has no document.
    mutating func build() throws(YAMLError) -> YAMLNode? {
        while true {
            guard parser.next() else { throw libyamlError() }
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
                documents += 1
                if documents > 1 {
                    throw YAMLError(
                        kind: .multipleDocuments, location: map.location(event.pointee.start_mark),
                        message: "a second document starts here; a file may hold only one document")
                }
            case YAML_STREAM_END_EVENT:
                return root
            default:
                continue  // stream start, document end
            }
        }
    }

    // MARK: Events

    private mutating func scalar(_ event: UnsafeMutablePointer<yaml_event_t>) throws(YAMLError) {
        let data = event.pointee.data.scalar
        if let anchor = data.anchor { throw anchorError(anchor, at: event.pointee.start_mark) }
        var tag: CoreTag?
        if let rawTag = data.tag {
            tag = try coreTag(rawTag, at: event.pointee.start_mark)
            if tag == .map || tag == .seq {
                throw YAMLError(
                    kind: .tag, location: map.location(event.pointee.start_mark),
                    message: "tag \(tag!.shortForm) cannot be applied to a scalar")
            }
        }
        let text = String(decoding: UnsafeBufferPointer(start: data.value, count: data.length), as: UTF8.self)
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
        if style == .literal || style == .folded { end = blockScalarEnd(start: start, end: end) }
        if let tag, tag != .str, ScalarResolver.resolve(text, as: tag) == nil {
            throw YAMLError(
                kind: .tag, location: start, message: "\"\(text)\" is not a valid \(tag.shortForm)")
        }
        let node = YAMLNode(
            content: .scalar(YAMLScalar(text: text, style: style, tag: tag?.longForm)), start: start, end: end)
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
        if let top = stack.indices.last, stack[top].isMapping, stack[top].pendingKey == nil {
            throw YAMLError(
                kind: .syntax, location: start,
                message: "only scalar keys are supported; this key is a \(isMapping ? "mapping" : "sequence")")
        }
        if stack.count >= limits.maxDepth {
            throw YAMLError(
                kind: .depth, location: start,
                message: "collections are nested deeper than the limit of \(limits.maxDepth) levels")
        }
        stack.append(Frame(isMapping: isMapping, isFlow: isFlow, start: start))
    }

    private mutating func endCollection(_ event: UnsafeMutablePointer<yaml_event_t>) throws(YAMLError) {
        let frame = stack.removeLast()
        let end: SourceLocation
        if frame.isFlow {
            end = map.location(event.pointee.end_mark)
        } else if frame.isMapping, let last = frame.pairs.last {
            // libyaml ends a block collection where the next token starts; end at the last entry.
            end = last.value.end
        } else if !frame.isMapping, let last = frame.items.last {
            end = last.end
        } else {
            end = map.location(event.pointee.start_mark)
        }
        let content: YAMLNode.Content = frame.isMapping ? .mapping(frame.pairs) : .sequence(frame.items)
        try attach(YAMLNode(content: content, start: frame.start, end: end))
    }

    /// Adds a finished node to the innermost open collection, or makes it the root.
    private mutating func attach(_ node: YAMLNode) throws(YAMLError) {
        guard let top = stack.indices.last else {
            root = node
            return
        }
        guard stack[top].isMapping else {
            stack[top].items.append(node)
            return
        }
        if let key = stack[top].pendingKey.take() {
            stack[top].pairs.append((key: key, value: node))
        } else {
            try checkNewKey(node, in: top)
            stack[top].pendingKey = node
        }
    }

    // MARK: Checks

    private mutating func checkNewKey(_ key: YAMLNode, in top: Int) throws(YAMLError) {
        guard case .scalar(let scalar) = key.content else { return }
        let text = scalar.text
        if stack[top].keyLines != nil {
            if let line = stack[top].keyLines![text] { throw duplicateKey(text, firstLine: line, at: key.start) }
            stack[top].keyLines![text] = key.start.line
            return
        }
        for pair in stack[top].pairs {
            if case .scalar(let other) = pair.key.content, other.text == text {
                throw duplicateKey(text, firstLine: pair.key.start.line, at: key.start)
            }
        }
        if stack[top].pairs.count >= Self.linearKeyLimit {
            var lines: [String: Int] = [:]
            lines.reserveCapacity(stack[top].pairs.count * 2)
            for pair in stack[top].pairs {
                if case .scalar(let other) = pair.key.content { lines[other.text] = pair.key.start.line }
            }
            lines[text] = key.start.line
            stack[top].keyLines = lines
        }
    }

    private func duplicateKey(_ text: String, firstLine: Int, at location: SourceLocation) -> YAMLError {
        YAMLError(
            kind: .duplicateKey, location: location,
            message: "duplicate key \"\(text)\"; it was first defined at line \(firstLine)")
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

    // MARK: Locations

    /// libyaml ends a block scalar after the indentation of the next line. End it instead right
    /// after the line break of its last line with content (with `+` chomping, after the trailing
    /// blank lines it keeps), so that replacing start..<end leaves the next line intact.
    private func blockScalarEnd(start: SourceLocation, end: SourceLocation) -> SourceLocation {
        let bytes = map.bytes
        let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")
        let lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        var index = start.offset
        while index < end.offset && bytes[index] != UInt8(ascii: "|") && bytes[index] != UInt8(ascii: ">") {
            index += 1
        }
        var keep = false
        index += 1
        while index < end.offset, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index])
        {
            if bytes[index] == UInt8(ascii: "+") { keep = true }
            index += 1
        }
        var target = end.offset
        if keep {
            // Drop only the next line's indentation.
            while target > start.offset && (bytes[target - 1] == space || bytes[target - 1] == tab) { target -= 1 }
            if !(target == 0 || bytes[target - 1] == lf || bytes[target - 1] == cr) { target = end.offset }
        } else {
            // Back to the last character of content, then forward past its line's break.
            while target > start.offset,
                bytes[target - 1] == space || bytes[target - 1] == tab || bytes[target - 1] == lf
                    || bytes[target - 1] == cr
            {
                target -= 1
            }
            while target < end.offset && (bytes[target] == space || bytes[target] == tab) { target += 1 }
            if target < end.offset && bytes[target] == cr { target += 1 }
            if target < end.offset && bytes[target] == lf { target += 1 }
        }
        guard target < end.offset else { return end }
        return map.location(ofByte: target, before: end)
    }

    /// Turns libyaml's failure into a located error.
    private mutating func libyamlError() -> YAMLError {
        let failure = parser.failure
        if failure.isMemoryError {
            return YAMLError(
                kind: .syntax, location: SourceLocation(path: map.path, line: 1, column: 1),
                message: "libyaml ran out of memory")
        }
        if failure.isReaderError {
            var message = failure.problem
            if failure.problemValue >= 0 {
                let hex = String(failure.problemValue, radix: 16, uppercase: true)
                message += " (U+\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex))"
            }
            return YAMLError(
                kind: .encoding, location: map.location(ofByte: map.base + failure.problemOffset),
                message: message)
        }
        var message = failure.problem
        if let context = failure.context {
            let mark = failure.contextMark
            message += " (\(context) that started at line \(mark.line + 1), column \(mark.column + 1))"
        }
        return YAMLError(kind: .syntax, location: map.location(failure.problemMark), message: message)
    }
}
