import YAML

extension YAMLEditor {
    /// Line arithmetic on the file's bytes: where lines start and end, what precedes an offset on
    /// its line, the column of an offset. A line ends at LF or CR LF (a lone CR too); the line
    /// break is not part of the line's content.
    struct Source {
        let bytes: [UInt8]
        /// 3 when the file starts with a UTF-8 byte-order mark (not part of the first line's text).
        let bom: Int
        /// The file's own line break, used for every line the editor writes: CR LF when the first
        /// line break is CR LF, else LF.
        let newline: String

        static let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")
        static let lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")

        init(_ bytes: [UInt8]) {
            self.bytes = bytes
            bom = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            var newline = "\n"
            if let first = bytes.firstIndex(where: { $0 == Self.lf || $0 == Self.cr }), bytes[first] == Self.cr,
                first + 1 < bytes.count, bytes[first + 1] == Self.lf
            {
                newline = "\r\n"
            }
            self.newline = newline
        }

        var count: Int { bytes.count }

        func isBreak(_ index: Int) -> Bool {
            index >= 0 && index < bytes.count && (bytes[index] == Self.lf || bytes[index] == Self.cr)
        }

        /// The first byte of the line holding `offset`.
        func lineStart(_ offset: Int) -> Int {
            var index = min(offset, bytes.count)
            while index > 0 && !isBreak(index - 1) { index -= 1 }
            return index == 0 ? min(bom, offset) : index
        }

        /// Where the content of the line holding `offset` ends: its line break, or the end of the file.
        /// An offset on a line break belongs to the line that break ends.
        func lineEnd(_ offset: Int) -> Int {
            if offset >= bytes.count { return bytes.count }
            if bytes[offset] == Self.lf && offset > 0 && bytes[offset - 1] == Self.cr { return offset - 1 }
            var index = offset
            while index < bytes.count && !isBreak(index) { index += 1 }
            return index
        }

        /// The first byte after the line break at `lineEnd` (the end of the file when there is none).
        func nextLineStart(afterLineEnd lineEnd: Int) -> Int {
            guard lineEnd < bytes.count else { return bytes.count }
            if bytes[lineEnd] == Self.cr && lineEnd + 1 < bytes.count && bytes[lineEnd + 1] == Self.lf {
                return lineEnd + 2
            }
            return lineEnd + 1
        }

        /// Where the line break that ends the line before the one starting at `lineStart` begins.
        func previousLineEnd(beforeLineStart lineStart: Int) -> Int {
            guard lineStart > 0 else { return 0 }
            if bytes[lineStart - 1] == Self.lf && lineStart >= 2 && bytes[lineStart - 2] == Self.cr {
                return lineStart - 2
            }
            return lineStart - 1
        }

        /// The byte a node's text ends on (for an empty node, where it starts). Its line is the node's last line.
        func lastByte(of node: YAMLNode) -> Int {
            node.end.offset > node.start.offset ? node.end.offset - 1 : node.start.offset
        }

        /// The end of the content of the node's last line.
        func lastLineEnd(of node: YAMLNode) -> Int { lineEnd(lastByte(of: node)) }

        /// True when only spaces precede `offset` on its line.
        func onlySpacesBefore(_ offset: Int) -> Bool {
            bytes[lineStart(offset)..<offset].allSatisfy { $0 == Self.space }
        }

        /// True when the line from `start` to its end holds only spaces and tabs.
        func isBlankLine(startingAt start: Int) -> Bool {
            bytes[start..<lineEnd(start)].allSatisfy { $0 == Self.space || $0 == Self.tab }
        }

        /// True when the line's first non-blank character is `#`.
        func isCommentLine(startingAt start: Int) -> Bool {
            let end = lineEnd(start)
            guard let first = bytes[start..<end].firstIndex(where: { $0 != Self.space && $0 != Self.tab }) else {
                return false
            }
            return bytes[first] == UInt8(ascii: "#")
        }

        /// The 0-based column of `offset`, counted in characters (Unicode scalars) from its line's start.
        func column(_ offset: Int) -> Int {
            bytes[lineStart(offset)..<offset].reduce(0) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
        }

        /// The offset just past the token (a tag) starting at `offset`.
        func tokenEnd(_ offset: Int) -> Int {
            var index = offset
            while index < bytes.count && bytes[index] != Self.space && bytes[index] != Self.tab && !isBreak(index) {
                index += 1
            }
            return index
        }

        /// The first offset from `offset` on that is not a space, tab, line break or comment.
        func skipBlanksAndComments(from offset: Int) -> Int {
            var index = offset
            while index < bytes.count {
                switch bytes[index] {
                case Self.space, Self.tab, Self.lf, Self.cr:
                    index += 1
                case UInt8(ascii: "#"):
                    index = lineEnd(index)
                default:
                    return index
                }
            }
            return index
        }

        /// For a collection node: true when it is written in flow style (`[…]`, `{…}`).
        func isFlow(_ node: YAMLNode) -> Bool { flowOpening(node) != nil }

        /// For a flow collection: the offset of its `[` or `{` (after a tag, if any); nil for anything else.
        func flowOpening(_ node: YAMLNode) -> Int? {
            if case .scalar = node.content { return nil }
            var index = node.start.offset
            if index < bytes.count && bytes[index] == UInt8(ascii: "!") {
                index = skipBlanksAndComments(from: tokenEnd(index))
            }
            guard index < bytes.count, bytes[index] == UInt8(ascii: "[") || bytes[index] == UInt8(ascii: "{") else {
                return nil
            }
            return index
        }

        /// The offset of the `-` that introduces item `index` of a block sequence, found by reading
        /// forward from the end of the item before it (or from the sequence's start).
        func dash(of sequence: YAMLNode, item index: Int) -> Int? {
            guard case .sequence(let items) = sequence.content, items.indices.contains(index) else { return nil }
            var from = index == 0 ? sequence.start.offset : items[index - 1].end.offset
            if index == 0 && from < bytes.count && bytes[from] == UInt8(ascii: "!") { from = tokenEnd(from) }
            let found = skipBlanksAndComments(from: from)
            guard found < bytes.count, bytes[found] == UInt8(ascii: "-"), found <= items[index].start.offset else {
                return nil
            }
            return found
        }

        /// The offset just past the `:` that follows a block mapping key.
        func colonEnd(after key: YAMLNode) -> Int? {
            var index = key.end.offset
            while index < bytes.count && (bytes[index] == Self.space || bytes[index] == Self.tab) { index += 1 }
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
            return index + 1
        }

        /// Where a block scalar's content ends, before the line break of its last line.
        func blockScalarContentEnd(_ node: YAMLNode) -> Int {
            var end = node.end.offset
            if end > node.start.offset && bytes[end - 1] == Self.lf { end -= 1 }
            if end > node.start.offset && bytes[end - 1] == Self.cr { end -= 1 }
            return end
        }

        /// The indentation of a block scalar's first content line, or nil when it has none.
        func blockScalarIndent(_ node: YAMLNode) -> Int? {
            var line = nextLineStart(afterLineEnd: lineEnd(node.start.offset))
            while line < node.end.offset {
                let end = lineEnd(line)
                var index = line
                while index < end && bytes[index] == Self.space { index += 1 }
                if index < end { return index - line }
                line = nextLineStart(afterLineEnd: end)
            }
            return nil
        }

        func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
    }
}
