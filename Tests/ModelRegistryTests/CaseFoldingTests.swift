import Testing

@testable import ModelRegistry

/// The uniqueness rules fold names with `caseFolded`: what `lowercased()` gives, without a copy for a name in lower case.
@Suite struct CaseFoldingTests {
    @Test func itIsLowercasing() {
        let pieces = ["a", "Z", "m", "Q", "-", ".", "0", "/", "É", "é", "ß", "İ", "Σ", "@", "[", "`", "{"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let name = (0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
                .joined()
            #expect(name.caseFolded == name.lowercased(), "\(name.debugDescription)")
        }
        #expect("Model-ABC/Xyz_09".caseFolded == "model-abc/xyz_09")
    }
}
