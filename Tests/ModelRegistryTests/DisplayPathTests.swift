import Foundation
import Testing

@testable import ModelRegistry

/// Display paths worked out once per folder equal those worked out file by file.
@Suite struct DisplayPathTests {
    /// The rule, written out plainly: relative to the base when that is at most three `..` away, else absolute.
    func expected(_ path: String, base: String, currentDirectory: String) -> String {
        func components(_ path: String) -> [String] {
            var result: [String] = []
            for part in ((path.hasPrefix("/") ? "" : currentDirectory + "/") + path).split(separator: "/") {
                if part == "." { continue }
                if part == ".." { if !result.isEmpty { result.removeLast() }; continue }
                result.append(String(part))
            }
            return result
        }
        let target = components(path)
        let from = components(base)
        var common = 0
        while common < min(target.count, from.count), target[common] == from[common] { common += 1 }
        let ups = from.count - common
        if common == 0 || ups > 3 { return "/" + target.joined(separator: "/") }
        let parts = Array(repeating: "..", count: ups) + target[common...]
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }

    @Test func aFolderListedOnceEqualsOneByOne() throws {
        let root = FileManager.default.temporaryDirectory.path + "/display-\(UInt32.random(in: 0...UInt32.max))"
        defer { try? FileManager.default.removeItem(atPath: root) }
        let folder = root + "/r/registry"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/r/sub", withIntermediateDirectories: true)
        for name in ["x.yaml", "y.yml", "z.yaml", ".hidden.yaml", "notes.txt"] {
            FileManager.default.createFile(atPath: folder + "/" + name, contents: Data("id: a\n".utf8))
        }
        let currentDirectory = FileManager.default.currentDirectoryPath
        let bases = [root + "/r", folder, folder + "/x.yaml", folder + "/x.yaml/deeper", folder + "/sub", root + "/elsewhere",
                     root + "/r/a/b/c/d", currentDirectory, "/"]
        for directory in [folder, folder + "/", root + "/r/./registry", root + "/r/sub/../registry"] {
            for base in bases {
                let inputs = try RegistryLocator.modelFileInputs(in: directory, relativeTo: base)
                #expect(inputs.map { ($0.path as NSString).lastPathComponent } == ["x.yaml", "y.yml", "z.yaml"])
                #expect(
                    inputs.map(\.displayPath) == inputs.map { expected($0.path, base: base, currentDirectory: currentDirectory) },
                    "\(directory) from \(base)")
            }
        }
        #expect(RegistryLocator.displayPath("/r/registry/x.yaml", relativeTo: "/r") == "registry/x.yaml")
        #expect(RegistryLocator.displayPath("/r/registry/x.yaml", relativeTo: "/r/registry/sub") == "../x.yaml")
    }

    /// A folder is listed in the order of its names' bytes, whatever order the file system returns them in: names
    /// that share their first sixteen bytes, names that are prefixes of others, capitals and non-ASCII names.
    @Test func aFolderIsListedInTheOrderOfItsNamesBytes() throws {
        let folder = FileManager.default.temporaryDirectory.path + "/listing-\(UInt32.random(in: 0...UInt32.max))"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var models = [
            "a.yaml", "a.yml", "ab.yaml", "B.yaml", "b.yaml", "é.yaml", "z.yaml", "zé.yml", "~.yaml", "0.yaml",
            "same-sixteen-byte-prefix-b.yaml", "same-sixteen-byte-prefix-a.yaml", "same-sixteen-byte-prefix.yaml",
            "same-sixteen-byte.yaml", "same-sixteen-byt.yaml",
        ]
        for index in 0..<40 { models.append("model-\(Int.random(in: 0...99_999))-\(index).yaml") }
        let others = [".hidden.yaml", "notes.txt", "b.YML", "c.yaml.bak", "yaml", ".yml"]
        for name in models + others {
            FileManager.default.createFile(atPath: folder + "/" + name, contents: Data("id: a\n".utf8))
        }
        let expected = models.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        #expect(try RegistryLocator.modelFileNames(in: folder) == expected)
    }
}
