/// An ECMA-262 regular expression as JSON Schema's `pattern` and `patternProperties` use it:
/// compiled once, matched with search semantics (unanchored unless the pattern says `^`/`$`),
/// over Unicode scalars, without flags.
///
/// The native engine (`PatternParser` → `PatternProgram` → `PatternMatcher`) covers literals,
/// `.`, classes with ranges, negation and escapes, `\d \D \w \W \s \S \b \B`, `\t \n \v \f \r
/// \0 \cX \xHH \uXXXX` (surrogate pairs combine) `\u{…}`, `\p{…}`/`\P{…}` for general
/// categories and the binary properties in `BinaryProperty`, anchors, capturing, named and
/// non-capturing groups, lookahead and lookbehind, alternation, greedy and lazy quantifiers,
/// and backreferences (numbered and named). Matching is bounded by
/// `PatternMatcher.stepLimit` steps; past it the outcome is `.limitExceeded`.
///
/// A valid pattern the native engine cannot run — only `\p{…}` with another property, such as
/// `\p{Script=Greek}` — falls back to Foundation's `NSRegularExpression` for that pattern alone
/// (no step budget there).
public final class ECMAPattern: Sendable {
    public enum Outcome: Sendable, Equatable {
        case match
        case noMatch
        /// Matching gave up after `PatternMatcher.stepLimit` steps (catastrophic backtracking).
        case limitExceeded
    }

    private enum Engine: Sendable {
        case native(PatternProgram)
        case foundation(FoundationPattern)
    }

    public let source: String
    private let engine: Engine

    public init(_ source: String) throws(ECMAPatternError) {
        self.source = source
        do {
            let (node, captures) = try PatternParser.parse(source)
            engine = .native(try PatternProgram(node, captures: captures))
        } catch where error.isUnsupportedConstruct {
            guard let fallback = FoundationPattern(source) else { throw error }
            engine = .foundation(fallback)
        }
    }

    /// True when the pattern runs on `NSRegularExpression` instead of the native engine.
    public var usesFoundationFallback: Bool {
        if case .foundation = engine { return true }
        return false
    }

    /// Whether the pattern matches somewhere in `string`.
    public func search(_ string: String) -> Outcome {
        switch engine {
        case .native(let program):
            switch PatternMatcher.search(program, in: string) {
            case .match: return .match
            case .noMatch: return .noMatch
            case .limitExceeded: return .limitExceeded
            }
        case .foundation(let pattern):
            return pattern.matches(string) ? .match : .noMatch
        }
    }
}
