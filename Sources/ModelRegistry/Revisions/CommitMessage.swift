import Foundation

/// The structured message of a commit made by modelreg:
///
///     set(colbert-v2): specs.embedding_dim = 1024
///
///     Optional words of the user's own.
///
///     Model-Id: colbert-v2
///     Registry-Action: set
///     Changed-Field: specs.embedding_dim
public struct CommitMessage: Sendable, Hashable {
    public var action: String
    public var modelID: String
    public var summary: String
    public var body: String?
    public var changedFields: [String]
    public var extraTrailers: [(key: String, value: String)]

    public init(
        action: String, modelID: String, summary: String, body: String? = nil, changedFields: [String] = [],
        extraTrailers: [(key: String, value: String)] = []
    ) {
        self.action = action
        self.modelID = modelID
        self.summary = summary
        self.body = body
        self.changedFields = changedFields
        self.extraTrailers = extraTrailers
    }

    /// The subject line: `<action>(<id>): <summary>`, kept on one line.
    public var subject: String {
        let oneLine = summary.split(whereSeparator: \.isNewline).joined(separator: " ")
        return "\(action)(\(modelID)): \(oneLine)"
    }

    /// The full text, ending with a newline as git expects.
    public var text: String {
        var lines = [subject, ""]
        if let body, !body.trimmingWhitespace.isEmpty {
            lines.append(body.trimmingWhitespace)
            lines.append("")
        }
        lines.append("Model-Id: \(modelID)")
        lines.append("Registry-Action: \(action)")
        for field in changedFields { lines.append("Changed-Field: \(field)") }
        for trailer in extraTrailers { lines.append("\(trailer.key): \(trailer.value)") }
        return lines.joined(separator: "\n") + "\n"
    }

    public static func == (lhs: CommitMessage, rhs: CommitMessage) -> Bool { lhs.text == rhs.text }
    public func hash(into hasher: inout Hasher) { hasher.combine(text) }

    /// The trailers (`Key: value` lines of the last paragraph) of any commit message.
    public static func trailers(of message: String) -> [(key: String, value: String)] {
        let paragraphs = message.trimmingWhitespace.components(separatedBy: "\n\n")
        guard paragraphs.count > 1, let last = paragraphs.last else { return [] }
        var result: [(String, String)] = []
        for line in last.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":"), colon != line.startIndex else { return [] }
            let key = line[..<colon]
            guard key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else { return [] }
            result.append((String(key), line[line.index(after: colon)...].trimmingWhitespace))
        }
        return result
    }
}

extension StringProtocol {
    var trimmingWhitespace: String {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return String(slice)
    }
}
