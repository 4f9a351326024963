/// Checks for invalid YAML that libyaml 0.2.5 lets through (each one a yaml-test-suite error case).
///
/// They look at the source bytes around a node the builder has just finished, so they cost
/// nothing for the common block-mapping-of-plain-scalars file.
///
/// - A comment must follow whitespace: `"value"# c`, `[a]# c`, `[a,# c`, `>#c`, `%YAML 1.2#c`.
/// - In a flow collection, a plain scalar cannot be a lone `-` followed by a space or a flow
///   indicator: `[-]`, `[a, -]`.
/// - Continuation lines of a quoted scalar or flow collection inside a block collection at
///   indentation n need more than n spaces (a tab is not indentation). A line that only closes
///   the collection (`]`, `}`) may sit at n, as libyaml and most parsers allow.
/// - An auto-indented block scalar's leading empty lines cannot have more spaces than its first
///   content line.
enum StrictSyntax {
    private static let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")
    private static let lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
    private static let hash = UInt8(ascii: "#")

    /// A `#` right at `offset` (just after a quoted scalar or a flow collection) is an error.
    static func commentTouching(_ offset: Int, in map: SourceMap) -> YAMLError? {
        guard offset < map.bytes.count, map.bytes[offset] == hash else { return nil }
        return commentError(at: offset, in: map)
    }

    /// Inside a flow collection: a `,` after the entry ending at `offset` must not touch a `#`.
    static func commentAfterEntry(endingAt offset: Int, in map: SourceMap) -> YAMLError? {
        let bytes = map.bytes
        var index = offset
        while index < bytes.count && (bytes[index] == space || bytes[index] == tab) { index += 1 }
        guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: ","), bytes[index + 1] == hash else {
            return nil
        }
        return commentError(at: index + 1, in: map)
    }

    /// `%YAML` lines before the first document may not have a comment touching their value.
    static func directiveComments(before end: Int, in map: SourceMap) -> YAMLError? {
        let bytes = map.bytes
        var lineStart = map.base
        let directive = Array("%YAML".utf8)
        while lineStart < end {
            var lineEnd = lineStart
            while lineEnd < bytes.count && bytes[lineEnd] != lf && bytes[lineEnd] != cr { lineEnd += 1 }
            if lineEnd - lineStart >= directive.count,
                bytes[lineStart..<lineStart + directive.count].elementsEqual(directive)
            {
                for index in lineStart + 1..<lineEnd
                where bytes[index] == hash && bytes[index - 1] != space && bytes[index - 1] != tab {
                    return commentError(at: index, in: map)
                }
            }
            lineStart = lineEnd + 1
        }
        return nil
    }

    /// A block scalar header (`|`, `>`, then `+`, `-` or a digit) touching a `#`.
    static func blockHeaderComment(startingAt start: Int, before end: Int, in map: SourceMap) -> YAMLError? {
        let bytes = map.bytes
        var index = start
        while index < end && bytes[index] != UInt8(ascii: "|") && bytes[index] != UInt8(ascii: ">") { index += 1 }
        index += 1
        while index < end, isHeaderIndicator(bytes[index]) { index += 1 }
        return commentTouching(index, in: map)
    }

    /// A plain scalar in a flow collection that is `-` followed by nothing a plain scalar may hold.
    static func dashInFlow(start position: SourcePosition, end: SourcePosition, in map: SourceMap) -> YAMLError? {
        let bytes = map.bytes
        let start = Int(position.offset)
        guard start < bytes.count, bytes[start] == UInt8(ascii: "-"), Int(end.offset) == start + 1 else { return nil }
        // `-` may start a plain scalar only when a character a plain scalar may hold follows it
        // (`{-: x}` is fine: the `:` is such a character, though it ends up outside the scalar).
        if start + 1 < bytes.count, !" \t\r\n,[]{}".utf8.contains(bytes[start + 1]) { return nil }
        return YAMLError(
            kind: .syntax, location: map.location(position),
            message: "\"-\" cannot be a plain scalar in a flow collection; quote it")
    }

    /// Every line after the first of a node from `start` to `end` (a quoted scalar or a flow collection) needs more than
    /// `indent` spaces of indentation, unless it is blank, a comment in a flow collection, or only
    /// closes a flow collection.
    static func continuationIndent(
        start: SourcePosition, end last: SourcePosition, isFlow: Bool, parentIndent indent: Int, in map: SourceMap
    ) -> YAMLError? {
        guard indent >= 0, last.line > start.line else { return nil }
        let bytes = map.bytes
        let what = isFlow ? "flow collection" : "quoted scalar"
        var index = Int(start.offset)
        var line = Int(start.line)
        let end = min(Int(last.offset), bytes.count)
        while index < end {
            let byte = bytes[index]
            index += 1
            guard byte == lf || byte == cr else { continue }
            if byte == cr && index < bytes.count && bytes[index] == lf { index += 1 }
            line += 1
            var spaces = 0
            while index + spaces < bytes.count && bytes[index + spaces] == space { spaces += 1 }
            var first = index + spaces
            while first < bytes.count && (bytes[first] == space || bytes[first] == tab) { first += 1 }
            guard first < bytes.count else { continue }
            let lead = bytes[first]
            if lead == lf || lead == cr { continue }
            if isFlow && (lead == hash || lead == UInt8(ascii: "]") || lead == UInt8(ascii: "}")) { continue }
            if spaces <= indent {
                return YAMLError(
                    kind: .syntax,
                    location: SourceLocation(path: map.path, line: line, column: first - index + 1, offset: first),
                    message: "this line continues the \(what) that starts at line \(start.line) "
                        + "and must be indented by more than \(indent) spaces")
            }
        }
        return nil
    }

    /// For a block scalar without an indentation indicator: its leading empty lines may not have
    /// more spaces than the first line with content (the line that sets the indentation).
    static func blockLeadingSpaces(startingAt start: SourcePosition, parentIndent indent: Int, in map: SourceMap)
        -> YAMLError?
    {
        let bytes = map.bytes
        var index = Int(start.offset)
        while index < bytes.count && bytes[index] != UInt8(ascii: "|") && bytes[index] != UInt8(ascii: ">") {
            index += 1
        }
        index += 1
        while index < bytes.count, isHeaderIndicator(bytes[index]) {
            if bytes[index] != UInt8(ascii: "+") && bytes[index] != UInt8(ascii: "-") { return nil }
            index += 1
        }
        // Skip the rest of the header line.
        while index < bytes.count && bytes[index] != lf && bytes[index] != cr { index += 1 }
        var line = Int(start.line)
        var widestEmpty = 0
        while index < bytes.count {
            if bytes[index] == cr && index + 1 < bytes.count && bytes[index + 1] == lf { index += 1 }
            index += 1
            line += 1
            var spaces = 0
            while index + spaces < bytes.count && bytes[index + spaces] == space { spaces += 1 }
            var first = index + spaces
            while first < bytes.count && (bytes[first] == space || bytes[first] == tab) { first += 1 }
            if first >= bytes.count { return nil }
            if bytes[first] == lf || bytes[first] == cr {
                widestEmpty = max(widestEmpty, spaces)
                index = first
                continue
            }
            guard spaces > indent, widestEmpty > spaces else { return nil }
            return YAMLError(
                kind: .syntax,
                location: SourceLocation(path: map.path, line: line, column: spaces + 1, offset: index + spaces),
                message: "the block scalar's first content line is indented by \(spaces) spaces, "
                    + "less than the empty line of \(widestEmpty) spaces before it")
        }
        return nil
    }

    private static func isHeaderIndicator(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || (UInt8(ascii: "1")...UInt8(ascii: "9")).contains(byte)
    }

    private static func commentError(at offset: Int, in map: SourceMap) -> YAMLError {
        YAMLError(
            kind: .syntax, location: map.location(ofByte: offset),
            message: "a comment needs whitespace before its \"#\"")
    }
}
