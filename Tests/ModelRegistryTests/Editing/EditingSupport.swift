import ModelRegistry
import Testing
import YAML

/// Runs `body` on an editor of `text` and returns the edited text.
func editingApply(
    _ text: String, path: String = "model.yaml", _ body: (inout YAMLEditor) throws -> Void
) throws -> String {
    var editor = try YAMLEditor(text: text, path: path)
    try body(&editor)
    return editor.text
}

/// Checks that `after` is `before` with the one occurrence of `old` replaced by `new`, and that
/// every byte before and after that spot is untouched.
func editingExpectReplaced(
    _ before: String, _ after: String, old: String, new: String,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    let occurrences = before.ranges(of: old)
    guard occurrences.count == 1, let range = occurrences.first else {
        Issue.record("`\(old)` occurs \(occurrences.count) times in the original", sourceLocation: sourceLocation)
        return
    }
    let beforeBytes = Array(before.utf8)
    let afterBytes = Array(after.utf8)
    let prefixLength = before.utf8.distance(from: before.startIndex, to: range.lowerBound)
    let suffixLength = before.utf8.distance(from: range.upperBound, to: before.endIndex)
    guard afterBytes.count >= prefixLength + suffixLength else {
        Issue.record("the result is too short:\n\(after)", sourceLocation: sourceLocation)
        return
    }
    #expect(
        afterBytes[..<prefixLength] == beforeBytes[..<prefixLength], "the bytes before the edit changed",
        sourceLocation: sourceLocation)
    #expect(
        afterBytes.suffix(suffixLength) == beforeBytes.suffix(suffixLength), "the bytes after the edit changed",
        sourceLocation: sourceLocation)
    let middle = String(decoding: afterBytes[prefixLength..<(afterBytes.count - suffixLength)], as: UTF8.self)
    #expect(middle == new, sourceLocation: sourceLocation)
}

/// The node at `path` in `text`, found with the YAML module alone (numbers index lists).
func editingNode(_ text: String, _ path: [String]) throws -> YAMLNode? {
    guard var node = try YAMLReader.parse(Array(text.utf8), path: "check.yaml") else { return nil }
    for component in path {
        switch node.content {
        case .mapping(let pairs):
            guard
                let pair = pairs.first(where: { pair in
                    if case .scalar(let key) = pair.key.content { return key.text == component }
                    return false
                })
            else { return nil }
            node = pair.value
        case .sequence(let items):
            guard let index = Int(component), items.indices.contains(index) else { return nil }
            node = items[index]
        case .scalar:
            return nil
        }
    }
    return node
}

/// The resolved scalar at `path` in `text` (nil when missing or not a scalar).
func editingScalar(_ text: String, _ path: [String]) throws -> ResolvedScalar? {
    guard let node = try editingNode(text, path), case .scalar(let scalar) = node.content else { return nil }
    return scalar.resolved
}

/// The resolved scalars of the list at `path` in `text`.
func editingList(_ text: String, _ path: [String]) throws -> [ResolvedScalar]? {
    guard let node = try editingNode(text, path), case .sequence(let items) = node.content else { return nil }
    return items.map { item in
        if case .scalar(let scalar) = item.content { return scalar.resolved }
        return .string("<collection>")
    }
}

/// The error an edit throws, or nil when it succeeds. A refused edit must leave the bytes alone.
func editingError(
    _ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation,
    _ body: (inout YAMLEditor) throws -> Void
) throws -> EditError? {
    var editor = try YAMLEditor(text: text, path: "model.yaml")
    let before = editor.bytes
    do {
        try body(&editor)
        return nil
    } catch let error as EditError {
        #expect(editor.bytes == before, "a refused edit changed the bytes", sourceLocation: sourceLocation)
        return error
    }
}
