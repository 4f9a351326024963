import Digest
import Foundation
import JSONSchema

/// The JSON Schema that model files are validated against, compiled once.
public struct ModelSchema: Sendable {
    /// Where the schema came from: a file path, or `built-in`.
    public let origin: String
    /// The schema as JSON (used to scaffold new files and to render documentation).
    public let json: JSONValue
    /// The schema's text, as read.
    public let text: String
    private(set) var compiled: JSONSchema

    /// The SHA-256 of the schema's text, in hexadecimal: what caches of checked files are keyed by. Worked out when
    /// asked for (a command that keeps no cache never starts the digest library).
    public var digest: String { Self.digest(of: text) }

    /// Compiles a schema from its JSON text; `origin` names it in errors.
    public init(text: String, origin: String) throws(ToolError) {
        let json: JSONValue
        do {
            json = try JSONParser.parse(Array(text.utf8))
        } catch {
            throw ToolError("\(origin): the schema is not valid JSON: \(error)")
        }
        do {
            compiled = try JSONSchema(json)
        } catch {
            throw ToolError("\(origin): unusable schema: \(error)")
        }
        self.json = json
        self.origin = origin
        self.text = text
    }

    /// The same schema compiled again, sharing nothing mutable with this one (not even reference counts): for a
    /// worker thread, so that threads validating side by side do not take turns at the cache lines of shared
    /// compiled nodes.
    public func separateCopy() -> ModelSchema {
        guard let compiled = try? JSONSchema(json) else { return self }  // it compiled once; it compiles again
        var copy = self
        copy.compiled = compiled
        return copy
    }

    /// The digest a schema with this text has (`digest`), without compiling it.
    public static func digest(of text: String) -> String { SHA256.hash(text.utf8).hex }

    /// The schema built into modelreg (the same text as `schemas/model.schema.json`).
    public static let builtIn: ModelSchema = {
        do {
            return try ModelSchema(text: BundledSchema.text, origin: "built-in")
        } catch {
            fatalError("the built-in schema does not compile: \(error)")
        }
    }()

    /// Loads a schema file.
    public static func load(path: String) throws(ToolError) -> ModelSchema {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ToolError("cannot read schema \(path)")
        }
        return try ModelSchema(text: String(decoding: data, as: UTF8.self), origin: path)
    }

    /// The schema for a registry folder: `explicitPath` when given, else `schemas/model.schema.json`
    /// beside the registry folder when present, else the built-in copy.
    public static func resolve(explicitPath: String?, registryDirectory: String?) throws(ToolError) -> ModelSchema {
        if let explicitPath { return try load(path: explicitPath) }
        if let registryDirectory {
            let parent = (registryDirectory as NSString).deletingLastPathComponent
            let beside = (parent.isEmpty ? "." : parent) + "/schemas/model.schema.json"
            if FileManager.default.fileExists(atPath: beside) { return try load(path: beside) }
        }
        return builtIn
    }

    /// All violations of the schema by `value`.
    public func violations(of value: JSONValue) -> [SchemaViolation] {
        compiled.validate(value)
    }

    /// The `description` of a top-level property, for scaffolding and help.
    public func propertyDescription(_ name: String) -> String? {
        json.member("properties")?.member(name)?.member("description")?.asString
    }
}
