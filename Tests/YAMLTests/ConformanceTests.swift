import Foundation
import Testing
import YAML

/// Where the yaml-test-suite lives: `$MODELREG_CONFORMANCE_DIR/yaml-test-suite` when that variable
/// is set, else `../shared/conformance/yaml-test-suite` beside the package root.
enum YAMLTestSuite {
    static var directory: URL {
        if let override = ProcessInfo.processInfo.environment["MODELREG_CONFORMANCE_DIR"], !override.isEmpty {
            return URL(fileURLWithPath: override).appendingPathComponent("yaml-test-suite")
        }
        let packageRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // YAMLTests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()
        return packageRoot.appendingPathComponent("../shared/conformance/yaml-test-suite").standardizedFileURL
    }

    static var isAvailable: Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory)
            && isDirectory.boolValue
    }

    /// Why the suite's tests are skipped when it is missing.
    static var missing: Comment {
        Comment(
            rawValue: "yaml-test-suite not found at \(directory.path): put the suite's data "
                + "(case folders with in.yaml, error, in.json) there, or set MODELREG_CONFORMANCE_DIR "
                + "to a folder holding yaml-test-suite/")
    }

    /// Every folder holding an `in.yaml` (some cases have numbered sub-cases), sorted.
    static func cases() -> [URL] {
        guard let walker = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil) else {
            return []
        }
        var folders: [URL] = []
        for case let url as URL in walker where url.lastPathComponent == "in.yaml" {
            folders.append(url.deletingLastPathComponent())
        }
        return folders.sorted { $0.path < $1.path }
    }
}

@Suite("yaml-test-suite conformance")
struct ConformanceTests {
    @Test(
        "every case returns, and every invalid case is rejected",
        // Skipped, not passed, when the suite is missing.
        .enabled(
            if: YAMLTestSuite.isAvailable,
            YAMLTestSuite.missing
        ),
        .timeLimit(.minutes(1))
    )
    func suite() throws {
        let cases = YAMLTestSuite.cases()
        #expect(!cases.isEmpty)
        let root = YAMLTestSuite.directory.path
        var accepted = 0, rejected = 0, expectedErrors = 0, caughtErrors = 0
        var compared = 0, agreed = 0
        var disagreements: [String] = []
        var policyRejections: [YAMLErrorKind: Int] = [:]
        for folder in cases {
            let name = String(folder.path.dropFirst(root.count + 1))
            let input = try [UInt8](Data(contentsOf: folder.appendingPathComponent("in.yaml")))
            let mustFail = FileManager.default.fileExists(atPath: folder.appendingPathComponent("error").path)
            if mustFail { expectedErrors += 1 }
            let result = Result { () throws(YAMLError) in try YAMLReader.parse(input, path: name) }
            switch result {
            case .failure(let error):
                rejected += 1
                if mustFail { caughtErrors += 1 } else { policyRejections[error.kind, default: 0] += 1 }
            case .success(let node):
                accepted += 1
                #expect(!mustFail, "\(name) is invalid YAML but was accepted")
                let jsonURL = folder.appendingPathComponent("in.json")
                guard !mustFail, let json = try? String(contentsOf: jsonURL, encoding: .utf8) else { continue }
                compared += 1
                let expected = JSONValue.documents(json)
                let actual = node.map { [JSONValue($0)] } ?? []
                if let expected, expected == actual {
                    agreed += 1
                } else {
                    disagreements.append(name)
                }
            }
        }
        print(
            "yaml-test-suite: \(cases.count) cases, \(accepted) accepted, \(rejected) rejected "
                + "(\(caughtErrors) of \(expectedErrors) expected errors), "
                + "agreement with in.json: \(agreed) of \(compared)")
        let policy = YAMLErrorKind.allCases.compactMap { kind in
            policyRejections[kind].map { "\(kind.rawValue) \($0)" }
        }
        print("yaml-test-suite: valid cases rejected (by policy, or beyond libyaml 0.2.5): \(policy.joined(separator: ", "))")
        if !disagreements.isEmpty {
            print("yaml-test-suite: differs from in.json: \(disagreements.joined(separator: " "))")
        }
        #expect(caughtErrors == expectedErrors)
    }
}
