import Foundation
import JSONSchema
import Testing

/// The official JSON-Schema-Test-Suite, draft 2020-12, required files only.
///
/// Where the suite lives: `../shared/conformance/json-schema-test-suite` relative to the package
/// root, or `$MODELREG_CONFORMANCE_DIR/json-schema-test-suite`.
enum ConformanceSuite {
    /// Files for features this validator rejects by design (see `JSONSchema`): all their cases
    /// count as skipped.
    static let skippedFiles: [String: String] = [
        "dynamicRef.json": "$dynamicRef/$dynamicAnchor are not supported",
        "unevaluatedItems.json": "unevaluatedItems is not supported",
        "unevaluatedProperties.json": "unevaluatedProperties is not supported",
        "refRemote.json": "remote $ref is not supported",
        "vocabulary.json": "custom metaschemas and $vocabulary need remote documents",
    ]

    static var draft2020Directory: URL? {
        let root: URL
        if let override = ProcessInfo.processInfo.environment["MODELREG_CONFORMANCE_DIR"], !override.isEmpty {
            root = URL(fileURLWithPath: override)
        } else {
            let packageRoot = URL(fileURLWithPath: #filePath)
                .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            root = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/conformance")
        }
        let directory = root.appendingPathComponent("json-schema-test-suite/tests/draft2020-12")
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue
        else { return nil }
        return directory
    }
}

@Suite struct ConformanceTests {
    @Test(
        "JSON-Schema-Test-Suite draft 2020-12",
        .enabled(
            if: ConformanceSuite.draft2020Directory != nil,
            "Suite not found: put JSON-Schema-Test-Suite at ../shared/conformance/json-schema-test-suite (beside the package root) or set MODELREG_CONFORMANCE_DIR to a folder containing json-schema-test-suite/"))
    func draft2020_12() throws {
        let directory = try #require(ConformanceSuite.draft2020Directory)
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".json") }.sorted()
        var passed = 0
        var failures: [String] = []
        var skipped = 0
        for file in files {
            let data = try Data(contentsOf: directory.appendingPathComponent(file))
            guard case .array(let groups) = try JSONParser.parse([UInt8](data)) else {
                failures.append("\(file): not an array of groups")
                continue
            }
            for case .object(let group) in groups {
                guard case .string(let groupName)? = group["description"], let schemaValue = group["schema"],
                      case .array(let tests)? = group["tests"] else {
                    failures.append("\(file): malformed group")
                    continue
                }
                if ConformanceSuite.skippedFiles[file] != nil {
                    skipped += tests.count
                    continue
                }
                let schema: JSONSchema
                do {
                    schema = try JSONSchema(schemaValue)
                } catch where error.kind == .unsupported {
                    skipped += tests.count
                    continue
                } catch {
                    for case .object(let test) in tests {
                        failures.append("\(file) / \(groupName) / \(Self.description(test)): schema rejected: \(error)")
                    }
                    continue
                }
                for case .object(let test) in tests {
                    guard let data = test["data"], case .bool(let expected)? = test["valid"] else {
                        failures.append("\(file) / \(groupName): malformed test")
                        continue
                    }
                    let fast = schema.isValid(data)
                    let violations = schema.validate(data)
                    if fast == expected && violations.isEmpty == expected {
                        passed += 1
                    } else {
                        let found = violations.map(\.description).joined(separator: "; ")
                        failures.append(
                            "\(file) / \(groupName) / \(Self.description(test)): expected \(expected ? "valid" : "invalid"), isValid=\(fast), validate=[\(found)]")
                    }
                }
            }
        }
        print("json-schema-test-suite draft2020-12: \(passed) passed, \(failures.count) failed, \(skipped) skipped")
        #expect(failures.isEmpty, "\(failures.count) failing cases:\n\(failures.joined(separator: "\n"))")
    }

    private static func description(_ test: JSONObject) -> String {
        if case .string(let text)? = test["description"] { return text }
        return "(no description)"
    }
}
