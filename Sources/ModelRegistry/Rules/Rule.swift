import JSONSchema

/// What kind of input a rule looks at.
public enum RuleScope: String, Sendable, Hashable {
    /// Raised while reading a file (YAML syntax and the reader's limits).
    case reader
    /// Looks at one model file.
    case document
    /// Looks at the registry as a whole (uniqueness, references).
    case registry
    /// Compares the registry before and after a change (`modelreg gate`: locks that drifted).
    case change
}

/// A file in a rule example. `↓` in `text` marks where a finding must point (the marker is removed before linting).
public struct ExampleFile: Sendable, Hashable {
    public var path: String
    public var text: String

    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }
}

/// An example of valid or invalid input for a rule: one file, or several for registry rules, or the registry
/// before and after a change for change rules.
public struct RuleExample: Sendable, Hashable {
    public static let marker: Character = "↓"

    /// The registry's files (after the change, for change rules).
    public var files: [ExampleFile]
    /// The registry's files before the change; empty except for change rules. A marker here points into the
    /// file as it was (where a finding about a deleted file points).
    public var baseFiles: [ExampleFile] = []

    /// One model file; its path is `registry/<id>.yaml`, taken from the text's `id:` line, unless given.
    public init(_ text: String, path: String? = nil) {
        files = [ExampleFile(path: path ?? RuleExample.defaultPath(for: text), text: text)]
    }

    /// Several files, for rules that compare files.
    public init(files: [ExampleFile]) {
        self.files = files
    }

    /// Several model files, each placed at `registry/<id>.yaml`.
    public init(models: [String]) {
        files = models.map { ExampleFile(path: RuleExample.defaultPath(for: $0), text: $0) }
    }

    /// A change: the model files before and after it, each placed at `registry/<id>.yaml`.
    public init(before: [String], after: [String]) {
        baseFiles = before.map { ExampleFile(path: RuleExample.defaultPath(for: $0), text: $0) }
        files = after.map { ExampleFile(path: RuleExample.defaultPath(for: $0), text: $0) }
    }

    static func defaultPath(for text: String) -> String {
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) where line.hasPrefix("id:") {
            let id = line.dropFirst(3).filter { $0 != RuleExample.marker }.trimmingCharacters(in: " \"'")
            return "registry/\(id).yaml"
        }
        return "registry/example.yaml"
    }
}

extension StringProtocol {
    fileprivate func trimmingCharacters(in set: String) -> String {
        var slice = Substring(self)
        while let first = slice.first, set.contains(first) { slice.removeFirst() }
        while let last = slice.last, set.contains(last) { slice.removeLast() }
        return String(slice)
    }
}

/// Everything a rule says about itself: its documentation and its tests.
public struct RuleDescription: Sendable {
    /// Stable kebab-case id, printed in brackets after every finding.
    public let id: String
    public let summary: String
    public let rationale: String
    public let severity: Severity
    public let scope: RuleScope
    /// Inputs that must produce no finding of this rule.
    public let valid: [RuleExample]
    /// Inputs that must produce a finding of this rule at each marker.
    public let invalid: [RuleExample]

    public init(
        id: String, summary: String, rationale: String, severity: Severity = .error, scope: RuleScope = .document,
        valid: [RuleExample], invalid: [RuleExample]
    ) {
        self.id = id
        self.summary = summary
        self.rationale = rationale
        self.severity = severity
        self.scope = scope
        self.valid = valid
        self.invalid = invalid
    }
}

/// A rule: a type that describes itself.
public protocol Rule: Sendable {
    static var description: RuleDescription { get }
}

/// What a rule may consult besides the input.
public struct LintContext: Sendable {
    public let schema: ModelSchema

    public init(schema: ModelSchema) {
        self.schema = schema
    }
}

/// A rule that checks one model file on its own.
public protocol DocumentRule: Rule {
    init()
    func check(_ document: ModelDocument, context: LintContext, into findings: inout [Finding])
}

/// A rule that checks the registry as a whole.
public protocol RegistryRule: Rule {
    init()
    func check(_ registry: RegistrySnapshot, into findings: inout [Finding])
}

/// A rule that compares the entries a change touched, before and after it.
public protocol ChangeRule: Rule {
    init()
    func check(_ change: RegistryChange, into findings: inout [ChangeFinding])
}
