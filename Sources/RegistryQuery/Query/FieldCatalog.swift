import JSONSchema
import ModelRegistry

/// The fields a model file may have and what each holds, read from the JSON Schema, so that a query
/// naming `specs.embeding_dim` or comparing `type` with `colbret` is an error instead of an empty result.
public struct FieldCatalog: Sendable {
    /// What a field holds, as far as queries care.
    public indirect enum Kind: Sendable, Hashable {
        /// Text; `allowed` lists the values when the schema enumerates them.
        case text(allowed: [String]?)
        /// An integer or a number.
        case number
        /// `true` or `false`.
        case boolean
        /// A list of `element`s.
        case list(element: Kind)
        /// A mapping with known fields.
        case mapping
        /// Anything (several types allowed, or free-form).
        case any
    }

    /// Every known dotted path and its kind.
    public private(set) var kinds: [String: Kind] = [:]
    /// Mappings whose keys are free (`metadata`, `performance`), with the kind of their values.
    public private(set) var openMappings: [String: Kind] = [:]

    /// The catalog of modelreg's built-in schema.
    public static let builtIn = FieldCatalog(schema: ModelSchema.builtIn.json)

    /// Reads the catalog from a model-file JSON Schema.
    public init(schema: JSONValue) {
        var visited: Set<String> = []
        walk(schema, path: "", root: schema, visited: &visited)
    }

    /// The kind of the field at `path`, or nil when no model file can have it.
    public func kind(of path: String) -> Kind? {
        if let kind = kinds[path] { return kind }
        var prefix = Substring(path)
        while let dot = prefix.lastIndex(of: ".") {
            prefix = prefix[..<dot]
            if let kind = openMappings[String(prefix)] {
                return path.dropFirst(prefix.count + 1).contains(".") ? .any : kind
            }
        }
        return nil
    }

    /// Known paths close to `path`, for "did you mean" hints.
    public func suggestions(for path: String) -> [String] {
        NameSuggestions.closest(to: path, among: kinds.keys, limit: 2)
    }

    private mutating func walk(_ schema: JSONValue, path: String, root: JSONValue, visited: inout Set<String>) {
        let schema = resolved(schema, root: root, visited: &visited)
        if !path.isEmpty { kinds[path] = merged(kinds[path], kind(schema, root: root)) }
        for (name, property) in schema.member("properties")?.asObject?.pairs ?? [] {
            walk(property, path: path.isEmpty ? name : path + "." + name, root: root, visited: &visited)
        }
        if schema.member("type")?.asString == "object" || schema.member("properties") != nil {
            switch schema.member("additionalProperties") {
            case .bool(false)?:
                break
            case let additional? where additional.asObject != nil:
                if !path.isEmpty { openMappings[path] = kind(additional, root: root) }
            default:
                if !path.isEmpty, schema.member("properties") == nil { openMappings[path] = .any }
            }
        }
        for keyword in ["anyOf", "oneOf", "allOf"] {
            for branch in schema.member(keyword)?.asArray ?? [] {
                walkBranch(branch, path: path, root: root, visited: &visited)
            }
        }
    }

    /// A branch of `anyOf` adds the fields of its mappings; the branch's own kind is already merged.
    private mutating func walkBranch(_ branch: JSONValue, path: String, root: JSONValue, visited: inout Set<String>) {
        let branch = resolved(branch, root: root, visited: &visited)
        for (name, property) in branch.member("properties")?.asObject?.pairs ?? [] {
            walk(property, path: path.isEmpty ? name : path + "." + name, root: root, visited: &visited)
        }
    }

    /// Follows a local `$ref` (`#/$defs/id`), once per reference, so recursive schemas terminate.
    private func resolved(_ schema: JSONValue, root: JSONValue, visited: inout Set<String>) -> JSONValue {
        guard let reference = schema.member("$ref")?.asString, reference.hasPrefix("#/") else { return schema }
        var target: JSONValue? = root
        for component in reference.dropFirst(2).split(separator: "/") {
            target = target?.member(String(component).replacingTildes())
        }
        guard let target, visited.insert(reference).inserted else { return schema }
        defer { visited.remove(reference) }
        // Keywords beside `$ref` (a description) are kept; the target supplies the rest.
        var combined = target.asObject ?? JSONObject()
        for (key, value) in schema.asObject?.pairs ?? [] where key != "$ref" { combined[key] = value }
        return .object(combined)
    }

    private func kind(_ schema: JSONValue, root: JSONValue) -> Kind {
        var visited: Set<String> = []
        let schema = resolved(schema, root: root, visited: &visited)
        if schema.member("type") == nil, let branches = schema.member("anyOf")?.asArray ?? schema.member("oneOf")?.asArray {
            let kinds = branches.map { kind($0, root: root) }
            return kinds.dropFirst().reduce(kinds.first ?? .any) { merged($0, $1) }
        }
        switch schema.member("type")?.asString {
        case "string"?:
            return .text(allowed: schema.member("enum")?.asArray?.compactMap(\.asString))
        case "integer"?, "number"?:
            return .number
        case "boolean"?:
            return .boolean
        case "array"?:
            return .list(element: schema.member("items").map { kind($0, root: root) } ?? .any)
        case "object"?:
            return .mapping
        default:
            if let values = schema.member("enum")?.asArray, values.allSatisfy({ $0.asString != nil }) {
                return .text(allowed: values.compactMap(\.asString))
            }
            return .any
        }
    }

    private func merged(_ a: Kind?, _ b: Kind) -> Kind {
        guard let a else { return b }
        switch (a, b) {
        case (.text(let x), .text(let y)):
            guard let x, let y else { return .text(allowed: nil) }
            return .text(allowed: Array(Set(x + y)).sorted())
        default:
            return a == b ? a : .any
        }
    }
}

extension String {
    /// JSON Pointer unescaping: `~1` is `/`, `~0` is `~`.
    fileprivate func replacingTildes() -> String {
        var result = ""
        var iterator = makeIterator()
        while let character = iterator.next() {
            guard character == "~" else {
                result.append(character)
                continue
            }
            switch iterator.next() {
            case "1"?: result.append("/")
            case "0"?: result.append("~")
            case let other?: result.append("~"); result.append(other)
            case nil: result.append("~")
            }
        }
        return result
    }
}
