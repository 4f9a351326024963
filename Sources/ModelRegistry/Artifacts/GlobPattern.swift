/// A shell-style glob over `/`-separated relative paths, as `--include` and `--exclude` take them:
///
/// - `*` matches any characters except `/`; `?` one character except `/`;
/// - `[abc]`, `[a-z]`, `[!a-z]` (or `[^a-z]`) one character of (or not of) a set; a `]` right after the `[`
///   (or `[!`) is a member; a `[` that is never closed is an ordinary character;
/// - `**` as a whole segment matches any number of segments (also none): `onnx/**`, `**/*.json`;
/// - `\` makes the next character ordinary.
///
/// A pattern without `/` is matched against the file's name at any depth (`*.bin` matches `a/b/c.bin`), as
/// in `.gitignore`; a pattern with `/` against the whole path from the hashed folder (a leading `/` or `./` is
/// dropped). A trailing `/` means everything below: `onnx/` is `onnx/**`.
public struct GlobPattern: Sendable, Hashable, CustomStringConvertible {
    public let description: String
    private let segments: [Segment]

    enum Segment: Hashable {
        /// `**`: any number of segments.
        case anyDepth
        case parts([Token])
    }

    enum Token: Hashable {
        case literal(Unicode.Scalar)
        case anyCharacter
        case anyRun
        case set(ranges: [ClosedRange<UInt32>], negated: Bool)
    }

    public init(_ pattern: String) {
        description = pattern
        var text = Substring(pattern)
        while text.hasPrefix("./") { text = text.dropFirst(2) }
        let anchored = text.contains("/")
        while text.hasPrefix("/") { text = text.dropFirst() }
        var segments: [Segment] = []
        if !anchored { segments.append(.anyDepth) }
        let pieces = text.split(separator: "/", omittingEmptySubsequences: false)
        for (index, piece) in pieces.enumerated() {
            if piece.isEmpty {
                // `a//b` is `a/b`; a trailing `/` means everything below.
                if index == pieces.count - 1 && index > 0 { segments.append(.anyDepth) }
                continue
            }
            segments.append(piece == "**" ? .anyDepth : .parts(Self.tokens(piece)))
        }
        self.segments = segments
    }

    /// Whether the relative path (`a/b/c.bin`) matches.
    public func matches(_ path: String) -> Bool {
        let names = path.split(separator: "/").map { Array($0.unicodeScalars) }
        // reachable[j]: the segments so far can match the first j names.
        var reachable = [Bool](repeating: false, count: names.count + 1)
        reachable[0] = true
        for segment in segments {
            var next = [Bool](repeating: false, count: names.count + 1)
            switch segment {
            case .anyDepth:
                var any = false
                for j in 0...names.count {
                    any = any || reachable[j]
                    next[j] = any
                }
            case .parts(let tokens):
                for j in 0..<names.count where reachable[j] && Self.match(tokens[...], names[j][...]) {
                    next[j + 1] = true
                }
            }
            reachable = next
        }
        return reachable[names.count]
    }

    // MARK: One segment

    static func tokens(_ piece: Substring) -> [Token] {
        let scalars = Array(piece.unicodeScalars)
        var tokens: [Token] = []
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar {
            case "\\" where index + 1 < scalars.count:
                tokens.append(.literal(scalars[index + 1]))
                index += 2
            case "*":
                if tokens.last != .anyRun { tokens.append(.anyRun) }
                index += 1
            case "?":
                tokens.append(.anyCharacter)
                index += 1
            case "[":
                if let (set, end) = bracket(scalars, from: index) {
                    tokens.append(set)
                    index = end
                } else {
                    tokens.append(.literal(scalar))
                    index += 1
                }
            default:
                tokens.append(.literal(scalar))
                index += 1
            }
        }
        return tokens
    }

    /// A `[...]` set starting at `start`, and the index after its `]`; nil when it is never closed.
    static func bracket(_ scalars: [Unicode.Scalar], from start: Int) -> (Token, Int)? {
        var index = start + 1
        var negated = false
        if index < scalars.count, scalars[index] == "!" || scalars[index] == "^" {
            negated = true
            index += 1
        }
        var ranges: [ClosedRange<UInt32>] = []
        var first = true
        while index < scalars.count {
            var low = scalars[index]
            if low == "]" && !first { return (.set(ranges: ranges, negated: negated), index + 1) }
            first = false
            if low == "\\", index + 1 < scalars.count {
                index += 1
                low = scalars[index]
            }
            index += 1
            if index + 1 < scalars.count, scalars[index] == "-", scalars[index + 1] != "]" {
                var high = scalars[index + 1]
                index += 2
                if high == "\\", index < scalars.count {
                    high = scalars[index]
                    index += 1
                }
                if low.value <= high.value { ranges.append(low.value...high.value) }
            } else {
                ranges.append(low.value...low.value)
            }
        }
        return nil
    }

    /// Matches one path segment, backtracking only to the last `*` (linear for all practical patterns).
    static func match(_ tokens: ArraySlice<Token>, _ name: ArraySlice<Unicode.Scalar>) -> Bool {
        var t = tokens.startIndex
        var n = name.startIndex
        var star: (token: Int, name: Int)?
        while n < name.endIndex {
            if t < tokens.endIndex {
                switch tokens[t] {
                case .anyRun:
                    star = (t, n)
                    t += 1
                    continue
                case .anyCharacter:
                    t += 1
                    n += 1
                    continue
                case .literal(let scalar) where scalar == name[n]:
                    t += 1
                    n += 1
                    continue
                case .set(let ranges, let negated) where ranges.contains { $0.contains(name[n].value) } != negated:
                    t += 1
                    n += 1
                    continue
                default:
                    break
                }
            }
            guard let last = star else { return false }
            t = last.token + 1
            n = last.name + 1
            star = (last.token, last.name + 1)
        }
        while t < tokens.endIndex, tokens[t] == .anyRun { t += 1 }
        return t == tokens.endIndex
    }
}
