import Foundation
import YAML

/// Reads one model file into a `ModelDocument`, or into the findings that explain why it cannot be read.
public struct DocumentLoader: Sendable {
    public var limits: YAMLLimits

    public init(limits: YAMLLimits = .default) {
        self.limits = limits
    }

    public enum Outcome: Sendable {
        case document(ModelDocument)
        case unreadable(Finding)
        /// The file could not be opened or read at all: the tool's failure, not a finding in the file.
        case failed(String)
    }

    /// Reads the file at `path`; diagnostics name it `displayPath`.
    public func load(path: String, displayPath: String) -> Outcome {
        let outline: YAMLOutline?
        do {
            outline = try YAMLReader.outline(contentsOf: path, displayPath: displayPath, limits: limits)
        } catch let error as YAMLError {
            return .unreadable(Self.finding(for: error))
        } catch {
            return .failed("\(error)")
        }
        return Self.outcome(outline, displayPath: displayPath)
    }

    /// Reads a model file from bytes already in memory.
    public func load(bytes: [UInt8], displayPath: String) -> Outcome {
        let outline: YAMLOutline?
        do {
            outline = try YAMLReader.outline(bytes, path: displayPath, limits: limits)
        } catch {
            return .unreadable(Self.finding(for: error))
        }
        return Self.outcome(outline, displayPath: displayPath)
    }

    static func outcome(_ outline: YAMLOutline?, displayPath: String) -> Outcome {
        let kind = outline?.nodes[YAMLOutline.root].kind
        guard let outline, kind == .mapping else {
            let location = outline?.location(of: YAMLOutline.root) ?? SourceLocation(path: displayPath, line: 1, column: 1)
            let found: String
            switch kind {
            case nil: found = "the file is empty"
            case .sequence?: found = "found a list"
            case .scalar?: found = "found a single value"
            case .mapping?: found = ""
            }
            let rule = TopLevelMappingRule.description
            return .unreadable(
                Finding(
                    severity: rule.severity, location: location, ruleID: rule.id,
                    message: "a model file must be a mapping of fields; \(found)"))
        }
        return .document(ModelDocument(path: displayPath, outline: outline))
    }

    static func finding(for error: YAMLError) -> Finding {
        let rule = ReaderRules.rule(for: error.kind)
        return Finding(severity: rule.severity, location: error.location, ruleID: rule.id, message: error.message)
    }
}
