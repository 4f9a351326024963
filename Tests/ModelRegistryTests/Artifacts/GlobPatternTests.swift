import Testing

@testable import ModelRegistry

@Suite struct GlobPatternTests {
    @Test(arguments: [
        // A pattern without `/` matches the name at any depth.
        ("*.bin", "model.bin", true), ("*.bin", "a/b/model.bin", true), ("*.bin", "model.bin.txt", false),
        ("config.json", "1_Pooling/config.json", true), ("config.json", "config.jsonx", false),
        // `*` and `?` stop at `/`.
        ("onnx/*.onnx", "onnx/model.onnx", true), ("onnx/*.onnx", "onnx/sub/model.onnx", false),
        ("onnx/*", "onnx/a", true), ("on?x/a", "onnx/a", true), ("on?x/a", "on/x/a", false), ("?", "", false),
        ("*", "anything", true), ("a*b*c", "aXXbYYc", true), ("a*b*c", "aXXbYY", false), ("*a", "aaa", true),
        // `**` spans segments, also none.
        ("**/*.json", "config.json", true), ("**/*.json", "a/b/c.json", true), ("onnx/**", "onnx/a/b", true),
        ("onnx/**", "onnxx/a", false), ("a/**/b", "a/b", true), ("a/**/b", "a/x/y/b", true), ("a/**/b", "a/x/y/c", false),
        ("**", "x/y", true), ("a/**", "a", true),
        // Anchoring: a `/` anywhere anchors at the folder; a leading `/` or `./` is dropped; a trailing `/` is `/**`.
        ("/config.json", "config.json", true), ("/config.json", "sub/config.json", false), ("./a/b", "a/b", true),
        ("onnx/", "onnx/model.onnx", true), ("onnx/", "other/onnx/model.onnx", false),
        // Sets.
        ("model-[0-9].bin", "model-7.bin", true), ("model-[0-9].bin", "model-x.bin", false),
        ("model-[!0-9].bin", "model-x.bin", true), ("model-[^0-9].bin", "model-7.bin", false),
        ("[]]", "]", true), ("[!]]", "a", true), ("[a-]", "-", true), ("[abc", "[abc", true), ("[é]", "é", true),
        // Escapes.
        ("\\*.bin", "*.bin", true), ("\\*.bin", "x.bin", false), ("a\\?", "a?", true), ("a\\?", "ab", false),
    ] as [(String, String, Bool)])
    func matches(pattern: String, path: String, expected: Bool) {
        #expect(GlobPattern(pattern).matches(path) == expected, "\(pattern) vs \(path)")
    }

    @Test func manyStarsStayFast() {
        let pattern = GlobPattern(String(repeating: "*a", count: 30) + "b")
        let path = String(repeating: "a", count: 200)
        let clock = ContinuousClock()
        let elapsed = clock.measure { #expect(!pattern.matches(path)) }
        #expect(elapsed < .seconds(1))
    }
}
