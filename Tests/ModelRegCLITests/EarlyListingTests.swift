import Foundation
import Testing

@testable import ModelRegCLI
import ModelRegistry

/// The registry listing `verify` starts before its arguments are parsed. The tests share one pending listing, so
/// they run one at a time.
@Suite(.serialized) struct EarlyListingTests {
    @Test func theFolderIsGuessedAsTheOptionsWillFindIt() {
        #expect(EarlyListing.guessedDirectory(["--registry", "some/dir", "--format", "json"]) == "some/dir")
        #expect(EarlyListing.guessedDirectory(["--format", "json", "--registry=other"]) == "other")
        #expect(EarlyListing.guessedDirectory(["--registry"]) == nil, "an option without its value guesses nothing")
    }

    @Test func theListingIsTakenOnceAndOnlyForItsFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("modelreg-early-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for name in ["b.yaml", "a.yaml", ".hidden.yaml", "notes.txt", "c.yml"] {
            try "id: x\n".write(toFile: folder + "/" + name, atomically: true, encoding: .utf8)
        }
        let expected = try RegistryInputs.of(directory: folder)
        #expect(expected.map(\.path) == ["a.yaml", "b.yaml", "c.yml"].map { folder + "/" + $0 })

        EarlyListing.start(arguments: ["--registry", folder])
        #expect(EarlyListing.take(for: folder) == expected)
        #expect(EarlyListing.take(for: folder) == nil, "taken once")

        EarlyListing.start(arguments: ["--registry", folder])
        #expect(EarlyListing.take(for: folder + "/") == nil, "another folder string lists again")
        #expect(EarlyListing.take(for: folder) == nil, "a listing that did not fit is dropped")

        EarlyListing.start(arguments: ["--registry", folder + "/missing"])
        #expect(EarlyListing.take(for: folder + "/missing") == nil, "a failed listing leaves the error to the command")
    }
}
