import Foundation

/// Prints findings the way a compiler does: `path:line:col: error: message [rule-id]`.
public struct TextReporter: Sendable {
    /// Show the source line and a caret under the column.
    public var showSource: Bool
    /// Colour the severity (never when `NO_COLOR` is set).
    public var useColor: Bool

    public init(showSource: Bool, useColor: Bool) {
        self.showSource = showSource
        self.useColor = useColor
    }

    public func render(_ findings: [Finding], fileCount: Int) -> String {
        var output = ""
        var sources = SourceCache()
        for finding in findings {
            output += headline(finding) + "\n"
            if showSource, let line = sources.line(finding.location.line, of: finding.location.path) {
                output += line + "\n"
                output += caret(under: line, column: finding.location.column) + "\n"
            }
            for note in finding.notes {
                let place = note.location.map { "\($0): " } ?? ""
                output += "\(place)note: \(note.message)\n"
            }
        }
        output += summary(findings, fileCount: fileCount) + "\n"
        return output
    }

    /// The first line of a finding: `path:line:col: severity: message [rule-id]`.
    public func headline(_ finding: Finding) -> String {
        let severity = finding.severity.rawValue
        let painted: String
        if useColor {
            let code = finding.severity == .error ? "1;31" : "1;33"
            painted = "\u{1B}[\(code)m\(severity)\u{1B}[0m"
        } else {
            painted = severity
        }
        return "\(finding.location): \(painted): \(finding.message) [\(finding.ruleID)]"
    }

    func caret(under line: String, column: Int) -> String {
        // Keep tabs so the caret lines up under tab-indented text.
        let prefix = line.prefix(max(0, column - 1)).map { $0 == "\t" ? "\t" : " " }.joined()
        return prefix + (useColor ? "\u{1B}[1;32m^\u{1B}[0m" : "^")
    }

    /// `N files, E errors, W warnings`.
    public func summary(_ findings: [Finding], fileCount: Int) -> String {
        let errors = findings.count { $0.severity == .error }
        let warnings = findings.count { $0.severity == .warning }
        return "\(Self.plural(fileCount, "file")), \(Self.plural(errors, "error")), \(Self.plural(warnings, "warning"))"
    }

    static func plural(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
}

/// Reads each source file once, only for the findings that are printed with their line.
struct SourceCache {
    private var lines: [String: [Substring]] = [:]

    mutating func line(_ number: Int, of path: String) -> String? {
        if lines[path] == nil {
            guard let data = FileManager.default.contents(atPath: path) else { return nil }
            lines[path] = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        }
        guard let all = lines[path], number >= 1, number <= all.count else { return nil }
        return String(all[number - 1].trimmingSuffix("\r"))
    }
}

extension Substring {
    fileprivate func trimmingSuffix(_ suffix: String) -> Substring {
        hasSuffix(suffix) ? dropLast(suffix.count) : self
    }
}
