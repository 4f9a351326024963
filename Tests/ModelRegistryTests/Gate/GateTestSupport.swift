import Testing

@testable import ModelRegistry

/// Model files for the gate's unit tests.
enum GateFixtures {
    static let hello = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"
    static let helloAggregate = "d45241e4682ab41c40d959c6e5ed4ad85ce3f95b726aaf89ac78c349bd84dfa4"
    static let world = "486ea46224d1bb4fb680f34f7c9ad96a8f24ec88be73ea8e5a6c65260e9cb8a7"
    static let worldAggregate = "828245fa21333ff9c8ff05933a9d45dff5079cba32bd562e6904d8df6c272b74"

    /// A locked model: `model.onnx`'s sha256 on line 10, the aggregate on 12, `locked:` on 14, the expected hash on 15.
    static func locked(
        _ id: String = "m", file: String = hello, aggregate: String = helloAggregate, expected: String? = nil,
        locked: String = "true", extra: String = ""
    ) -> String {
        """
        schema_version: 1
        id: \(id)
        name: \(id)
        type: dense
        license: mit
        description: A locked test model.
        artifacts:
          files:
            - path: model.onnx
              sha256: \(file)
              size: 5
          aggregate_sha256: \(aggregate)
        version_lock:
          locked: \(locked)
          expected_aggregate_sha256: \(expected ?? aggregate)
          last_verified: "2026-01-15T10:00:00Z"

        """ + extra
    }

    static func plain(_ id: String, extra: String = "") -> String {
        "schema_version: 1\nid: \(id)\nname: \(id)\ntype: dense\nlicense: mit\ndescription: Plain.\n" + extra
    }

    static func document(_ text: String, path: String? = nil) throws -> ModelDocument {
        let path = path ?? RuleExample.defaultPath(for: text)
        guard case .document(let document) = DocumentLoader().load(bytes: Array(text.utf8), displayPath: path) else {
            throw GateFixtureError(message: "not a readable model file: \(text)")
        }
        return document
    }

    /// The change findings of every change rule, sorted.
    static func changeFindings(before: [String], after: [String]) throws -> [ChangeFinding] {
        let change = RegistryChange(base: try before.map { try document($0) }, head: try after.map { try document($0) })
        var findings: [ChangeFinding] = []
        for rule in RuleCatalog.changeRules { rule.check(change, into: &findings) }
        return findings.sorted { $0.finding < $1.finding }
    }
}

struct GateFixtureError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
