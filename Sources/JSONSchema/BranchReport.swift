/// Turns the violations of every failed `anyOf`/`oneOf` branch into a short report.
///
/// - Every branch failed on `type` at the value itself: one `type` violation merging the
///   expected types ("expected boolean or object, found string \"x\"").
/// - Otherwise the type-mismatched branches are dropped. If the others all failed on the value
///   itself (not inside it), one violation lists each branch's reasons
///   ("no alternative of anyOf matches: … ; or …").
/// - Otherwise the violations of the branch that came closest: fewest `const`/`enum` failures
///   (a failed discriminator means the branch was not meant), then fewest violations, then
///   deepest, then first.
enum BranchReport {
    static func summarize(
        _ branches: [[SchemaViolation]], keyword: String, schemaPath: String,
        instancePath: [JSONPathComponent], value: JSONValue
    ) -> [SchemaViolation] {
        func atValue(_ violation: SchemaViolation) -> Bool {
            violation.instancePath == instancePath && !violation.atKey
        }
        func isTypeMismatch(_ violations: [SchemaViolation]) -> Bool {
            !violations.isEmpty && violations.allSatisfy { ($0.keyword == "type" || $0.keyword == "false") && atValue($0) }
        }
        let candidates = branches.indices.filter { !isTypeMismatch(branches[$0]) }

        if candidates.isEmpty {
            var types: [String] = []
            for violation in branches.joined() {
                for type in violation.expectedTypes where !types.contains(type) { types.append(type) }
            }
            guard !types.isEmpty else {
                return [SchemaViolation(
                    instancePath: instancePath, keyword: keyword, schemaPath: schemaPath,
                    message: "no alternative of \(keyword) matches")]
            }
            return [SchemaViolation(
                instancePath: instancePath, keyword: "type", schemaPath: schemaPath,
                message: "expected \(ViolationText.alternatives(types)), found \(ViolationText.found(value))",
                expectedTypes: types)]
        }

        let allAtValue = candidates.allSatisfy { branches[$0].allSatisfy(atValue) }
        if candidates.count >= 2 && allAtValue {
            let reasons = candidates.map { branches[$0].map(\.message).joined(separator: ", ") }
            return [SchemaViolation(
                instancePath: instancePath, keyword: keyword, schemaPath: schemaPath,
                message: "no alternative of \(keyword) matches: " + reasons.joined(separator: "; or "))]
        }

        func score(_ branch: Int) -> (Int, Int, Int, Int) {
            let violations = branches[branch]
            let discriminators = violations.filter { $0.keyword == "const" || $0.keyword == "enum" }.count
            let depth = violations.map(\.instancePath.count).max() ?? 0
            return (discriminators, violations.count, -depth, branch)
        }
        let best = candidates.min { score($0) < score($1) }!
        guard !branches[best].isEmpty else {
            return [SchemaViolation(
                instancePath: instancePath, keyword: keyword, schemaPath: schemaPath,
                message: "no alternative of \(keyword) matches")]
        }
        return branches[best]
    }
}
