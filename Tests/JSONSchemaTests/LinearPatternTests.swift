import Testing

@testable import JSONSchema

/// The one-pass matcher answers as the backtracking matcher does, for every pattern it takes.
@Suite struct LinearPatternTests {
    func program(_ source: String) throws -> PatternProgram {
        let (node, captures) = try PatternParser.parse(source)
        return try PatternProgram(node, captures: captures)
    }

    @Test func theModelSchemasPatternsAreLinear() throws {
        for source in [
            "^[0-9a-f]{64}$", "^[0-9a-f]{40}$", "^[a-z][a-z0-9-]*$", "^[a-z0-9][a-z0-9_.-]*$",
            "^[A-Za-z0-9][A-Za-z0-9._-]*/[A-Za-z0-9][A-Za-z0-9._-]*$", "^$", "^\\w+$", "^[a-z]*-?[0-9]+$",
        ] {
            #expect(try program(source).linear != nil, "\(source)")
        }
        // Not this shape: groups, alternation, an unanchored end, a class beyond ASCII or negated, a varying atom
        // that shares characters with a later one.
        for source in [
            "^[a-z0-9]+([.-][a-z0-9]+)*$", "^(a|b)$", "^[a-z]+", "[a-z]+$", "^[é]$", "^[^a]$", "^[a-z]+[a-c]$",
            "^a*a$", "^[a-z]*-?[a-z]$", "^[a-z]*-?[a-z]*$",
        ] {
            #expect(try program(source).linear == nil, "\(source)")
        }
    }

    @Test func itAgreesWithBacktrackingOnRandomPatternsAndInputs() throws {
        let atoms = ["a", "b", "-", "[a-c]", "[0-9]", "[a-z0-9-]", "[-.]", "[^a]", "\\d", "[A-Z]", "é"]
        let counts = ["", "*", "+", "?", "{2}", "{1,3}", "{0,2}", "*?", "{2,}"]
        let characters: [Character] = ["a", "b", "c", "-", ".", "0", "9", "Z", "x", "é", "\n"]
        var generator = SystemRandomNumberGenerator()
        var linearPrograms = 0
        for _ in 0..<600 {
            var source = "^"
            for _ in 0..<Int.random(in: 0...4, using: &generator) {
                source += atoms.randomElement(using: &generator)! + counts.randomElement(using: &generator)!
            }
            source += "$"
            let program = try program(source)
            guard program.linear != nil else { continue }
            linearPrograms += 1
            for _ in 0..<40 {
                let input = String((0..<Int.random(in: 0...6, using: &generator)).map { _ in
                    characters.randomElement(using: &generator)!
                })
                #expect(
                    PatternMatcher.search(program, in: input) == PatternMatcher.search(program, in: input, backtracking: true),
                    "\(source) on \(input.debugDescription)")
            }
        }
        #expect(linearPrograms > 100, "too few patterns took the one-pass path to compare: \(linearPrograms)")
    }
}
