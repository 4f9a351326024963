import Dispatch
import Foundation
import Synchronization
import YAML

/// What a lint or verify run found.
public struct LintReport: Sendable {
    /// The files looked at, as displayed.
    public var files: [String]
    /// The documents that could be read, sorted by path.
    public var documents: [ModelDocument]
    /// Every finding, sorted by path, line, column.
    public var findings: [Finding]
    /// Files that could not be read at all (permissions, I/O): the run is incomplete.
    public var failures: [String] = []

    public var errorCount: Int { findings.count { $0.severity == .error } }
    public var warningCount: Int { findings.count { $0.severity == .warning } }
}

/// A file to check: where to read it, and how to name it in diagnostics.
public struct LintInput: Sendable, Hashable {
    public var path: String
    public var displayPath: String

    public init(path: String, displayPath: String) {
        self.path = path
        self.displayPath = displayPath
    }
}

/// A file's bytes already in memory, and how to name it in diagnostics.
public struct LintSource: Sendable {
    public var displayPath: String
    public var bytes: [UInt8]

    public init(displayPath: String, bytes: [UInt8]) {
        self.displayPath = displayPath
        self.bytes = bytes
    }
}

/// Runs the rules: per file (`lint`) or over a whole registry (`verify`).
public struct Linter: Sendable {
    public let context: LintContext
    public let loader: DocumentLoader
    /// For a command that exits after the run: the extracts of a `verify` (and the snapshot of them the cross-file
    /// rules read) are left for the process's end instead of being freed one by one (see `LeftToExit`).
    public var leavesExtractsToExit = false

    public init(schema: ModelSchema, limits: YAMLLimits = .default) {
        context = LintContext(schema: schema)
        loader = DocumentLoader(limits: limits)
    }

    /// This linter with a separately compiled schema, for another worker thread: threads that
    /// check side by side with one linter take turns at the reference counts of its compiled schema (see
    /// `ModelSchema.separateCopy`).
    public func separateCopy() -> Linter {
        var copy = Linter(schema: context.schema.separateCopy(), limits: loader.limits)
        copy.leavesExtractsToExit = leavesExtractsToExit
        return copy
    }

    /// Reads and checks each file on its own: the reader, the schema and the document rules.
    public func lint(_ inputs: [LintInput]) -> LintReport {
        run(inputs, keepingDocuments: true).report
    }

    /// Checks files whose bytes are already in memory (a registry read from a git revision).
    public func lint(_ sources: [LintSource]) -> LintReport {
        run(sources, keepingDocuments: true).report
    }

    private func run(_ inputs: [LintInput], keepingDocuments: Bool) -> (report: LintReport, extracts: [EntryExtract]) {
        run(count: inputs.count, names: inputs.map(\.displayPath), keepingDocuments: keepingDocuments) { linter, index in
            linter.check(linter.loader.load(path: inputs[index].path, displayPath: inputs[index].displayPath))
        }
    }

    private func run(_ sources: [LintSource], keepingDocuments: Bool) -> (report: LintReport, extracts: [EntryExtract]) {
        run(count: sources.count, names: sources.map(\.displayPath), keepingDocuments: keepingDocuments) { linter, index in
            linter.check(linter.loader.load(bytes: sources[index].bytes, displayPath: sources[index].displayPath))
        }
    }

    /// Runs `body` for each index on every core and gathers the results. Each readable file's extract is taken in
    /// the worker that read it; its document is kept only when asked for (a large registry's documents are most of
    /// a run's memory, and the cross-file rules need only the extracts). Every worker but the first checks with a
    /// schema compiled for it alone (`separateCopy`), which `body` receives with the index.
    private func run(
        count: Int, names: [String], keepingDocuments: Bool, _ body: @Sendable (Linter, Int) -> CheckResult
    ) -> (report: LintReport, extracts: [EntryExtract]) {
        let workers = max(1, min(count / 64, System.coreCount))
        // Files are handed out in small chunks as workers ask for them, so a worker that the machine slows down
        // does not leave the others waiting at the end. Each extract is written straight into the result array, at
        // its file's place, by the one worker that read the file (the few unreadable files' places are closed up
        // afterwards); what else a chunk yields (documents, findings, failures) waits in that chunk's slot. Nothing
        // is copied from one buffer to another on the way to the report.
        let chunkSize = ChunkOutcome.size
        let chunks = OutcomeSlots<ChunkOutcome>(count: (count + chunkSize - 1) / chunkSize)
        defer { chunks.deallocate() }
        let nextChunk = Atomic<Int>(0)
        var outcomes: [ChunkOutcome] = []
        let extracts = [EntryExtract](unsafeUninitializedCapacity: count) { buffer, initialized in
            let slots = ExtractSlots(buffer)
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                let linter = worker == 0 ? self : separateCopy()
                while true {
                    let chunk = nextChunk.wrappingAdd(1, ordering: .relaxed).oldValue
                    let start = chunk * chunkSize
                    guard start < count else { break }
                    var outcome = ChunkOutcome()
                    for index in start..<min(start + chunkSize, count) {
                        let result = body(linter, index)
                        if let document = result.document {
                            slots.put(EntryExtract(document), at: index)
                            outcome.extracted |= 1 << UInt64(index - start)
                            if keepingDocuments { outcome.documents.append(document) }
                        }
                        outcome.findings.append(contentsOf: result.findings)
                        if let failure = result.failure { outcome.failures.append(failure) }
                    }
                    chunks.put(outcome, at: chunk)
                }
            }
            outcomes = (0..<chunks.count).map { chunks.take(at: $0) }
            initialized = slots.closeGaps(extracted: outcomes.map(\.extracted), chunkSize: chunkSize)
        }
        var documents: [ModelDocument] = []
        var findings: [Finding] = []
        var failures: [String] = []
        if keepingDocuments { documents.reserveCapacity(extracts.count) }
        for outcome in outcomes {
            documents.append(contentsOf: outcome.documents)
            findings.append(contentsOf: outcome.findings)
            failures.append(contentsOf: outcome.failures)
        }
        documents.sort { $0.path < $1.path }
        findings.sort()
        return (LintReport(files: names, documents: documents, findings: findings, failures: failures.sorted()), extracts)
    }

    /// What one chunk of files yields besides its extracts.
    private struct ChunkOutcome {
        /// Files per chunk: one bit each in `extracted`.
        static let size = 32
        /// Which of the chunk's files gave an extract (bit i: the chunk's i-th file). Kept with the chunk rather than
        /// in a flag per file, which the workers would write side by side in one cache line.
        var extracted: UInt64 = 0
        var documents: [ModelDocument] = []
        var findings: [Finding] = []
        var failures: [String] = []
    }

    /// One value per chunk, each slot written once by the worker that checked the chunk and read once afterwards.
    private struct OutcomeSlots<Value>: @unchecked Sendable {
        let base: UnsafeMutablePointer<Value>
        let count: Int

        init(count: Int) {
            base = .allocate(capacity: max(count, 1))
            self.count = count
        }

        func put(_ value: consuming Value, at index: Int) { (base + index).initialize(to: value) }

        /// Moves the value out; every slot must be taken exactly once before `deallocate`.
        func take(at index: Int) -> Value { (base + index).move() }

        func deallocate() { base.deallocate() }
    }

    /// The result array's storage while the workers fill it: a file's extract goes to the file's index, and
    /// `closeGaps` moves the extracts together (in file order) once every worker is done.
    private struct ExtractSlots: @unchecked Sendable {
        let base: UnsafeMutablePointer<EntryExtract>?

        init(_ buffer: UnsafeMutableBufferPointer<EntryExtract>) {
            base = buffer.baseAddress
        }

        func put(_ extract: consuming EntryExtract, at index: Int) {
            (base! + index).initialize(to: extract)
        }

        /// Moves the extracts to the front, in order, given which places of each chunk hold one; returns how many
        /// there are.
        func closeGaps(extracted: [UInt64], chunkSize: Int) -> Int {
            var next = 0
            for (chunk, mask) in extracted.enumerated() {
                var bits = mask
                while bits != 0 {
                    let index = chunk * chunkSize + bits.trailingZeroBitCount
                    bits &= bits - 1
                    if index != next { (base! + next).moveInitialize(from: base! + index, count: 1) }
                    next += 1
                }
            }
            return next
        }
    }

    /// Lints every file, then runs the rules that compare files. Without `keepingDocuments` the report holds no
    /// documents, and the run a fraction of the memory.
    public func verify(_ inputs: [LintInput], keepingDocuments: Bool = true) -> LintReport {
        withRegistryRules(run(inputs, keepingDocuments: keepingDocuments))
    }

    /// Lints every in-memory file, then runs the rules that compare files.
    public func verify(_ sources: [LintSource], keepingDocuments: Bool = true) -> LintReport {
        withRegistryRules(run(sources, keepingDocuments: keepingDocuments))
    }

    private func withRegistryRules(_ run: (report: LintReport, extracts: [EntryExtract])) -> LintReport {
        var report = run.report
        let snapshot = RegistrySnapshot(entries: run.extracts)
        report.findings.append(contentsOf: checkRegistry(snapshot))
        report.findings.sort()
        if leavesExtractsToExit { LeftToExit.keep(snapshot) }
        return report
    }

    /// The cross-file rules over a set of documents.
    public func checkRegistry(_ snapshot: RegistrySnapshot) -> [Finding] {
        let rules = RuleCatalog.registryRules
        // The rules are independent: on a large registry they run side by side, on every core.
        guard snapshot.entries.count >= 2048, System.coreCount > 1 else {
            var findings: [Finding] = []
            for rule in rules { rule.check(snapshot, into: &findings) }
            return findings
        }
        let found = Mutex<[[Finding]]>(Array(repeating: [], count: rules.count))
        DispatchQueue.concurrentPerform(iterations: rules.count) { index in
            var findings: [Finding] = []
            rules[index].check(snapshot, into: &findings)
            found.withLock { $0[index] = findings }
        }
        return found.withLock { $0.flatMap { $0 } }
    }

    struct CheckResult: Sendable {
        var document: ModelDocument?
        var findings: [Finding] = []
        var failure: String?
    }

    /// Runs the document rules on what the loader read.
    func check(_ outcome: DocumentLoader.Outcome) -> CheckResult {
        switch outcome {
        case .unreadable(let finding):
            return CheckResult(findings: [finding])
        case .document(let document):
            return CheckResult(document: document, findings: checkDocument(document))
        case .failed(let message):
            return CheckResult(failure: message)
        }
    }

    /// Runs the document rules on a document already read.
    public func checkDocument(_ document: ModelDocument) -> [Finding] {
        var findings: [Finding] = []
        // By index: the rules are read in place, not copied out of the list one by one.
        let rules = RuleCatalog.documentRules
        for index in rules.indices { rules[index].check(document, context: context, into: &findings) }
        return findings
    }
}
