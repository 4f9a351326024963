/// A JSON Schema (draft 2020-12), compiled once and then applied to any number of instances,
/// from any number of threads at once (it is immutable).
///
/// Supported: every keyword of the core, applicator, validation and meta-data vocabularies
/// except `$dynamicRef`, `$dynamicAnchor`, `unevaluatedProperties`, `unevaluatedItems` and
/// `$ref`s to other documents — a schema using one of those anywhere a subschema is, is
/// rejected by `init` with a `SchemaError` of kind `.unsupported` pointing at the keyword, never
/// silently ignored. `$ref` resolves `#`, JSON Pointers (with `~0`, `~1` and percent-decoding),
/// `$anchor` names and `$id`-based URIs of resources embedded in the document. `format` and the
/// content keywords are annotations only. Unknown keywords are ignored, as the specification
/// says. `$schema` is not checked: whatever it names, the schema is read as draft 2020-12.
///
/// Patterns are ECMA-262, run by `ECMAPattern`; a pattern whose matching exceeds the engine's
/// step budget counts as not matching, with a violation saying so. `$ref` cycles that would
/// apply a schema to the same value forever are rejected at compile time; validation also gives
/// up (with a violation) beyond `SchemaEvaluator.maximumDepth` nested schema applications.
public final class JSONSchema: Sendable {
    /// The schema as given.
    public let document: JSONValue
    private let nodes: SchemaNodes

    public init(_ schema: JSONValue) throws(SchemaError) {
        document = schema
        nodes = SchemaNodes(try SchemaCompiler.compile(schema))
    }

    /// Every violation of the schema by `instance`, in a fixed order: for each subschema its
    /// own keywords (`type`, `const`, `enum`, then the keywords of the instance's type, with
    /// `required` before the members), members in the instance's order, then `$ref`, `allOf`,
    /// `anyOf`, `oneOf`, `not`, `if`. Within one subschema, a `type` failure hides the other
    /// keywords there; failed `anyOf`/`oneOf` are summarised (see `BranchReport`).
    public func validate(_ instance: JSONValue) -> [SchemaViolation] {
        // Most instances are valid: the fast mode proves it without tracking paths or building messages, and only
        // an invalid instance is walked again to collect every violation.
        if isValid(instance) { return [] }
        var evaluator = SchemaEvaluator(nodes: nodes, collecting: true)
        _ = evaluator.evaluate(0, instance)
        return evaluator.violations
    }

    /// Whether `instance` is valid, stopping at the first failure.
    public func isValid(_ instance: JSONValue) -> Bool {
        var evaluator = SchemaEvaluator(nodes: nodes, collecting: false)
        return evaluator.evaluate(0, instance)
    }
}
