import ArgumentParser
import Foundation
import Git
import JSONSchema
import ModelRegistry

/// Options shared by every command that commits.
struct CommitOptions: ParsableArguments {
    @Option(name: [.short, .customLong("message")], help: "Your own words, added to the commit message.")
    var message: String?

    @Option(help: ArgumentHelp("Record this author instead of the configured git identity.", valueName: "Name <email>"))
    var author: String?
}

/// The registry in the repository around the current directory, and a committer for it.
struct MutationContext {
    let registry: RegistryRepository
    let committer: RegistryCommitter
    let schema: ModelSchema

    init(options: RegistryOptions) throws(ToolError) {
        registry = try RegistryRepository(discoveringFrom: FileSystem.currentDirectory, registryDirectory: options.registry)
        let directory = try registry.workTreePath(registry.registryPath)
        schema = try options.loadSchema(registryDirectory: directory)
        committer = RegistryCommitter(registry: registry, schema: options.schema == nil ? nil : schema, compiled: [schema])
    }

    /// The committed text of entry `id`, refusing unknown ids and uncommitted edits.
    func committedEntry(_ id: String) throws(ToolError) -> (path: String, bytes: [UInt8]) {
        let path = registry.path(of: id)
        guard let bytes = try committer.committedContents(of: path) else {
            throw ToolError("no model `\(id)` in \(registry.registryPath)/ at HEAD")
        }
        return (path, bytes)
    }

    /// Commits, prints the outcome, and returns the exit code.
    func commit(_ request: CommitRequest) throws(ToolError) -> Int32 {
        switch try committer.commit(request) {
        case .committed(let id):
            Terminal.writeError("[\(id.shortHex)] \(request.message.subject)\n")
            return 0
        case .refused(let findings):
            let reporter = TextReporter(showSource: false, useColor: Terminal.colorAllowed(terminal: Terminal.stderrIsTerminal))
            for finding in findings { Terminal.writeError(reporter.headline(finding) + "\n") }
            Terminal.writeError("modelreg: refused: the change would leave \(findings.count) error\(findings.count == 1 ? "" : "s"); nothing was written or committed\n")
            return 1
        }
    }

    /// Applies an edit to the entry's committed text, mapping editor errors to tool errors.
    func edit(_ bytes: [UInt8], path: String, _ body: (inout YAMLEditor) throws -> Void) throws(ToolError) -> [UInt8] {
        do {
            var editor = try YAMLEditor(bytes: bytes, path: path)
            try body(&editor)
            return editor.bytes
        } catch let error as ToolError {
            throw error
        } catch {
            throw ToolError("cannot edit \(path): \(error)")
        }
    }

    /// The dotted fields that differ between two versions of a file.
    static func changedFields(from old: [UInt8]?, to new: [UInt8]?) -> [String] {
        func value(_ bytes: [UInt8]?) -> JSONValue? {
            guard let bytes, case .document(let document) = DocumentLoader().load(bytes: bytes, displayPath: "") else { return nil }
            return document.value
        }
        var seen: [String] = []
        for change in FieldDiff.between(value(old), value(new)) where !seen.contains(change.path) {
            seen.append(change.path)
        }
        return seen
    }
}

