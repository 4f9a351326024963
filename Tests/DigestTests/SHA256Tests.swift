import Digest
import Testing

@Suite struct SHA256Tests {
    @Test func knownVectors() {
        #expect(SHA256.hash([UInt8]()).hex == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hash(Array("abc".utf8)).hex == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func incrementalEqualsOneShot() {
        let text = Array("The quick brown fox jumps over the lazy dog".utf8)
        let hasher = SHA256()
        hasher.update(text[..<10])
        hasher.update(text[10...])
        #expect(hasher.finalize() == SHA256.hash(text))
        #expect(SHA256.hash(text).hex == "d7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592")
    }
}
