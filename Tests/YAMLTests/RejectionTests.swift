import Foundation
import Testing
import YAML

@Suite("Rejections")
struct RejectionTests {
    /// Asserts that `text` is rejected with `kind` at `line`:`column`; returns the error.
    @discardableResult
    func expectRejection(
        _ text: String, _ kind: YAMLErrorKind, at line: Int, _ column: Int, limits: YAMLLimits = .default,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) -> YAMLError? {
        expectRejection(Array(text.utf8), kind, at: line, column, limits: limits, sourceLocation: sourceLocation)
    }

    @discardableResult
    func expectRejection(
        _ bytes: [UInt8], _ kind: YAMLErrorKind, at line: Int, _ column: Int, limits: YAMLLimits = .default,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) -> YAMLError? {
        guard let error = rejection(bytes, limits: limits) else {
            Issue.record("accepted, expected \(kind)", sourceLocation: sourceLocation)
            return nil
        }
        #expect(error.kind == kind, "\(error)", sourceLocation: sourceLocation)
        #expect(error.location.line == line, "\(error)", sourceLocation: sourceLocation)
        #expect(error.location.column == column, "\(error)", sourceLocation: sourceLocation)
        #expect(error.location.path == "bad.yaml", sourceLocation: sourceLocation)
        return error
    }

    @Test("libyaml's syntax errors keep its message and mark")
    func syntax() {
        let error = expectRejection("a: 1\nb: [1, 2\nc: 3\n", .syntax, at: 3, 2)
        #expect(error?.message.contains("while parsing a flow sequence") == true)
        let unclosed = expectRejection("a: \"open\n", .syntax, at: 2, 1)
        #expect(unclosed?.message.contains("quoted scalar") == true)
        expectRejection("a: b\n c: d\n", .syntax, at: 2, 3)
        expectRejection("key: value\n- item\n", .syntax, at: 2, 1)
    }

    @Test("syntax error locations count characters after multi-byte text")
    func syntaxAfterMultiByte() {
        let error = expectRejection("ünïcödé: x: y\n", .syntax, at: 1, 11)
        #expect(error?.location.offset == 14)
    }

    @Test("duplicate keys name the key and the first line")
    func duplicateKeys() {
        let error = expectRejection("name: a\nsize: 1\nname: b\n", .duplicateKey, at: 3, 1)
        #expect(error?.message.contains("\"name\"") == true)
        #expect(error?.message.contains("line 1") == true)
        expectRejection("outer:\n  x: 1\n  'x': 2\n", .duplicateKey, at: 3, 3)
        expectRejection("{a: 1, b: 2, a: 3}", .duplicateKey, at: 1, 14)
        // Large mappings switch to a dictionary; the check must still hold.
        var big = ""
        for index in 0..<40 { big += "k\(index): \(index)\n" }
        let late = expectRejection(big + "k7: again\n", .duplicateKey, at: 41, 1)
        #expect(late?.message.contains("line 8") == true)
        // The same key in different mappings is fine.
        #expect(rejection("a: {x: 1}\nb: {x: 1}\n") == nil)
    }

    @Test("invalid YAML that libyaml lets through")
    func strictSyntax() {
        // Comments must follow whitespace.
        expectRejection("key: \"value\"# c\n", .syntax, at: 1, 13)
        expectRejection("[a, b]# c\n", .syntax, at: 1, 7)
        expectRejection("[a, b,# c\n]\n", .syntax, at: 1, 7)
        expectRejection("block: >#c\n  x\n", .syntax, at: 1, 9)
        expectRejection("%YAML 1.2#c\n---\na: 1\n", .syntax, at: 1, 10)
        #expect(rejection("key: \"value\" # c\nplain: a#b\n") == nil)
        // A lone dash is not a plain scalar in flow.
        expectRejection("[-]\n", .syntax, at: 1, 2)
        expectRejection("- [a, -]\n", .syntax, at: 1, 7)
        #expect(rejection("[-a, '-']\n") == nil)
        #expect(rejection("{-: x}\n") == nil)
        // Continuation lines need more indentation than the block around them; tabs don't count.
        let flow = expectRejection("flow: [a,\nb]\n", .syntax, at: 2, 1)
        #expect(flow?.message.contains("line 1") == true)
        expectRejection("outer:\n  quoted: \"a\n  b\"\n", .syntax, at: 3, 3)
        expectRejection("foo: \"bar\n\tbaz\"\n", .syntax, at: 2, 2)
        #expect(rejection("flow: [a,\n b]\nquoted: \"a\n  b\"\n") == nil)
        #expect(rejection("tags: [\n  a, b\n]\n") == nil, "a closing bracket may sit at the parent's indentation")
        // A block scalar's leading empty lines cannot be wider than its first content line.
        expectRejection("s: >\n   \n  x\n", .syntax, at: 3, 3)
        #expect(rejection("s: >\n  \n  x\n") == nil)
    }

    @Test("duplicate keys are scoped to their mapping, at any size")
    func duplicateKeyScopes() {
        var inner = ""
        for index in 0..<40 { inner += "  k\(index): \(index)\n" }
        // Inner keys may repeat outer ones; the outer mapping still sees its own duplicates.
        #expect(rejection("k1: x\nbig:\n" + inner + "k2: y\n") == nil)
        let error = expectRejection("k1: x\nbig:\n" + inner + "k1: again\n", .duplicateKey, at: 43, 1)
        #expect(error?.message.contains("line 1") == true)
        expectRejection("list:\n- a: 1\n  b: 2\n- a: 1\n  a: 2\n", .duplicateKey, at: 5, 3)
    }

    @Test("keys compare as strings: quoting does not matter, canonically equivalent spellings collide")
    func duplicateKeySpellings() {
        expectRejection("1: a\n'1': b\n", .duplicateKey, at: 2, 1)
        expectRejection("caf\u{E9}: a\n\"cafe\u{301}\": b\n", .duplicateKey, at: 2, 1)
        #expect(rejection("1: a\n01: b\n") == nil)
        #expect(rejection("a: 1\nA: 2\n") == nil)
        // The same in a mapping large enough to use its lookup table.
        var big = ""
        for index in 0..<60 { big += "k\(index): \(index)\nkü\(index): \(index)\n" }
        #expect(rejection(big) == nil)
        expectRejection(big + "caf\u{E9}: a\n\"cafe\u{301}\": b\n", .duplicateKey, at: 122, 1)
        expectRejection(big + "k59: again\n", .duplicateKey, at: 121, 1)
        expectRejection(big + "kü3: again\n", .duplicateKey, at: 121, 1)
    }

    /// The first repeated key of random mappings (small and large, ASCII and not, with canonically equivalent
    /// spellings) is the one a plain set of the keys seen finds; the reader's fingerprints and per-mapping bit mask
    /// only skip comparisons that cannot match.
    @Test("duplicate keys are found as a set of strings finds them")
    func duplicateKeysMatchASet() {
        let pool = ["a", "b", "k1", "k2", "caf\u{E9}", "cafe\u{301}", "\u{FC}", "x", "y", "z", "long-key-name"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<400 {
            let count = Int.random(in: 1...40, using: &generator)
            var keys: [String] = []
            for index in 0..<count {
                keys.append(Bool.random(using: &generator) ? pool.randomElement(using: &generator)! : "u\(index)")
            }
            var seen: Set<String> = []
            var expectedLine: Int?
            for (index, key) in keys.enumerated() where !seen.insert(key).inserted {
                expectedLine = index + 1
                break
            }
            let text = keys.enumerated().map { "\"\($0.element)\": \($0.offset)\n" }.joined()
            let error = rejection(text)
            #expect(error?.location.line == expectedLine, "\(keys)")
            if expectedLine != nil { #expect(error?.kind == .duplicateKey) }
        }
    }

    @Test("only scalar keys")
    func nonScalarKeys() {
        let error = expectRejection("? [a, b]\n: c\n", .syntax, at: 1, 3)
        #expect(error?.message.contains("only scalar keys are supported") == true)
        expectRejection("{{a: b}: c}", .syntax, at: 1, 2)
    }

    @Test("one document per file")
    func multipleDocuments() {
        expectRejection("a: 1\n---\nb: 2\n", .multipleDocuments, at: 2, 1)
        expectRejection("--- a\n--- b\n", .multipleDocuments, at: 2, 1)
        expectRejection("a: 1\n...\n--- b\n", .multipleDocuments, at: 3, 1)
        #expect(rejection("---\na: 1\n...\n") == nil)
        #expect(rejection("%YAML 1.2\n---\na: 1\n") == nil)
    }

    @Test("anchors and aliases")
    func anchorsAndAliases() {
        let anchor = expectRejection("base: &b {x: 1}\nother: 2\n", .alias, at: 1, 7)
        #expect(anchor?.message.contains("&b") == true)
        expectRejection("- &a x\n", .alias, at: 1, 3)
        // An alias to an undefined anchor is still an alias (libyaml does not check).
        let alias = expectRejection("a: 1\nb: *x\n", .alias, at: 2, 4)
        #expect(alias?.message.contains("*x") == true)
    }

    @Test("a billion-laughs document is rejected at once")
    func billionLaughs() {
        var text = "lol0: &lol0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        for level in 1...9 {
            let refs = Array(repeating: "*lol\(level - 1)", count: 10).joined(separator: ",")
            text += "lol\(level): &lol\(level) [\(refs)]\n"
        }
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            expectRejection(text, .alias, at: 1, 7)
        }
        #expect(elapsed < .seconds(1))
    }

    @Test("only the core tags")
    func tags() {
        let python = expectRejection("a: !!python/object:os.system x\n", .tag, at: 1, 4)
        #expect(python?.message.contains("!!python/object:os.system") == true)
        expectRejection("a: !custom x\n", .tag, at: 1, 4)
        expectRejection("- ! x\n", .tag, at: 1, 3)
        expectRejection("%TAG !! tag:example.com,2000:\n---\na: !!str x\n", .tag, at: 3, 4)
        expectRejection("a: !!map x\n", .tag, at: 1, 4)
        expectRejection("a: !!str {b: c}\n", .tag, at: 1, 4)
        let invalid = expectRejection("a: !!int twelve\n", .tag, at: 1, 4)
        #expect(invalid?.message.contains("!!int") == true)
        expectRejection("a: !!bool yes\n", .tag, at: 1, 4)
        expectRejection("a: !!float x\n", .tag, at: 1, 4)
        expectRejection("a: !!null 0\n", .tag, at: 1, 4)
        #expect(rejection("a: !!map {b: !!seq [!!str 1, !!int 2, !!float 3, !!bool true, !!null ~]}\n") == nil)
        #expect(rejection("a: !<tag:yaml.org,2002:str> x\n") == nil)
    }

    @Test("invalid UTF-8 is located at its first bad byte")
    func invalidUTF8() {
        let bytes = Array("a: ok\nb: é".utf8) + [0xFF] + Array("\n".utf8)
        let error = expectRejection(bytes, .encoding, at: 2, 5)
        #expect(error?.location.offset == 11)
        #expect(error?.message.contains("0xFF") == true)
        expectRejection([0x61, 0x3A, 0x20, 0xC0, 0x80], .encoding, at: 1, 4)  // overlong NUL
        expectRejection([0x61, 0x3A, 0x20, 0xED, 0xA0, 0x80], .encoding, at: 1, 4)  // surrogate
        expectRejection([0x61, 0x3A, 0x20, 0xE2, 0x82], .encoding, at: 1, 4)  // truncated
    }

    @Test("byte-order marks of other encodings")
    func foreignByteOrderMarks() {
        expectRejection([0xFF, 0xFE, 0x61, 0x00], .encoding, at: 1, 1)
        expectRejection([0xFE, 0xFF, 0x00, 0x61], .encoding, at: 1, 1)
        expectRejection([0x00, 0x00, 0xFE, 0xFF, 0, 0, 0, 0x61], .encoding, at: 1, 1)
        expectRejection([0xFF, 0xFE, 0x00, 0x00, 0x61, 0, 0, 0], .encoding, at: 1, 1)
        #expect(rejection([0xEF, 0xBB, 0xBF] + Array("a: 1\n".utf8)) == nil)
    }

    @Test("control characters are refused where libyaml finds them")
    func controlCharacters() {
        let error = expectRejection("a: 1\nb: x\u{07}y\n", .encoding, at: 2, 5)
        #expect(error?.location.offset == 9)
    }

    @Test("nesting deeper than the limit")
    func depth() {
        let limits = YAMLLimits(maxDepth: 3)
        #expect(rejection("a:\n  b:\n    c: [1]\n", limits: limits)?.kind == .depth)
        #expect(rejection("a:\n  b:\n    c: 1\n", limits: limits) == nil)
        expectRejection("a:\n  b:\n    c:\n      d: 1\n", .depth, at: 4, 7, limits: limits)
        expectRejection("- - - - x\n", .depth, at: 1, 7, limits: limits)
    }

    @Test("20,000 nested brackets are rejected quickly, without deep recursion")
    func deepNesting() {
        let text = String(repeating: "[", count: 20_000) + String(repeating: "]", count: 20_000)
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            expectRejection(text, .depth, at: 1, 65)
        }
        #expect(elapsed < .seconds(1))
        let mappings = String(repeating: "{a: ", count: 20_000) + String(repeating: "}", count: 20_000)
        expectRejection(mappings, .depth, at: 1, 4 * 64 + 1)
    }

    @Test("a raised depth limit is honoured")
    func raisedDepthLimit() throws {
        let depth = 200
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        #expect(rejection(text, limits: YAMLLimits(maxDepth: depth)) == nil)
        #expect(rejection(text, limits: YAMLLimits(maxDepth: depth - 1))?.kind == .depth)
    }

    @Test("input larger than the limit")
    func size() {
        let text = "a: " + String(repeating: "x", count: 100) + "\n"
        let error = expectRejection(text, .size, at: 1, 1, limits: YAMLLimits(maxBytes: 50))
        #expect(error?.message.contains("50") == true)
        #expect(rejection(text, limits: YAMLLimits(maxBytes: text.utf8.count)) == nil)
    }

    @Test("a file's size is checked before it is read")
    func fileSize() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("yaml-size-\(UUID()).yaml")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(("a: " + String(repeating: "x", count: 100) + "\n").utf8).write(to: url)
        #expect {
            try YAMLReader.parse(contentsOf: url.path, displayPath: "big.yaml", limits: YAMLLimits(maxBytes: 50))
        } throws: { error in
            guard let error = error as? YAMLError else { return false }
            return error.kind == .size && error.location.description == "big.yaml:1:1"
        }
    }

    @Test("an unreadable file is a YAMLFileError, not a YAMLError")
    func missingFile() {
        #expect(throws: YAMLFileError.self) {
            try YAMLReader.parse(contentsOf: "/nonexistent/\(UUID()).yaml")
        }
    }

    @Test("errors print like a compiler's")
    func description() throws {
        let error = try #require(rejection("a: 1\na: 2\n"))
        #expect(error.description.hasPrefix("bad.yaml:2:1: error: duplicate key"))
    }
}
