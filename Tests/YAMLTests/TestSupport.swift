import YAML

/// Parses text that must hold a document.
func document(_ text: String, limits: YAMLLimits = .default) throws -> YAMLNode {
    guard let node = try YAMLReader.parse(text, path: "test.yaml", limits: limits) else {
        throw TestFailure("expected a document in \(text.debugDescription)")
    }
    return node
}

/// The error the reader throws for `bytes`, or nil when it accepts them.
func rejection(_ bytes: [UInt8], limits: YAMLLimits = .default) -> YAMLError? {
    do {
        _ = try YAMLReader.parse(bytes, path: "bad.yaml", limits: limits)
        return nil
    } catch {
        return error
    }
}

func rejection(_ text: String, limits: YAMLLimits = .default) -> YAMLError? {
    rejection(Array(text.utf8), limits: limits)
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

extension YAMLNode {
    /// The value under a scalar key of a mapping.
    subscript(key: String) -> YAMLNode? {
        guard case .mapping(let pairs) = content else { return nil }
        return pairs.first { $0.key.scalar?.text == key }?.value
    }

    /// The key node (not the value) of a mapping entry.
    func keyNode(_ key: String) -> YAMLNode? {
        guard case .mapping(let pairs) = content else { return nil }
        return pairs.first { $0.key.scalar?.text == key }?.key
    }

    subscript(index: Int) -> YAMLNode? {
        guard case .sequence(let items) = content, items.indices.contains(index) else { return nil }
        return items[index]
    }

    var scalar: YAMLScalar? {
        if case .scalar(let scalar) = content { return scalar }
        return nil
    }

    /// The node's source text, cut from `source` by the node's byte offsets.
    func sourceText(in source: [UInt8]) -> String {
        String(decoding: source[start.offset..<end.offset], as: UTF8.self)
    }
}
