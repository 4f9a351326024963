import JSONSchema

/// One field-level difference between two versions of an entry.
public struct FieldChange: Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case added, removed, changed
    }

    public var kind: Kind
    /// Dotted path of the field (`specs.embedding_dim`, `aliases`, `artifacts.files[0].sha256`).
    public var path: String
    public var old: JSONValue?
    public var new: JSONValue?

    public init(kind: Kind, path: String, old: JSONValue? = nil, new: JSONValue? = nil) {
        self.kind = kind
        self.path = path
        self.old = old
        self.new = new
    }

    /// `specs.embedding_dim: 768 → 1024`, `+ aliases: colbertv2`, `- deprecated`.
    public var description: String {
        switch kind {
        case .changed: return "\(path): \(old?.displayText ?? "") → \(new?.displayText ?? "")"
        case .added: return "+ \(path): \(new?.displayText ?? "")"
        case .removed:
            if let old, case .bool(true) = old { return "- \(path)" }
            return "- \(path): \(old?.displayText ?? "")"
        }
    }

    /// True when this change touches `field` (the field itself, something inside it, or a parent of it).
    public func touches(_ field: String) -> Bool {
        let path = self.path
        return path == field || path.hasPrefix(field + ".") || path.hasPrefix(field + "[")
            || field.hasPrefix(path + ".")
    }

    public var json: JSONValue {
        var object = JSONObject([("kind", .string(kind.rawValue)), ("path", .string(path))])
        if let old { object["old"] = old }
        if let new { object["new"] = new }
        return .object(object)
    }
}

/// Computes field-level changes between two versions of an entry.
public enum FieldDiff {
    /// Changes from `old` to `new` (either may be nil: the entry was added or removed), in field order.
    public static func between(_ old: JSONValue?, _ new: JSONValue?) -> [FieldChange] {
        var changes: [FieldChange] = []
        compare(old, new, path: "", into: &changes)
        return changes
    }

    static func compare(_ old: JSONValue?, _ new: JSONValue?, path: String, into changes: inout [FieldChange]) {
        switch (old, new) {
        case (nil, nil):
            return
        case (nil, let new?):
            leaves(of: new, path: path) { changes.append(FieldChange(kind: .added, path: $0, new: $1)) }
        case (let old?, nil):
            leaves(of: old, path: path) { changes.append(FieldChange(kind: .removed, path: $0, old: $1)) }
        case (.object(let a)?, .object(let b)?):
            for key in a.keys { compare(a[key], b[key], path: join(path, key), into: &changes) }
            for key in b.keys where a[key] == nil { compare(nil, b[key], path: join(path, key), into: &changes) }
        case (.array(let a)?, .array(let b)?) where isScalarList(a) && isScalarList(b):
            // Lists of names (aliases, roles, languages) change by membership; a pure reordering is a change too.
            let added = b.filter { item in !a.contains(item) }
            let removed = a.filter { item in !b.contains(item) }
            for item in added { changes.append(FieldChange(kind: .added, path: path, new: item)) }
            for item in removed { changes.append(FieldChange(kind: .removed, path: path, old: item)) }
            if added.isEmpty && removed.isEmpty && a != b {
                changes.append(FieldChange(kind: .changed, path: path, old: old, new: new))
            }
        case (.array(let a)?, .array(let b)?):
            for index in 0..<max(a.count, b.count) {
                compare(
                    index < a.count ? a[index] : nil, index < b.count ? b[index] : nil, path: "\(path)[\(index)]",
                    into: &changes)
            }
        case (let old?, let new?):
            if old != new { changes.append(FieldChange(kind: .changed, path: path, old: old, new: new)) }
        }
    }

    /// A removed or added object is reported field by field; a scalar or list as itself.
    static func leaves(of value: JSONValue, path: String, _ body: (String, JSONValue) -> Void) {
        if case .object(let object) = value, !object.isEmpty {
            for (key, child) in object.pairs { leaves(of: child, path: join(path, key), body) }
        } else if !path.isEmpty {
            body(path, value)
        }
    }

    static func isScalarList(_ items: [JSONValue]) -> Bool {
        items.allSatisfy {
            switch $0 {
            case .array, .object: return false
            default: return true
            }
        }
    }

    static func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : path + "." + key }
}
