import Foundation
import Git

/// A change to one registry file: its new bytes, or nil to delete it. `path` is repository-relative.
public struct RegistryEdit: Sendable, Hashable {
    public var path: String
    public var contents: [UInt8]?

    public init(path: String, contents: [UInt8]?) {
        self.path = path
        self.contents = contents
    }
}

/// What a mutating command asked for.
public struct CommitRequest: Sendable {
    public var message: CommitMessage
    public var edits: [RegistryEdit]
    /// `Name <email>` to record as the author instead of the configured identity.
    public var author: String?

    public init(message: CommitMessage, edits: [RegistryEdit], author: String? = nil) {
        self.message = message
        self.edits = edits
        self.author = author
    }
}

public enum CommitOutcome: Sendable {
    /// The commit was made and the branch moved to it.
    case committed(ObjectID)
    /// The result would not verify: nothing was written. The findings say why.
    case refused([Finding])
}

/// Makes one verified commit per request through libgit2, touching only the files it changes:
/// verify the resulting registry, write the objects, move the branch by compare-and-swap from the parent the
/// commit was built on, then bring the work tree and index in step for the touched paths only.
public final class RegistryCommitter {
    public let registry: RegistryRepository
    let schemaOverride: ModelSchema?
    let compiledSchemas: [ModelSchema]
    /// How often to rebuild on a branch that moved under us before giving up.
    var maximumAttempts = 20

    /// What verifying a commit's result decided.
    enum Verdict {
        /// These errors refuse the commit.
        case refused([Finding])
        /// The commit may be made; `clean` when the cross-file rules find no error at all in the registry it makes.
        case accepted(clean: Bool)
    }

    /// `schema` overrides the schema committed beside the registry; `compiled` are schemas already at hand, used
    /// instead of compiling the committed one again when its text is theirs.
    public init(registry: RegistryRepository, schema: ModelSchema? = nil, compiled: [ModelSchema] = []) {
        self.registry = registry
        schemaOverride = schema
        compiledSchemas = compiled
    }

    var repository: Repository { registry.repository }

    /// The bytes of `path` in the HEAD commit and in the work tree (nil where the file does not exist).
    public func contents(of path: String) throws(ToolError) -> (head: [UInt8]?, workTree: [UInt8]?) {
        var head: [UInt8]?
        do {
            if let tip = try repository.headCommitID() { head = try repository.blob(at: path, inCommit: tip) }
        } catch {
            throw ToolError("cannot read \(path) at HEAD: \(error.message)")
        }
        let workTree = registry.workTree.flatMap { AtomicFile.read($0 + "/" + path) }
        return (head, workTree)
    }

    /// The committed bytes of a file the command is about to edit, refusing when the work tree holds
    /// uncommitted changes to it (they would be overwritten).
    public func committedContents(of path: String) throws(ToolError) -> [UInt8]? {
        let (head, workTree) = try contents(of: path)
        if registry.workTree != nil, head != workTree {
            throw ToolError(
                "\(path) has uncommitted changes; commit them first (`modelreg add \(path)`) or discard them (`git checkout -- \(path)`)")
        }
        return head
    }

    public func commit(_ request: CommitRequest) throws(ToolError) -> CommitOutcome {
        let lock = try WriterLock(path: repository.gitDirectory + "modelreg.lock")
        defer { withExtendedLifetime(lock) {} }
        // A large index takes as long to read as the commit's objects take to write: read it meanwhile.
        repository.readIndexAhead()
        let branch: String
        do {
            branch = try repository.headReferenceName()
        } catch {
            throw ToolError(error.message)
        }
        let identity = try signatures(author: request.author)
        var firstParent: ObjectID?? = .none

        for _ in 0..<maximumAttempts {
            let parent: ObjectID?
            do {
                parent = try repository.headCommitID()
            } catch {
                throw ToolError("cannot read HEAD: \(error.message)")
            }
            if let original = firstParent, original != parent {
                try ensureUntouched(request.edits.map(\.path), between: original, and: parent)
            }
            if firstParent == nil { firstParent = .some(parent) }

            let verdict = try verify(request.edits, on: parent)
            if case .refused(let findings) = verdict { return .refused(findings) }
            let commit = try write(request, on: parent, identity: identity)
            do {
                try repository.updateReference(
                    branch, to: commit, expecting: parent, logMessage: "modelreg: " + request.message.subject)
            } catch {
                if error.isConcurrentUpdate { continue }
                throw ToolError("cannot move \(branch): \(error.message)")
            }
            if case .accepted(clean: true) = verdict, let tree = repository.treeID(at: registry.registryPath, inCommit: commit) {
                var clean = CleanRegistryTrees(directory: CacheDirectory.forRepository(registry))
                clean.record(tree)
            }
            try syncWorkTree(request.edits)
            return .committed(commit)
        }
        throw ToolError("\(branch) kept moving while committing; nothing was committed, try again")
    }

    /// Fails when another commit changed one of `paths` since the commit this request was prepared on.
    func ensureUntouched(_ paths: [String], between old: ObjectID?, and new: ObjectID?) throws(ToolError) {
        for path in paths {
            let before = try? old.flatMap { try repository.blob(at: path, inCommit: $0) }
            let after = try? new.flatMap { try repository.blob(at: path, inCommit: $0) }
            if before != after {
                throw ToolError(
                    "\(path) was changed by another commit (\(new?.shortHex ?? "?")) while this one was being made; nothing was committed, run the command again")
            }
        }
    }

    /// Verifies the registry that the commit would produce.
    ///
    /// Only the edited files are read and checked in full. The files the commit does not touch were committed
    /// before; the cross-file rules see them through their extracts, kept per blob id in the `ExtractCache` (the
    /// gate's), so a one-file change to a large registry parses one file.
    func verify(_ edits: [RegistryEdit], on parent: ObjectID?) throws(ToolError) -> Verdict {
        let folder = registry.registryPath
        let registryEdits = edits.filter { folder.isEmpty || $0.path.hasPrefix(folder + "/") }
        let touched = Set(registryEdits.map(\.path))
        let linter = Linter(schema: try schema(at: parent))
        let written = registryEdits.compactMap { edit in edit.contents.map { LintSource(displayPath: edit.path, bytes: $0) } }
        let lint = linter.lint(written)
        if try crossFileVerdictStands(registryEdits, lint: lint, on: parent) { return .accepted(clean: true) }

        let parentFiles: [TreeEntry]
        do {
            parentFiles = try parent.map { commit throws(GitError) in
                try repository.entries(ofTreeAt: folder, inCommit: commit)
                    .filter { $0.kind == .blob && RegistryLocator.isModelFileName($0.name) }
            } ?? []
        } catch {
            throw ToolError("cannot read \(folder)/ at \(parent?.shortHex ?? "HEAD"): \(error.message)")
        }

        var cache = ExtractCache(for: registry)
        let untouched = parentFiles.filter { !touched.contains(join(folder, $0.name)) }
        let kept = try cache.extracts(of: untouched, in: folder, repository: repository, loader: linter.loader).extracts
        let errors = (lint.findings + linter.checkRegistry(RegistrySnapshot(entries: EntryExtract.merged(kept, lint.documents.map(EntryExtract.init)))))
            .filter { $0.severity == .error }
        var blocking = errors
        if !errors.isEmpty {
            // Errors that were already there before this change do not block it (it may be the fix for another). In
            // the files it touches every error blocks; elsewhere only the cross-file rules can have changed their mind.
            let replaced = parentFiles.filter { touched.contains(join(folder, $0.name)) }
            let previous = try cache.extracts(of: replaced, in: folder, repository: repository, loader: linter.loader).extracts
            let before = Set(
                linter.checkRegistry(RegistrySnapshot(entries: kept + previous)).filter { $0.severity == .error }.map(\.description))
            blocking = errors.filter { touched.contains($0.location.path) || !before.contains($0.description) }
        }
        guard blocking.isEmpty else { return .refused(blocking) }
        // Keep the extracts of the registry this commit makes, for the next one.
        let documents = Dictionary(lint.documents.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        var blobs = Set(untouched.map(\.id))
        for source in written {
            guard let blob = try? Repository.blobID(of: source.bytes) else { continue }
            blobs.insert(blob)
            if let document = documents[source.displayPath] {
                cache.store(.entry(EntryExtract(document).moved(to: "")), for: blob)
            } else {
                cache.store(.unreadable, for: blob)
            }
        }
        try? cache.save(keeping: blobs)  // a cache that cannot be written only costs time in the next run
        return .accepted(clean: errors.isEmpty)
    }

    /// True when the edits leave nothing for the cross-file rules to find: a recent first-parent ancestor's registry
    /// tree is recorded clean (`CleanRegistryTrees`), every edited file stays a readable model file without errors,
    /// and no file changed since that tree — by this commit or by the ones in between, made with git or modelreg —
    /// changes a value those rules read, or was added or removed. Then no other file needs to be read.
    func crossFileVerdictStands(_ edits: [RegistryEdit], lint: LintReport, on parent: ObjectID?) throws(ToolError) -> Bool {
        let folder = registry.registryPath
        guard let parent, !edits.isEmpty, lint.errorCount == 0, lint.failures.isEmpty,
            lint.documents.count == edits.count,
            let parentTree = repository.treeID(at: folder, inCommit: parent)
        else { return false }
        let clean = CleanRegistryTrees(directory: CacheDirectory.forRepository(registry))
        guard !clean.trees.isEmpty else { return false }
        // The nearest clean tree along first parents, a few commits back at most.
        var cleanTree: ObjectID?
        var commit = parent
        var tree: ObjectID? = parentTree
        for _ in 0..<32 {
            guard let current = tree else { break }
            if clean.contains(current) {
                cleanTree = current
                break
            }
            guard let next = (try? repository.commit(commit))?.parentIDs.first else { break }
            commit = next
            tree = repository.treeID(at: folder, inCommit: next)
        }
        guard let cleanTree else { return false }

        func names(_ bytes: [UInt8], at path: String) -> EntryExtract? {
            guard case .entry(let extract)? = ExtractCache.records(parsing: [bytes], loader: DocumentLoader()).first else {
                return nil
            }
            return extract.moved(to: path)
        }
        func cleanVersion(of path: String) -> EntryExtract? {
            guard let blob = try? repository.entry(at: String(path.dropFirst(folder.isEmpty ? 0 : folder.count + 1)), inTree: cleanTree),
                blob.kind == .blob, let bytes = try? repository.blob(blob.id)
            else { return nil }
            return names(bytes, at: path)
        }
        // This commit's edits, against the clean tree's versions.
        let documents = Dictionary(lint.documents.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        for edit in edits {
            guard let document = documents[edit.path], let before = cleanVersion(of: edit.path),
                EntryExtract(document).sameNames(as: before)
            else { return false }
        }
        // The commits in between: only modified model files, each keeping its names.
        let edited = Set(edits.map(\.path))
        let deltas: [TreeDelta]
        do {
            deltas = try repository.diffTrees(cleanTree, parentTree)
        } catch {
            return false
        }
        for delta in deltas where !delta.path.contains("/") && RegistryLocator.isModelFileName(delta.path) {
            let path = join(folder, delta.path)
            guard let old = delta.oldID, let new = delta.newID else { return false }
            if edited.contains(path) { continue }
            guard let oldBytes = try? repository.blob(old), let newBytes = try? repository.blob(new),
                let before = names(oldBytes, at: path), let after = names(newBytes, at: path), after.sameNames(as: before)
            else { return false }
        }
        return true
    }

    /// The schema the commit is checked against: the override, else the one committed beside the registry, else
    /// the built-in one.
    func schema(at parent: ObjectID?) throws(ToolError) -> ModelSchema {
        if let schemaOverride { return schemaOverride }
        if let text = parent.flatMap({ registry.schemaText(at: $0) }) {
            let digest = ModelSchema.digest(of: text)
            if let known = compiledSchemas.first(where: { $0.digest == digest }) { return known }
            return try ModelSchema(text: text, origin: "schemas/model.schema.json")
        }
        return .builtIn
    }

    /// Writes the blobs, the tree and the commit object; moves no reference.
    func write(_ request: CommitRequest, on parent: ObjectID?, identity: (author: Signature, committer: Signature))
        throws(ToolError) -> ObjectID
    {
        do {
            var changes: [String: ObjectID?] = [:]
            for edit in request.edits {
                // `updateValue`, not a subscript assignment: assigning nil would drop the deletion.
                let blob = try edit.contents.map { bytes throws(GitError) in try repository.writeBlob(bytes) }
                changes.updateValue(blob, forKey: edit.path)
            }
            let baseTree = try parent.map { commit throws(GitError) in try repository.commit(commit).treeID }
            let tree = try repository.buildTree(base: baseTree, changes: changes)
            return try repository.createCommit(
                tree: tree, parents: parent.map { [$0] } ?? [], author: identity.author, committer: identity.committer,
                message: request.message.text)
        } catch {
            throw ToolError("cannot write the commit: \(error.message)")
        }
    }

    /// Brings the touched files of the work tree and the index in step with the new commit.
    func syncWorkTree(_ edits: [RegistryEdit]) throws(ToolError) {
        guard let workTree = registry.workTree else { return }
        for edit in edits {
            let path = workTree + "/" + edit.path
            if let contents = edit.contents {
                if AtomicFile.read(path) != contents { try AtomicFile.write(contents, to: path) }
            } else if FileManager.default.fileExists(atPath: path) {
                guard unlink(path) == 0 else {
                    throw ToolError("committed, but cannot remove \(edit.path): \(String(cString: strerror(errno)))")
                }
            }
        }
        do {
            try repository.stageFromWorkingTree(paths: edits.map(\.path))
        } catch {
            throw ToolError("committed, but cannot update the index for \(edits.map(\.path).joined(separator: ", ")): \(error.message)")
        }
    }

    /// The author (`--author`, else the configured identity) and the committer (the configured identity, else the author).
    func signatures(author: String?) throws(ToolError) -> (author: Signature, committer: Signature) {
        let now = Int64(Date().timeIntervalSince1970)
        let offset = TimeZone.current.secondsFromGMT() / 60
        let configured: Signature?
        let configurationError: GitError?
        do {
            configured = try repository.defaultSignature()
            configurationError = nil
        } catch {
            configured = nil
            configurationError = error
        }
        if let author {
            guard let open = author.lastIndex(of: "<"), author.hasSuffix(">"), open > author.startIndex else {
                throw ToolError("--author must look like `Name <email>`, got `\(author)`")
            }
            let name = author[..<open].trimmingWhitespace
            let email = String(author[author.index(after: open)..<author.index(before: author.endIndex)])
            guard !name.isEmpty, !email.isEmpty else { throw ToolError("--author must look like `Name <email>`, got `\(author)`") }
            let signature = Signature(name: name, email: email, time: now, offsetMinutes: offset)
            return (signature, configured ?? signature)
        }
        guard let configured else {
            throw ToolError(configurationError?.message ?? "no git identity configured")
        }
        return (configured, configured)
    }
}
