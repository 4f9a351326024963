import ModelRegistry

/// One model file's bytes and the path it is shown under: what a registry is opened from,
/// whether the bytes come from a folder or from a git tree at some revision.
public struct RegistryFile: Sendable, Hashable {
    /// The path as shown in messages (`registry/colbert-v2.yaml`).
    public var path: String
    /// The file's content.
    public var bytes: [UInt8]

    /// A file read from anywhere.
    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    /// A file from text.
    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }
}

extension RegistryFile {
    /// The file read as `modelreg verify` reads it: its document when it is a readable model file, and the reader's
    /// findings, with `linter` also those of the document rules. A file that cannot be read at all is an
    /// `unreadable` finding.
    func read(loader: DocumentLoader, linter: Linter?) -> (document: ModelDocument?, findings: [Finding]) {
        switch loader.load(bytes: bytes, displayPath: path) {
        case .document(let document):
            return (document, linter?.checkDocument(document) ?? [])
        case .unreadable(let finding):
            return (nil, [finding])
        case .failed(let message):
            let location = SourceLocation(path: path, line: 1, column: 1)
            return (nil, [Finding(severity: .error, location: location, ruleID: "unreadable", message: message)])
        }
    }
}
