import JSONSchema

/// One JSON document: `{"findings": [...], "summary": {...}}`, the same fields as the text output.
public enum JSONReporter {
    public static func render(_ findings: [Finding], fileCount: Int) -> String {
        value(findings, fileCount: fileCount).serialized(pretty: true) + "\n"
    }

    /// The document as a value, for commands that add their own members (`modelreg gate`).
    public static func value(_ findings: [Finding], fileCount: Int) -> JSONValue {
        let items: [JSONValue] = findings.map { finding in
            .object(
                JSONObject([
                    ("path", .string(finding.location.path)),
                    ("line", .integer(finding.location.line)),
                    ("column", .integer(finding.location.column)),
                    ("severity", .string(finding.severity.rawValue)),
                    ("rule", .string(finding.ruleID)),
                    ("message", .string(finding.message)),
                    ("notes", .array(finding.notes.map(note))),
                ]))
        }
        let summary = JSONValue.object(
            JSONObject([
                ("files", .integer(fileCount)),
                ("errors", .integer(findings.count { $0.severity == .error })),
                ("warnings", .integer(findings.count { $0.severity == .warning })),
            ]))
        return JSONValue.object(JSONObject([("findings", .array(items)), ("summary", summary)]))
    }

    static func note(_ note: FindingNote) -> JSONValue {
        var object = JSONObject()
        if let location = note.location {
            object["path"] = .string(location.path)
            object["line"] = .integer(location.line)
            object["column"] = .integer(location.column)
        }
        object["message"] = .string(note.message)
        return .object(object)
    }
}
