import Foundation
import Testing
import YAML

/// Properties that hold for any input: the reader returns, and every location it reports — on a
/// node or on an error — agrees with the byte offset it carries.
@Suite("Robustness")
struct RobustnessTests {
    static let samples: [String] = [
        "name: bert\nversion: 1.10\ntags: [nlp, \"encoder\"]\nfiles:\n  - path: model.bin\n    bytes: 0x10\n",
        "désc: >-\n  ünïcode ☃ text\n  folded\nlist:\n- 'a'\n- \"b\\u00e9\"\n- {k: v, ü: [1, 2]}\n",
        "a: |\n  x\n\n  y\n\n\nb: >-\n  é\nc: [1,\n  2]\n# end ✓\n",
        "\u{FEFF}key: value\r\nother: \"x\r\n  y\"\r\n",
        "? complex\n: value\n? [a]\n: b\n",
        "- &a x\n- *a\n- !!str 1\n- !custom y\n",
    ]

    @Test("locations on accepted samples agree with their offsets")
    func samplesAgree() throws {
        for sample in Self.samples {
            let bytes = Array(sample.utf8)
            guard let root = try? YAMLReader.parse(bytes, path: "s.yaml") else { continue }
            checkLocations(root, in: bytes)
        }
    }

    @Test("mutated inputs never crash and report sane locations")
    func mutations() {
        var random = SplitMix64(seed: 0x5EED)
        let alphabet = Array("-:?[]{},#&*!|>'\"%@` \t\n\r\u{0}ü☃\u{85}\u{2028}abc019.~".utf8) + [0xFF, 0xC3, 0xE2]
        var accepted = 0
        for round in 0..<3000 {
            var bytes = Array(Self.samples[round % Self.samples.count].utf8)
            for _ in 0..<(1 + Int(random.next() % 4)) {
                let position = Int(random.next() % UInt64(bytes.count + 1))
                switch random.next() % 3 {
                case 0: bytes.insert(alphabet[Int(random.next() % UInt64(alphabet.count))], at: position)
                case 1: if position < bytes.count { bytes.remove(at: position) }
                default: bytes = Array(bytes[..<position])
                }
            }
            do {
                if let root = try YAMLReader.parse(bytes, path: "m.yaml") {
                    accepted += 1
                    checkLocations(root, in: bytes)
                }
            } catch {
                #expect(error.location.line >= 1 && error.location.column >= 1, "\(error)")
                #expect(error.location.offset >= 0 && error.location.offset <= bytes.count, "\(error)")
                let expected = LinePositions(bytes).lineAndColumn(at: error.location.offset)
                #expect(
                    expected.line == error.location.line && expected.column == error.location.column,
                    "\(error) at byte \(error.location.offset) in \(bytes)")
            }
        }
        #expect(accepted > 100)
    }

    @Test(
        "locations on every accepted yaml-test-suite case agree with their offsets",
        .enabled(if: YAMLTestSuite.isAvailable, YAMLTestSuite.missing)
    )
    func suiteAgrees() throws {
        for folder in YAMLTestSuite.cases() {
            let bytes = try [UInt8](Data(contentsOf: folder.appendingPathComponent("in.yaml")))
            do {
                if let root = try YAMLReader.parse(bytes, path: "in.yaml") { checkLocations(root, in: bytes) }
            } catch {
                let expected = LinePositions(bytes).lineAndColumn(at: error.location.offset)
                #expect(
                    expected.line == error.location.line && expected.column == error.location.column,
                    "\(folder.lastPathComponent): \(error) at byte \(error.location.offset)")
            }
        }
    }

    /// Walks the tree without recursion and checks every node's start and end.
    func checkLocations(_ root: YAMLNode, in bytes: [UInt8], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let positions = LinePositions(bytes)
        var pending = [root]
        while let node = pending.popLast() {
            #expect(node.start.offset <= node.end.offset, "\(node.start) > \(node.end)", sourceLocation: sourceLocation)
            for location in [node.start, node.end] {
                let expected = positions.lineAndColumn(at: location.offset)
                #expect(
                    expected.line == location.line && expected.column == location.column,
                    "\(location) at byte \(location.offset) should be \(expected.line):\(expected.column)",
                    sourceLocation: sourceLocation)
            }
            switch node.content {
            case .scalar: break
            case .sequence(let items): pending.append(contentsOf: items)
            case .mapping(let pairs): for pair in pairs { pending.append(contentsOf: [pair.key, pair.value]) }
            }
        }
    }
}

/// Line and column of a byte offset, computed independently of the reader: lines end at LF, CR LF,
/// CR, NEL, LS and PS (as libyaml counts them), columns count Unicode scalars, and a leading
/// UTF-8 byte-order mark takes no column.
struct LinePositions {
    let bytes: [UInt8]
    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func lineAndColumn(at offset: Int) -> (line: Int, column: Int) {
        var line = 1, column = 1
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while index < offset {
            let rest = bytes[index...]
            let breakLength =
                rest.starts(with: [0x0D, 0x0A]) ? 2
                : rest.starts(with: [0x0A]) || rest.starts(with: [0x0D]) ? 1
                : rest.starts(with: [0xC2, 0x85]) ? 2
                : rest.starts(with: [0xE2, 0x80, 0xA8]) || rest.starts(with: [0xE2, 0x80, 0xA9]) ? 3 : 0
            if breakLength > 0 && index + breakLength <= offset {
                line += 1
                column = 1
                index += breakLength
                continue
            }
            index += 1
            while index < bytes.count && bytes[index] & 0xC0 == 0x80 { index += 1 }
            column += 1
        }
        return (line, column)
    }
}

/// A small deterministic generator, so failures reproduce.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
