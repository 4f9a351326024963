import JSONSchema
import YAML

/// Every violation of the JSON Schema, reported at the offending node.
public struct SchemaRule: DocumentRule {
    public static let description = RuleDescription(
        id: "schema",
        summary: "The file conforms to the model JSON Schema (types, required fields, enums, patterns, no unknown keys).",
        rationale: """
            The schema is the single source of truth for the structure of a model file; editors use it for completion \
            and modelreg validates every file against it. Unknown keys are errors so that a typo never hides a field: \
            anything that does not fit elsewhere belongs under `metadata`.
            """,
        valid: [
            RuleExample(
                """
                schema_version: 1
                id: tiny-embedder
                name: Tiny Embedder
                type: dense
                license: mit
                description: A small dense embedding model.
                metadata:
                  anything: goes here
                """)
        ],
        invalid: [
            RuleExample(
                """
                schema_version: 1
                id: tiny-embedder
                name: Tiny Embedder
                type: ↓dense-ish
                license: mit
                description: A small dense embedding model.
                """),
            RuleExample(
                """
                schema_version: 1
                id: tiny-embedder
                name: Tiny Embedder
                type: dense
                license: mit
                description: A small dense embedding model.
                ↓dimension: 384
                """),
            RuleExample(
                """
                ↓schema_version: 1
                id: tiny-embedder
                name: Tiny Embedder
                type: dense
                description: A license is required.
                """),
            RuleExample(
                """
                schema_version: 1
                id: tiny-embedder
                name: Tiny Embedder
                type: dense
                license: mit
                description: A version-like number must be quoted.
                architecture:
                  variant: ↓1.10
                """),
        ]
    )

    public init() {}

    public func check(_ document: ModelDocument, context: LintContext, into findings: inout [Finding]) {
        for violation in context.schema.violations(of: document.value) {
            let location = document.location(of: violation.instancePath, atKey: violation.atKey)
            var message = violation.message
            if violation.keyword == "type", let row = document.row(at: violation.instancePath),
                let scalar = document.outline.scalar(at: row), let hint = Self.hint(for: scalar, expected: violation.expectedTypes)
            {
                message += "; " + hint
            }
            findings.append(document.finding(Self.self, at: location, message))
        }
    }

    /// Explains the YAML 1.2 readings that surprise people: `1.10` is a number, `yes` is a string.
    static func hint(for scalar: YAMLScalar, expected: [String]) -> String? {
        guard scalar.style == .plain else { return nil }
        switch scalar.resolved {
        case .int, .float, .bool, .null:
            if expected.contains("string") {
                return "YAML reads `\(scalar.text)` as a \(Self.kind(of: scalar.resolved)); quote it (\"\(scalar.text)\") to keep it a string"
            }
        case .string(let text):
            let lowered = text.lowercased()
            if expected.contains("boolean"), ["yes", "no", "on", "off", "y", "n"].contains(lowered) {
                return "YAML 1.2 reads `\(text)` as a string, not a boolean; write true or false"
            }
        }
        return nil
    }

    private static func kind(of value: ResolvedScalar) -> String {
        switch value {
        case .int: return "number"
        case .float(let number): return "number (\(number))"
        case .bool: return "boolean"
        case .null: return "null"
        case .string: return "string"
        }
    }
}
