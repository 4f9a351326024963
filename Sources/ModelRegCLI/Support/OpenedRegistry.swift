import Foundation
import ModelRegistry
import RegistryQuery

/// A registry opened for a query command (`list`, `query`, `resolve`, `lineage`, `export`): the work
/// tree's folder, or with `--at REV` the registry as stored in that revision, read through the
/// parsed-entry cache under `.modelreg/`; with the schema it was checked against.
struct OpenedRegistry {
    let opened: CachedRegistry
    let schema: ModelSchema

    init(options: RegistryOptions, revision: RevisionOptions) throws(ToolError) {
        if let at = revision.at {
            let repository = try RegistryRepository(
                discoveringFrom: FileSystem.currentDirectory, registryDirectory: options.registry)
            let commit = try repository.commit(at)
            schema = try options.loadSchema(at: commit, revision: at, in: repository)
            let cache = QueryCache(directory: CacheDirectory.forRepository(repository))
            opened = try cache.open(repository: repository, commit: commit, schema: schema)
        } else {
            let directory = try options.registryDirectory()
            schema = try options.loadSchema(registryDirectory: directory)
            var cache = QueryCache(directory: CacheDirectory.forFolder(directory))
            // The command exits after its query: a cold open's build is left to the process's end, not freed.
            cache.leavesBuildToExit = true
            opened = try cache.open(folder: directory, relativeTo: FileSystem.currentDirectory, schema: schema)
        }
    }

    /// Every entry.
    func registry() throws(ToolError) -> Registry { try opened.registry() }

    /// The entries that pass `filter`, in its order, holding at least `fields` (decoding no more of the
    /// cache than that).
    func select(_ filter: EntryFilter, fields: Set<String>? = nil) throws(ToolError) -> [ModelEntry] {
        try opened.select(filter, fields: fields)
    }

    /// One line on stderr when files have errors: their entries may be missing or incomplete.
    func warnAboutFindings() {
        let files = Set(opened.findings.filter { $0.severity == .error }.map(\.location.path))
        guard !files.isEmpty else { return }
        let noun = files.count == 1 ? "1 file has" : "\(files.count) files have"
        Terminal.writeError(
            "modelreg: warning: \(noun) errors, so entries may be missing or incomplete; run `modelreg verify`\n")
    }
}
