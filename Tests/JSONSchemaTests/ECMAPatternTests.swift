import JSONSchema
import Testing

@Suite struct ECMAPatternTests {
    @Test(arguments: [
        // literals, search semantics, anchors
        ("abc", "xxabcxx", true), ("abc", "ab", false), ("^abc", "xabc", false), ("abc$", "abcx", false),
        ("^abc$", "abc\n", false), ("^$", "", true), ("", "anything", true),
        // dot and classes
        ("^a.c$", "abc", true), ("^a.c$", "a\nc", false), ("^a.c$", "a😀c", true),
        ("^[a-f0-9]{64}$", String(repeating: "ab12", count: 16), true),
        ("^[a-f0-9]{64}$", String(repeating: "ab12", count: 16) + "0", false),
        ("^[^a-z]+$", "ABC123", true), ("^[^a-z]+$", "ABcD", false),
        ("^[\\w.-]+$", "a.b-c_d", true), ("^[\\d-]+$", "1-2", true), ("^[a\\-z]$", "-", true),
        ("^[\\]]$", "]", true), ("^[.]$", "x", false), ("[\\b]", "\u{8}", true),
        // escapes
        ("^\\d+$", "0123", true), ("^\\d$", "٣", false), ("^\\D$", "x", true), ("^\\w+$", "ab_9", true),
        ("^\\w$", "é", false), ("^\\W$", "-", true), ("^\\s$", "\u{A0}", true), ("^\\s$", "\u{FEFF}", true),
        ("^\\S$", " ", false), ("^\\t\\n\\r\\v\\f$", "\t\n\r\u{B}\u{C}", true), ("^\\x41\\u0042\\u{43}$", "ABC", true),
        ("^\\cJ$", "\n", true), ("^\\ud83d\\ude00$", "😀", true), ("^\\u{1F600}$", "😀", true),
        ("^\\.\\*\\+\\?\\(\\)\\[\\]\\{\\}\\|\\^\\$\\\\\\/$", ".*+?()[]{}|^$\\/", true), ("^\\0$", "\u{0}", true),
        // word boundaries
        ("\\bcat\\b", "a cat!", true), ("\\bcat\\b", "concat", false), ("\\Bcat", "concat", true),
        // groups, alternation
        ("^(ab)+$", "ababab", true), ("^(?:ab|cd)+$", "abcdab", true), ("^(a|ab)(c|bcd)(d*)$", "abcd", true),
        ("^(?<year>\\d{4})-\\k<year>$", "2024-2024", true), ("^(\\w)\\1$", "aa", true), ("^(\\w)\\1$", "ab", false),
        // quantifiers
        ("^a{2}$", "aa", true), ("^a{2}$", "aaa", false), ("^a{2,}$", "aaaa", true), ("^a{2,3}$", "aaaa", false),
        ("^a{0}$", "", true), ("^x{,3}$", "x{,3}", true), ("^a{", "a{", true), ("^a*?b$", "aaab", true),
        ("^(a+?)(a*)$", "aaa", true), ("^(a*)*$", "aaaa", true), ("^(a|)*b$", "aab", true), ("^(?:a?)*$", "aa", true),
        // lookaround
        ("^(?=.*\\d)(?=.*[a-z]).{6,}$", "abc123", true), ("^(?=.*\\d)(?=.*[a-z]).{6,}$", "abcdef", false),
        ("^(?!test)\\w+$", "testing", false), ("^(?!test)\\w+$", "tasting", true),
        ("(?<=\\$)\\d+", "cost: $42", true), ("(?<=\\$)\\d+", "cost: 42", false), ("(?<!-)\\b\\d+", "-5", false),
        // Unicode properties
        ("^\\p{L}+$", "héllo", true), ("^\\p{Lu}\\p{Ll}+$", "Hello", true), ("^\\P{L}+$", "123", true),
        ("^\\p{Letter}+$", "日本", true), ("^\\p{digit}+$", "٣4", true), ("^[\\p{N}\\p{P}]+$", "1.2", true),
        ("^\\p{Alphabetic}+$", "abc", true), ("^\\p{White_Space}$", "\u{2003}", true), ("^\\p{gc=Nd}$", "7", true),
        // typical registry patterns
        ("^[a-z0-9]+([.-][a-z0-9]+)*$", "llama-3.1-8b", true), ("^[a-z0-9]+([.-][a-z0-9]+)*$", "llama--3", false),
        ("^[a-z0-9]+([.-][a-z0-9]+)*$", "Llama", false),
        ("^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)$", "1.20.3", true),
        ("^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)$", "1.02.3", false),
    ])
    func matches(pattern: String, input: String, expected: Bool) throws {
        let compiled = try ECMAPattern(pattern)
        #expect(compiled.search(input) == (expected ? .match : .noMatch), "\(pattern) on \(input)")
        #expect(!compiled.usesFoundationFallback)
    }

    @Test func catastrophicBacktrackingIsBounded() throws {
        let pattern = try ECMAPattern("^(a+)+$")
        let input = String(repeating: "a", count: 40) + "b"
        let clock = ContinuousClock()
        let start = clock.now
        #expect(pattern.search(input) == .limitExceeded)
        #expect(clock.now - start < .seconds(2))
        // The same pattern still answers quickly where it can.
        #expect(pattern.search(String(repeating: "a", count: 40)) == .match)
        #expect(try ECMAPattern("^(a|aa)+$").search(String(repeating: "a", count: 60) + "b") == .limitExceeded)
    }

    @Test(arguments: [
        "(", "(?:a", "a)", "[a", "[z-a]", "*a", "a**", "a{3,2}", "\\", "\\e", "\\1", "(?<n>a)\\k<m>",
        "(?P<name>a)", "(?i)a", "(?#comment)", "\\u{110000}", "\\c1", "(?<=a)*", "^*", "\\p{Nonsense=Value}x(",
    ])
    func rejectsInvalidPatterns(pattern: String) {
        #expect(throws: ECMAPatternError.self, "\(pattern)") { try ECMAPattern(pattern) }
    }

    @Test func unsupportedPropertiesFallBackToFoundation() throws {
        let pattern = try ECMAPattern("^\\p{Script=Greek}+$")
        #expect(pattern.usesFoundationFallback)
        #expect(pattern.search("αβγ") == .match)
        #expect(pattern.search("abc") == .noMatch)
    }

    @Test func schemaRejectsInvalidPatternWithPointer() throws {
        let error = try schemaError(#"{"properties": {"id": {"pattern": "^[a-z"}}}"#)
        #expect(error?.pointer == "/properties/id/pattern")
        #expect(error?.kind == .invalid)
        #expect(error?.message.contains("unterminated character class") == true)
    }
}
