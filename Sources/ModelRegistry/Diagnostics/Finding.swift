import YAML

public typealias SourceLocation = YAML.SourceLocation

/// How serious a finding is. Errors fail `lint`/`verify`; warnings are reported but do not.
public enum Severity: String, Sendable, Hashable, Comparable, CaseIterable {
    case warning
    case error

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs == .warning && rhs == .error
    }
}

/// A secondary location that explains a finding ("first defined here").
public struct FindingNote: Sendable, Hashable {
    public var location: SourceLocation?
    public var message: String

    public init(location: SourceLocation? = nil, message: String) {
        self.location = location
        self.message = message
    }
}

/// One thing a rule found wrong, at one place in one file.
public struct Finding: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var severity: Severity
    public var location: SourceLocation
    public var ruleID: String
    public var message: String
    public var notes: [FindingNote]

    public init(
        severity: Severity, location: SourceLocation, ruleID: String, message: String, notes: [FindingNote] = []
    ) {
        self.severity = severity
        self.location = location
        self.ruleID = ruleID
        self.message = message
        self.notes = notes
    }

    /// `path:line:column: severity: message [rule-id]`.
    public var description: String {
        "\(location): \(severity.rawValue): \(message) [\(ruleID)]"
    }

    /// Findings sort by path, line, column, then rule id, so output is stable.
    public static func < (lhs: Finding, rhs: Finding) -> Bool {
        if lhs.location != rhs.location { return lhs.location < rhs.location }
        if lhs.ruleID != rhs.ruleID { return lhs.ruleID < rhs.ruleID }
        return lhs.message < rhs.message
    }

    public static func == (lhs: Finding, rhs: Finding) -> Bool {
        lhs.severity == rhs.severity && lhs.location.path == rhs.location.path && lhs.location.line == rhs.location.line
            && lhs.location.column == rhs.location.column && lhs.ruleID == rhs.ruleID && lhs.message == rhs.message
            && lhs.notes == rhs.notes
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(location.path)
        hasher.combine(location.line)
        hasher.combine(location.column)
        hasher.combine(ruleID)
        hasher.combine(message)
    }
}
