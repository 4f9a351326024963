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

    @Test func batchEqualsOneByOne() {
        let currentDirectory = FileManager.default.currentDirectoryPath
        let folders = ["/r/registry", "/r/registry/", "registry", "./registry", "../up/registry", "/", "/r/a/b/c/d/registry", "/r/registry/./sub/.."]
        let bases = ["/r", "/r/registry", "/r/registry/x.yaml", "/r/registry/x.yaml/deeper", "/elsewhere", "/r/a/b/c/d/e", currentDirectory, "/"]
        for folder in folders {
            let paths = ["x.yaml", "y.yml", "x.yaml", "z.yaml"].map { folder.hasSuffix("/") ? folder + $0 : folder + "/" + $0 }
            for base in bases {
                let batch = RegistryLocator.displayPaths(paths, relativeTo: base)
                #expect(batch == paths.map { expected($0, base: base, currentDirectory: currentDirectory) }, "\(folder) from \(base)")
            }
        }
        #expect(RegistryLocator.displayPath("/r/registry/x.yaml", relativeTo: "/r") == "registry/x.yaml")
        #expect(RegistryLocator.displayPath("/r/registry/x.yaml", relativeTo: "/r/registry/sub") == "../x.yaml")
    }
}
