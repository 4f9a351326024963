import JSONSchema

/// SARIF 2.1.0, the format code-scanning dashboards read.
public enum SARIFReporter {
    public static let informationURI = "https://github.com/modelreg/modelreg"

    public static func render(_ findings: [Finding], toolVersion: String) -> String {
        let usedRules = Set(findings.map(\.ruleID))
        let rules = RuleCatalog.all.filter { usedRules.contains($0.id) }
        let ruleIndex = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.id, $0) })
        let driver = JSONValue.object(
            JSONObject([
                ("name", .string("modelreg")),
                ("version", .string(toolVersion)),
                ("informationUri", .string(informationURI)),
                ("rules", .array(rules.map(rule))),
            ]))
        let results: [JSONValue] = findings.map { finding in
            var object = JSONObject([
                ("ruleId", .string(finding.ruleID)),
                ("level", .string(finding.severity == .error ? "error" : "warning")),
                ("message", .object(JSONObject([("text", .string(finding.message))]))),
                ("locations", .array([location(finding.location)])),
            ])
            if let index = ruleIndex[finding.ruleID] { object["ruleIndex"] = .integer(index) }
            let related = finding.notes.compactMap { note -> JSONValue? in
                guard let place = note.location, case .object(var related) = location(place) else { return nil }
                related["message"] = .object(JSONObject([("text", .string(note.message))]))
                return .object(related)
            }
            if !related.isEmpty { object["relatedLocations"] = .array(related) }
            return .object(object)
        }
        let run = JSONValue.object(
            JSONObject([
                ("tool", .object(JSONObject([("driver", driver)]))),
                ("results", .array(results)),
            ]))
        return JSONValue.object(
            JSONObject([
                ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
                ("version", .string("2.1.0")),
                ("runs", .array([run])),
            ])
        ).serialized(pretty: true) + "\n"
    }

    static func rule(_ description: RuleDescription) -> JSONValue {
        .object(
            JSONObject([
                ("id", .string(description.id)),
                ("shortDescription", .object(JSONObject([("text", .string(description.summary))]))),
                ("fullDescription", .object(JSONObject([("text", .string(description.rationale))]))),
                ("helpUri", .string("\(informationURI)/blob/main/docs/rules.md#\(description.id)")),
                (
                    "defaultConfiguration",
                    .object(JSONObject([("level", .string(description.severity == .error ? "error" : "warning"))]))
                ),
            ]))
    }

    static func location(_ location: SourceLocation) -> JSONValue {
        .object(
            JSONObject([
                (
                    "physicalLocation",
                    .object(
                        JSONObject([
                            ("artifactLocation", .object(JSONObject([("uri", .string(location.path))]))),
                            (
                                "region",
                                .object(
                                    JSONObject([
                                        ("startLine", .integer(location.line)),
                                        ("startColumn", .integer(location.column)),
                                    ]))
                            ),
                        ]))
                )
            ]))
    }
}
