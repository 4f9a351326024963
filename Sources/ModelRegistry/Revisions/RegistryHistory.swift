import Foundation
import Git
import JSONSchema

/// One revision that changed a model entry.
public struct EntryRevision: Sendable {
    public var commit: Commit
    /// The entry's file before and after this revision (nil when added or deleted).
    public var oldPath: String?
    public var newPath: String?
    public var kind: EntryChange.Kind
    public var changes: [FieldChange]
}

/// Answers "what happened to this model": its revisions, the state at a revision or date, field blame.
public final class RegistryHistory {
    public let registry: RegistryRepository
    /// The index, read in place; nil when there is none yet and it was not to be built.
    let index: HistoryIndexView?
    public let head: ObjectID?
    /// HEAD's position in the index.
    let headPosition: Int?
    /// The entry versions read so far, by blob.
    private var values: [ObjectID: JSONValue?] = [:]

    /// Maps the history index from `.modelreg/` (in the work tree, else the git directory) and, when it does not
    /// hold HEAD yet, extends it with only the commits it has not seen and writes it back.
    public init(registry: RegistryRepository, updateIndex: Bool = true) throws(ToolError) {
        self.registry = registry
        let file = Self.indexFile(for: registry)
        var view = HistoryIndexView.open(file, registryPath: registry.registryPath)
        do {
            head = try registry.repository.headCommitID()
            if let head, updateIndex, view?.position(of: head) == nil {
                let index = view.map(HistoryIndex.init) ?? HistoryIndex(registryPath: registry.registryPath)
                try index.update(from: head, repository: registry.repository)
                let bytes = index.encoded()
                try? CacheDirectory.prepare((file as NSString).deletingLastPathComponent)
                try? AtomicFile.write(bytes, to: file)
                view = HistoryIndexView(Data(bytes), registryPath: registry.registryPath)
            }
        } catch {
            throw ToolError("cannot read the history: \(error.message)")
        }
        index = view
        headPosition = head.flatMap { view?.position(of: $0) }
    }

    static func indexFile(for registry: RegistryRepository) -> String {
        let base = CacheDirectory.forRepository(registry)
        let name = registry.registryPath.isEmpty ? "root" : registry.registryPath.replacingOccurrences(of: "/", with: "_")
        return base + "/history-\(name).index"
    }

    /// True when the repository is a shallow clone: history before the cut is missing.
    public var isShallow: Bool { registry.repository.isShallow }

    /// Every revision that changed the entry `id` (following renames of its file), newest first.
    public func revisions(of id: String, field: String? = nil, since: Int64? = nil, until: Int64? = nil, limit: Int? = nil)
        throws(ToolError) -> [EntryRevision]
    {
        guard let index, let start = headPosition else { return [] }
        // Only the commits that name the path are read; the walk itself reads times and parents.
        guard var path = index.pathPosition(of: registry.path(of: id)) else { return [] }
        var touching = Set(index.commits(touching: path))
        var result: [EntryRevision] = []
        try index.forEachReachable(from: start) { position throws(ToolError) in
            guard touching.contains(position), let change = index.change(at: position, leaving: path) else { return true }
            // Older revisions of a renamed file are found under its old name; nothing precedes its creation.
            if change.kind == .renamed, let oldPath = change.oldPath.flatMap(index.pathPosition(of:)) {
                path = oldPath
                touching = Set(index.commits(touching: path))
            }
            let time = index.time(at: position)
            let inRange = (until.map { time <= $0 } ?? true) && (since.map { time >= $0 } ?? true)
            if inRange {
                let changes = FieldDiff.between(try value(of: change.oldBlob), try value(of: change.newBlob))
                if field == nil || changes.contains(where: { $0.touches(field!) }) {
                    result.append(
                        EntryRevision(
                            commit: try commitInfo(index.id(at: position)), oldPath: change.oldPath,
                            newPath: change.newPath, kind: change.kind, changes: changes))
                    if let limit, result.count >= limit { return false }
                }
            }
            return change.kind != .added
        }
        return result
    }

    /// The commits that touched the registry, newest first, with what each changed.
    public func log(limit: Int? = nil) throws(ToolError) -> [(commit: Commit, changes: [EntryChange])] {
        guard let index, let start = headPosition else { return [] }
        var result: [(Commit, [EntryChange])] = []
        try index.forEachReachable(from: start) { position throws(ToolError) in
            guard index.hasChanges(at: position) else { return true }
            result.append((try commitInfo(index.id(at: position)), index.changes(at: position)))
            return limit.map { result.count < $0 } ?? true
        }
        return result
    }

    /// The newest commit reachable from HEAD along first parents whose committer time is at or before `time`.
    public func commit(atOrBefore time: Int64) -> ObjectID? {
        guard let index else { return nil }
        var current = headPosition
        while let position = current {
            if index.time(at: position) <= time { return index.id(at: position) }
            current = index.parents(at: position).first
        }
        return nil
    }

    /// For each field of the entry as it is now, the newest revision that changed it.
    public func blame(of id: String) throws(ToolError) -> [(field: String, value: JSONValue, revision: EntryRevision?)] {
        let revisions = try revisions(of: id)
        guard let current = revisions.first, current.kind != .deleted else { return [] }
        guard let head, let bytes = try? registry.repository.blob(at: registry.path(of: id), inCommit: head),
            case .document(let document) = DocumentLoader().load(bytes: bytes, displayPath: registry.path(of: id))
        else { return [] }
        var result: [(String, JSONValue, EntryRevision?)] = []
        FieldDiff.leaves(of: document.value, path: "") { field, value in
            let revision = revisions.first { revision in revision.changes.contains { $0.touches(field) } }
            result.append((field, value, revision))
        }
        return result
    }

    func value(of blob: ObjectID?) throws(ToolError) -> JSONValue? {
        guard let blob else { return nil }
        // Walking back, each revision's old version is the next one's new version: read each once.
        if let known = values[blob] { return known }
        let value = try readValue(of: blob)
        values[blob] = .some(value)
        return value
    }

    private func readValue(of blob: ObjectID) throws(ToolError) -> JSONValue? {
        let bytes: [UInt8]
        do {
            bytes = try registry.repository.blob(blob)
        } catch {
            throw ToolError("cannot read blob \(blob.shortHex): \(error.message)")
        }
        if case .document(let document) = DocumentLoader().load(bytes: bytes, displayPath: "") { return document.value }
        return nil
    }

    func commitInfo(_ id: ObjectID) throws(ToolError) -> Commit {
        do {
            return try registry.repository.commit(id)
        } catch {
            throw ToolError("cannot read commit \(id.shortHex): \(error.message)")
        }
    }
}
