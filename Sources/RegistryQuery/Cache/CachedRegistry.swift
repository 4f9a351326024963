import Git
import ModelRegistry

/// A registry opened through the `QueryCache`: its findings at once, its entries decoded when asked,
/// and only as far as a question needs (`select` decodes the fields a filter reads, then the entries
/// that pass).
public struct CachedRegistry: Sendable {
    /// Where the entries came from.
    public enum Outcome: Sendable, Hashable {
        /// The cache held this registry state: no YAML was read.
        case cached
        /// The files were read, parsed and checked (and the result cached for next time).
        case built
    }

    private enum Storage: Sendable {
        case registry(Registry)
        case archive(EntryArchive, prefix: String, rebuild: @Sendable () throws(ToolError) -> Registry)
    }

    private let storage: Storage
    /// What was wrong with the files, as `modelreg verify` reports it; sorted by path, line, column.
    public let findings: [Finding]
    /// Whether the registry came from the cache.
    public let outcome: Outcome
    /// The git tree id of the registry folder's content (nil at a revision without a registry folder).
    public let treeID: ObjectID?
    /// How many files were read and hashed to learn the folder's tree id (0 when every stamp vouched
    /// for its file, or at a revision).
    public let filesHashed: Int

    init(registry: Registry, outcome: Outcome, treeID: ObjectID?, filesHashed: Int) {
        storage = .registry(registry)
        findings = registry.findings
        self.outcome = outcome
        self.treeID = treeID
        self.filesHashed = filesHashed
    }

    init(
        archive: EntryArchive, prefix: String, findings: [Finding], treeID: ObjectID, filesHashed: Int,
        rebuild: @escaping @Sendable () throws(ToolError) -> Registry, outcome: Outcome = .cached
    ) {
        storage = .archive(archive, prefix: prefix, rebuild: rebuild)
        self.findings = findings
        self.outcome = outcome
        self.treeID = treeID
        self.filesHashed = filesHashed
    }

    /// The entries that pass `filter`, in its order; the same as `registry().select(filter)`.
    ///
    /// - Parameter fields: when given, the entries may hold only these top-level fields of their data
    ///   (and the typed values read from them): what a caller that shows a few columns needs, read faster.
    /// - Throws: `ToolError` only when a damaged cache file sent it back to files that cannot be read.
    public func select(_ filter: EntryFilter, fields: Set<String>? = nil) throws(ToolError) -> [ModelEntry] {
        switch storage {
        case .registry(let registry):
            return registry.select(filter)
        case .archive(let archive, let prefix, let rebuild):
            do {
                return try archive.select(filter, prefix: prefix, fields: fields)
            } catch {
                return try rebuild().select(filter)
            }
        }
    }

    /// The whole registry, every entry decoded.
    /// - Throws: `ToolError` only when a damaged cache file sent it back to files that cannot be read.
    public func registry() throws(ToolError) -> Registry {
        switch storage {
        case .registry(let registry):
            return registry
        case .archive(let archive, let prefix, let rebuild):
            do {
                return Registry(entries: try archive.entries(prefix: prefix), findings: findings)
            } catch {
                return try rebuild()
            }
        }
    }
}
