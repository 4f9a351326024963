/// JUnit XML, the test-report format CI systems display: one test suite, one test case per checked file, and a
/// `<failure>` per error in that file. Warnings do not fail a test case; they are listed in its `<system-out>`.
public enum JUnitReporter {
    /// `files` are the files that were checked; a finding in any other file adds a test case for it.
    public static func render(_ findings: [Finding], files: [String], suiteName: String = "modelreg") -> String {
        var byPath: [String: [Finding]] = [:]
        for finding in findings { byPath[finding.location.path, default: []].append(finding) }
        var paths = files
        var listed = Set(files)
        for finding in findings where listed.insert(finding.location.path).inserted { paths.append(finding.location.path) }

        let failures = findings.count { $0.severity == .error }
        var cases = ""
        for path in paths {
            let found = byPath[path] ?? []
            cases += "    <testcase classname=\"\(escape(suiteName))\" name=\"\(escape(path))\" file=\"\(escape(path))\""
            guard !found.isEmpty else {
                cases += "/>\n"
                continue
            }
            cases += ">\n"
            for finding in found where finding.severity == .error {
                cases += "      <failure type=\"\(escape(finding.ruleID))\" message=\"\(escape(finding.message))\">"
                cases += escape(text(finding)) + "</failure>\n"
            }
            let warnings = found.filter { $0.severity == .warning }
            if !warnings.isEmpty {
                cases += "      <system-out>" + escape(warnings.map(text).joined(separator: "\n")) + "</system-out>\n"
            }
            cases += "    </testcase>\n"
        }
        let counts = "tests=\"\(paths.count)\" failures=\"\(failures)\" errors=\"0\""
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="\(escape(suiteName))" \(counts)>
              <testsuite name="\(escape(suiteName))" \(counts) skipped="0">
            \(cases)  </testsuite>
            </testsuites>

            """
    }

    /// The finding as the text output prints it, with its notes.
    static func text(_ finding: Finding) -> String {
        var lines = [finding.description]
        for note in finding.notes { lines.append((note.location.map { "\($0): " } ?? "") + "note: " + note.message) }
        return lines.joined(separator: "\n")
    }

    /// Escapes text for XML content and attribute values; characters XML 1.0 cannot carry become U+FFFD.
    static func escape(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            case "\u{0}"..."\u{1F}", "\u{FFFE}", "\u{FFFF}": result += "\u{FFFD}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
