import CYAML

/// Turns libyaml's marks into positions (and, for messages, `SourceLocation`s) with exact byte offsets.
///
/// libyaml 0.2.5 counts `mark.index` in characters (Unicode scalars), not bytes, and starts
/// lines and columns at 0. Lines and columns are taken from libyaml as they are (plus one);
/// the byte offset is found by walking the UTF-8 text from a cursor that follows the parser,
/// so the walk is short because marks arrive almost in order. Pure-ASCII input needs no walk.
struct SourceMap {
    let path: String
    /// The whole file as read, including a UTF-8 byte-order mark if there was one.
    let bytes: UnsafeBufferPointer<UInt8>
    /// Bytes skipped before libyaml's character 0 (3 for a UTF-8 byte-order mark, else 0).
    let base: Int
    let isASCII: Bool

    private var cursorCharacter = 0
    private var cursorByte: Int
    /// The end of the input, found on first use.
    private var endOfInput: SourcePosition?

    init(path: String, bytes: UnsafeBufferPointer<UInt8>, base: Int, isASCII: Bool) {
        self.path = path
        self.bytes = bytes
        self.base = base
        self.isASCII = isASCII
        self.cursorByte = base
    }

    /// The position of a libyaml mark.
    @inline(__always)
    mutating func position(_ mark: yaml_mark_t) -> SourcePosition {
        let offset = byteOffset(ofCharacter: mark.index)
        // At the end of input libyaml moves its mark to a new line even when the last line has
        // no line break; report the real end instead. After a final line feed its mark is right.
        if offset >= bytes.count {
            if mark.column == 0, bytes.count > base, bytes[bytes.count - 1] == 0x0A {
                return SourcePosition(line: mark.line + 1, column: 1, offset: bytes.count)
            }
            return endPosition()
        }
        return SourcePosition(line: mark.line + 1, column: mark.column + 1, offset: offset)
    }

    /// The location of a libyaml mark, for a message.
    mutating func location(_ mark: yaml_mark_t) -> SourceLocation {
        position(mark).located(in: path)
    }

    /// A position of this file as a location, for a message.
    func location(_ position: SourcePosition) -> SourceLocation {
        position.located(in: path)
    }

    private mutating func endPosition() -> SourcePosition {
        if let endOfInput { return endOfInput }
        let end = position(ofByte: bytes.count)
        endOfInput = end
        return end
    }

    /// The byte offset of the character with the given index (counted from libyaml's start).
    @inline(__always)
    mutating func byteOffset(ofCharacter index: Int) -> Int {
        if isASCII { return min(base + index, bytes.count) }
        return walk(to: index)
    }

    private mutating func walk(to index: Int) -> Int {
        var character = cursorCharacter
        var byte = cursorByte
        let count = bytes.count
        while character < index && byte < count {
            byte += 1
            while byte < count && bytes[byte] & 0xC0 == 0x80 { byte += 1 }
            character += 1
        }
        while character > index && byte > base {
            byte -= 1
            while byte > base && bytes[byte] & 0xC0 == 0x80 { byte -= 1 }
            character -= 1
        }
        cursorCharacter = character
        cursorByte = byte
        return byte
    }

    /// The location of a byte offset, counting lines the way libyaml does (CR LF, CR, LF,
    /// NEL, LS and PS each end a line) and columns in characters. Scans from the start of
    /// the file, so it is meant for errors, not for the hot path.
    func location(ofByte target: Int) -> SourceLocation {
        position(ofByte: target).located(in: path)
    }

    /// The position of a byte offset (see `location(ofByte:)`).
    func position(ofByte target: Int) -> SourcePosition {
        let end = min(max(target, 0), bytes.count)
        var line = 1
        var column = 1
        var index = base
        while index < end {
            let length = lineBreakLength(at: index)
            if length > 0 {
                // A CR LF pair split by the target still ends the line only after the LF.
                if index + length > end {
                    column += 1
                    break
                }
                line += 1
                column = 1
                index += length
                continue
            }
            index += 1
            while index < end && bytes[index] & 0xC0 == 0x80 { index += 1 }
            column += 1
        }
        return SourcePosition(line: line, column: column, offset: max(end, 0))
    }

    /// The position of byte `target`, found by walking back from `from` only.
    /// `target` must not lie after `from`.
    func position(ofByte target: Int, before from: SourcePosition) -> SourcePosition {
        var breaks = 0
        var index = Int(from.offset)
        var charactersOnLastLine = 0
        while index > target {
            let previous = startOfCharacter(before: index)
            if lineBreakLength(at: previous) > 0 {
                // Step over a whole CR LF pair at once.
                var start = previous
                if bytes[previous] == 0x0A && previous > base && bytes[previous - 1] == 0x0D,
                    previous - 1 >= target
                {
                    start = previous - 1
                }
                breaks += 1
                index = start
            } else {
                charactersOnLastLine += 1
                index = previous
            }
        }
        if breaks == 0 {
            return SourcePosition(line: Int(from.line), column: Int(from.column) - charactersOnLastLine, offset: target)
        }
        // Count characters from the start of the target's line.
        var lineStart = target
        while lineStart > base {
            let previous = startOfCharacter(before: lineStart)
            if lineBreakLength(at: previous) > 0 { break }
            lineStart = previous
        }
        var column = 1
        var scan = lineStart
        while scan < target {
            scan += 1
            while scan < target && bytes[scan] & 0xC0 == 0x80 { scan += 1 }
            column += 1
        }
        return SourcePosition(line: Int(from.line) - breaks, column: column, offset: target)
    }

    private func startOfCharacter(before index: Int) -> Int {
        var previous = index - 1
        while previous > base && bytes[previous] & 0xC0 == 0x80 { previous -= 1 }
        return previous
    }

    /// The length of the line break starting at `index`, or 0 when there is none.
    func lineBreakLength(at index: Int) -> Int {
        let count = bytes.count
        switch bytes[index] {
        case 0x0A: return 1
        case 0x0D: return index + 1 < count && bytes[index + 1] == 0x0A ? 2 : 1
        case 0xC2: return index + 1 < count && bytes[index + 1] == 0x85 ? 2 : 0
        case 0xE2:
            guard index + 2 < count, bytes[index + 1] == 0x80 else { return 0 }
            return bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 ? 3 : 0
        default: return 0
        }
    }
}
