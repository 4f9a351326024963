import JSONSchema
import Testing

/// Parses JSON text in tests, failing the test on invalid JSON.
func json(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> JSONValue {
    do {
        return try JSONParser.parse(text)
    } catch {
        Issue.record("invalid test JSON: \(error)", sourceLocation: sourceLocation)
        throw error
    }
}

/// Compiles a schema written as JSON text.
func schema(_ text: String) throws -> JSONSchema {
    try JSONSchema(try json(text))
}

/// The violations of `instance` against `schema`, both written as JSON text; also checks that
/// `isValid` agrees with `validate`.
func violations(
    _ schemaText: String, _ instanceText: String, sourceLocation: SourceLocation = #_sourceLocation
) throws -> [SchemaViolation] {
    let compiled = try schema(schemaText)
    let instance = try json(instanceText)
    let found = compiled.validate(instance)
    #expect(compiled.isValid(instance) == found.isEmpty, "isValid disagrees with validate", sourceLocation: sourceLocation)
    return found
}

/// The error `JSONSchema.init` throws for a schema written as JSON text, if any.
func schemaError(_ text: String) throws -> SchemaError? {
    let value = try json(text)
    do {
        _ = try JSONSchema(value)
        return nil
    } catch {
        return error
    }
}

extension Array where Element == JSONPathComponent {
    /// `a.b[0].c`, for compact expectations.
    var dotted: String { map(\.description).joined(separator: ".") }
}
