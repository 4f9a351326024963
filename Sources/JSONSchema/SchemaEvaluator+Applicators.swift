/// `$ref`, `allOf`, `anyOf`, `oneOf`, `not`, `if`/`then`/`else`.
extension SchemaEvaluator {
    mutating func checkApplicators(_ rules: RuleBox<SchemaNode.Applicators>, _ node: SchemaNode, _ value: JSONValue) -> Bool {
        var valid = true
        if let ref = rules.value.ref, !evaluate(ref, value) {
            guard collecting else { return false }
            valid = false
        }
        for branch in rules.value.allOf where !evaluate(branch, value) {
            guard collecting else { return false }
            valid = false
        }
        if !rules.value.anyOf.isEmpty, !rules.value.anyOf.contains(where: { passes($0, value) }) {
            guard collecting else { return false }
            valid = false
            reportBranches(rules.value.anyOf, node, keyword: "anyOf", value)
        }
        if !rules.value.oneOf.isEmpty {
            var matching: [Int] = []
            for (position, branch) in rules.value.oneOf.enumerated() where passes(branch, value) {
                matching.append(position)
                if matching.count > 1 && !collecting { return false }
            }
            if matching.count != 1 {
                guard collecting else { return false }
                valid = false
                if matching.isEmpty {
                    reportBranches(rules.value.oneOf, node, keyword: "oneOf", value)
                } else {
                    let numbers = matching.map { "#\($0)" }
                    let list = numbers.dropLast().joined(separator: ", ") + " and " + numbers[numbers.count - 1]
                    report(node.path("oneOf"), "oneOf",
                           "value matches \(matching.count) schemas of oneOf (\(list)); it must match exactly one")
                }
            }
        }
        if let not = rules.value.not, passes(not, value) {
            guard collecting else { return false }
            valid = false
            report(node.path("not"), "not", "\(ViolationText.quoted(value)) must not match the schema in `not`")
        }
        if let condition = rules.value.if {
            let branch = passes(condition, value) ? rules.value.then : rules.value.else
            if let branch, !evaluate(branch, value) {
                guard collecting else { return false }
                valid = false
            }
        }
        return valid
    }

    /// Collects each failed branch's violations and reports them as `BranchReport` summarises.
    mutating func reportBranches(_ branches: [Int], _ node: SchemaNode, keyword: String, _ value: JSONValue) {
        var results: [[SchemaViolation]] = []
        for branch in branches {
            let start = violations.count
            _ = evaluate(branch, value)
            results.append(Array(violations[start...]))
            violations.removeSubrange(start...)
        }
        violations += BranchReport.summarize(
            results, keyword: keyword, schemaPath: node.path(keyword), instancePath: path, value: value)
    }
}
