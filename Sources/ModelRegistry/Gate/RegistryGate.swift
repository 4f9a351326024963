import Git
import YAML

/// The CI gate: is the change from `base` to `head` fit to merge?
///
/// 1. The head registry is verified: every rule on the files the change touched (all files when the schema
///    changed), and the cross-file rules over the whole registry. Files the change did not touch are not re-linted;
///    the cross-file rules see them through their `EntryExtract`, kept per blob id in an `ExtractCache`, so only
///    blobs never seen before are parsed.
/// 2. The change rules compare the touched entries before and after: a locked model's hashes, its lock, its
///    deletion (`locked-drift`, `lock-removed`, `locked-deletion`).
/// 3. A change to a locked model passes when it is approved (`RelockApprovals`).
///
/// The change is measured from the merge base of `base` and `head`, as a pull request shows it.
public struct RegistryGate {
    public let registry: RegistryRepository
    /// The schema to validate against; nil: the one beside the registry at the head, else the built-in one.
    public var schema: ModelSchema?
    /// Model ids whose changes are approved (`--allow-relock`).
    public var allowRelock: Set<String> = []
    /// Kept extracts of unchanged files, saved again after each run; nil parses every file the cross-file rules need.
    public var cache: ExtractCache? {
        get {
            switch cacheSource {
            case .ready(let cache): cache
            case .pending(let prefetch): prefetch.value
            }
        }
        set { cacheSource = .ready(newValue) }
    }
    private var cacheSource: CacheSource

    private enum CacheSource {
        case ready(ExtractCache?)
        case pending(Prefetch<ExtractCache?>)
    }

    public init(registry: RegistryRepository, schema: ModelSchema? = nil, allowRelock: Set<String> = [], cache: ExtractCache? = nil) {
        self.registry = registry
        self.schema = schema
        self.allowRelock = allowRelock
        cacheSource = .ready(cache)
    }

    /// A gate whose cache is still being read (see `Prefetch`): the run reads the commits and diffs the trees
    /// meanwhile, and waits for the cache only when it needs the extracts.
    public init(
        registry: RegistryRepository, schema: ModelSchema? = nil, allowRelock: Set<String> = [],
        prefetchedCache: Prefetch<ExtractCache?>
    ) {
        self.registry = registry
        self.schema = schema
        self.allowRelock = allowRelock
        cacheSource = .pending(prefetchedCache)
    }

    /// The cache in the repository's `.modelreg/` folder (see `CacheDirectory.forRepository(_:)`).
    public static func defaultCache(for registry: RegistryRepository) -> ExtractCache? {
        ExtractCache(for: registry)
    }

    /// Runs the gate. Throws when it cannot judge: an unknown revision, a shallow clone without the history that
    /// joins base and head, an unreadable object or schema.
    public func run(base: String, head: String = "HEAD") throws(ToolError) -> GateReport {
        let repository = registry.repository
        let baseCommit = try resolve(base, role: "base")
        let headCommit = try resolve(head, role: "head")
        let mergeBase = try self.mergeBase(baseCommit, headCommit, base: base, head: head)
        let folder = registry.registryPath

        do {
            // What the change touched in the registry folder (its model files, not subfolders).
            let deltas = try repository.diffTrees(
                repository.treeID(at: folder, inCommit: mergeBase), repository.treeID(at: folder, inCommit: headCommit)
            ).filter { !$0.path.contains("/") && RegistryLocator.isModelFileName($0.path) }
            let headFiles = try repository.entries(ofTreeAt: folder, inCommit: headCommit)
                .filter { $0.kind == .blob && RegistryLocator.isModelFileName($0.name) }
                .sorted { $0.name < $1.name }

            let schemaText = registry.schemaText(at: headCommit)
            let schemaChanged = schema == nil && schemaText != registry.schemaText(at: mergeBase)
            let linter: Linter
            if let schema {
                linter = Linter(schema: schema)
            } else if let schemaText {
                linter = Linter(schema: try ModelSchema(text: schemaText, origin: "schemas/model.schema.json at \(head)"))
            } else {
                linter = Linter(schema: .builtIn)
            }

            // 1. Every rule on the touched files; extracts of the others for the cross-file rules.
            let touched = Set(deltas.compactMap { $0.newID == nil ? nil : $0.path })
            let isTouched = Self.membership(in: touched)
            let checked = headFiles.filter { schemaChanged || isTouched($0.name) }
            let checkedNames = Set(checked.map(\.name))
            let lint = linter.lint(
                try checked.map { entry throws(GitError) in
                    LintSource(displayPath: join(folder, entry.name), bytes: try repository.blob(entry.id))
                })
            let documentsByPath = Dictionary(lint.documents.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
            let (extracts, parsedForExtracts) = try self.extracts(
                of: headFiles, in: folder, documents: documentsByPath, checked: checkedNames, loader: linter.loader)
            var findings = lint.findings + linter.checkRegistry(RegistrySnapshot(entries: extracts))

            // 2. The change rules on the touched entries, before and after. A file that exists but cannot be read
            //    is left out on both sides (its reader finding blocks the change), never taken for a deletion.
            let before = try deltas.compactMap { delta throws(GitError) -> ModelDocument? in
                guard let id = delta.oldID, delta.newID == nil || documentsByPath[join(folder, delta.path)] != nil else {
                    return nil
                }
                return Self.document(linter.loader.load(bytes: try repository.blob(id), displayPath: join(folder, delta.path)))
            }
            let after = deltas.compactMap { $0.newID == nil ? nil : documentsByPath[join(folder, $0.path)] }
            let change = RegistryChange(base: before, head: after)
            var changeFindings: [ChangeFinding] = []
            for rule in RuleCatalog.changeRules { rule.check(change, into: &changeFindings) }

            // 3. Approvals excuse changes to locked models.
            var approvals = RelockApprovals(allowed: allowRelock)
            if changeFindings.contains(where: { !allowRelock.contains($0.modelID) }) {
                approvals.lockCommits = try lockCommits(from: headCommit, hiding: baseCommit)
            }
            var approved: [String: GateReport.ApprovedChange] = [:]
            for changeFinding in changeFindings {
                if let approval = approvals.approval(for: changeFinding, in: change) {
                    approved[changeFinding.modelID, default: .init(approval: approval, findings: [])].findings.append(changeFinding.finding)
                } else {
                    findings.append(changeFinding.finding)
                }
            }

            return GateReport(
                baseName: base, headName: head, baseCommit: baseCommit, headCommit: headCommit, mergeBase: mergeBase,
                changedFiles: deltas.map { join(folder, $0.path) }.sorted(),
                checkedFiles: checked.map { join(folder, $0.name) },
                fileCount: headFiles.count, parsedForExtracts: parsedForExtracts, findings: findings.sorted(),
                approved: approved.keys.sorted().map { approved[$0]! },
                diff: RegistryDiff.between(before, after), failures: lint.failures)
        } catch let error as ToolError {
            throw error
        } catch let error as GitError {
            throw ToolError("cannot read the registry between \(base) and \(head): \(error.message)")
        } catch {
            throw ToolError("\(error)")
        }
    }

    // MARK: Revisions

    private func resolve(_ revision: String, role: String) throws(ToolError) -> ObjectID {
        do {
            return try registry.repository.resolveCommit(revision)
        } catch {
            var message = "unknown \(role) revision `\(revision)`: \(error.message)"
            if registry.repository.isShallow { message += "\n" + Self.shallowAdvice }
            throw ToolError(message)
        }
    }

    /// The merge base; in a shallow clone, where libgit2 1.5 cannot walk past the cut, `base` itself when it is
    /// an ancestor of `head`.
    private func mergeBase(_ baseCommit: ObjectID, _ headCommit: ObjectID, base: String, head: String) throws(ToolError) -> ObjectID {
        let repository = registry.repository
        if let found = repository.mergeBase(baseCommit, headCommit) { return found }
        if repository.isShallow {
            if repository.isAncestor(baseCommit, of: headCommit) { return baseCommit }
            throw ToolError(
                "cannot find where `\(head)` branched from `\(base)`: this clone is shallow and lacks the history "
                    + "that joins them\n" + Self.shallowAdvice)
        }
        throw ToolError("`\(base)` and `\(head)` share no history: there is no change to gate")
    }

    static let shallowAdvice = """
        this is a shallow clone: the gate compares the pull request with its base and needs their common history. \
        In GitHub Actions check out with `fetch-depth: 0` (actions/checkout), or run `git fetch --unshallow`.
        """

    /// The approved `modelreg lock` commits reachable from `head` but not from `base`, newest first.
    private func lockCommits(from head: ObjectID, hiding base: ObjectID) throws(ToolError) -> [RelockApprovals.LockCommit] {
        let repository = registry.repository
        do {
            var commits: [RelockApprovals.LockCommit] = []
            for id in try repository.walk(from: [head], hiding: [base]) {
                if let lock = RelockApprovals.lockCommit(message: try repository.commit(id).message, commit: id.shortHex) {
                    commits.append(lock)
                }
            }
            return commits
        } catch {
            throw ToolError("cannot read the commits between the base and the head: \(error.message)")
        }
    }

    // MARK: Extracts

    /// The extract of every head file: from its document when it was linted, else from the cache, else parsed
    /// (and then kept in the cache, which is saved). Returns the extracts and how many files were parsed for them.
    private func extracts(
        of headFiles: [TreeEntry], in folder: String, documents: [String: ModelDocument], checked: Set<String>,
        loader: DocumentLoader
    ) throws(ToolError) -> ([EntryExtract], Int) {
        let savedCache = self.cache
        var cache = savedCache ?? ExtractCache(directory: nil)
        var extracts: [EntryExtract] = []
        var unchecked: [TreeEntry] = []
        unchecked.reserveCapacity(headFiles.count)
        // The checked files' documents are those of them that could be read.
        let isChecked = Self.membership(in: checked)
        for entry in headFiles {
            guard isChecked(entry.name) else {
                unchecked.append(entry)
                continue
            }
            if let document = documents[join(folder, entry.name)] {
                let extract = EntryExtract(document)
                extracts.append(extract)
                cache.store(.entry(extract.moved(to: "")), for: entry.id)
            } else {
                cache.store(.unreadable, for: entry.id)
            }
        }
        let (kept, parsed) = try cache.extracts(of: unchecked, in: folder, repository: registry.repository, loader: loader)
        if savedCache != nil { try cache.save(keeping: Set(headFiles.map(\.id))) }
        return (EntryExtract.merged(extracts.sorted { $0.path < $1.path }, into: kept), parsed)
    }

    /// Whether a name is among `names`, asked for each of a registry's thousands of files: a pull request's few
    /// names are compared with, not every file name hashed; many (a changed schema checks every file) are hashed.
    private static func membership(in names: Set<String>) -> (String) -> Bool {
        if names.count <= 16 {
            let few = Array(names)
            return { few.contains($0) }
        }
        return { names.contains($0) }
    }

    static func document(_ outcome: DocumentLoader.Outcome) -> ModelDocument? {
        if case .document(let document) = outcome { return document }
        return nil
    }
}
