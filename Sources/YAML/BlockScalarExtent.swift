/// Where a block scalar (`|` or `>`) really ends in the source.
///
/// libyaml ends a block scalar after the indentation of the line that follows it. For byte-exact
/// edits the end should instead be right after the line break of its last line with content
/// (with `+` chomping, after the trailing empty lines it keeps), so that replacing start..<end
/// leaves the next line untouched.
enum BlockScalarExtent {
    static func end(start: SourcePosition, libyamlEnd end: SourcePosition, in map: SourceMap) -> SourcePosition {
        let bytes = map.bytes
        let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")
        let lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        let limit = min(Int(end.offset), bytes.count)
        let startOffset = Int(start.offset)
        // Find the chomping indicator in the header.
        var index = startOffset
        while index < limit && bytes[index] != UInt8(ascii: "|") && bytes[index] != UInt8(ascii: ">") { index += 1 }
        var keep = false
        index += 1
        while index < limit,
            bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index])
        {
            if bytes[index] == UInt8(ascii: "+") { keep = true }
            index += 1
        }
        var target = limit
        if keep {
            // Drop only the indentation of the line after the scalar.
            while target > startOffset && (bytes[target - 1] == space || bytes[target - 1] == tab) { target -= 1 }
            if !(target == 0 || bytes[target - 1] == lf || bytes[target - 1] == cr) { target = limit }
        } else {
            // Back to the last character of content, then forward past its line's break.
            while target > startOffset,
                bytes[target - 1] == space || bytes[target - 1] == tab || bytes[target - 1] == lf
                    || bytes[target - 1] == cr
            {
                target -= 1
            }
            while target < limit && (bytes[target] == space || bytes[target] == tab) { target += 1 }
            if target < limit && bytes[target] == cr { target += 1 }
            if target < limit && bytes[target] == lf { target += 1 }
        }
        guard target < end.offset else { return end }
        return map.position(ofByte: target, before: end)
    }
}
