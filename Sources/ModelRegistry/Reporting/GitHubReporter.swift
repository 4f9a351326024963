/// GitHub Actions workflow commands: each finding becomes an annotation at its file and line.
public enum GitHubReporter {
    public static func render(_ findings: [Finding], fileCount: Int) -> String {
        var output = ""
        for finding in findings {
            let command = finding.severity == .error ? "error" : "warning"
            let properties = [
                "file=\(escapeProperty(finding.location.path))",
                "line=\(finding.location.line)",
                "col=\(finding.location.column)",
                "title=\(escapeProperty(finding.ruleID))",
            ].joined(separator: ",")
            var message = finding.message
            for note in finding.notes {
                message += "\n" + (note.location.map { "\($0): " } ?? "") + note.message
            }
            output += "::\(command) \(properties)::\(escapeData(message))\n"
        }
        output += TextReporter(showSource: false, useColor: false).summary(findings, fileCount: fileCount) + "\n"
        return output
    }

    /// Escapes a command's message (`%`, CR, LF).
    static func escapeData(_ text: String) -> String {
        text.replacingAll("%", "%25").replacingAll("\r", "%0D").replacingAll("\n", "%0A")
    }

    /// Escapes a command's property value (also `:` and `,`).
    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingAll(":", "%3A").replacingAll(",", "%2C")
    }
}

extension String {
    func replacingAll(_ target: String, _ replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
