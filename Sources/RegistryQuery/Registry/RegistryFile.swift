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
