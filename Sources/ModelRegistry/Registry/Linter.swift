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

    public init(schema: ModelSchema, limits: YAMLLimits = .default) {
        context = LintContext(schema: schema)
        loader = DocumentLoader(limits: limits)
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
        run(count: inputs.count, names: inputs.map(\.displayPath), keepingDocuments: keepingDocuments) { index in
            check(loader.load(path: inputs[index].path, displayPath: inputs[index].displayPath))
        }
    }

    private func run(_ sources: [LintSource], keepingDocuments: Bool) -> (report: LintReport, extracts: [EntryExtract]) {
        run(count: sources.count, names: sources.map(\.displayPath), keepingDocuments: keepingDocuments) { index in
            check(loader.load(bytes: sources[index].bytes, displayPath: sources[index].displayPath))
        }
    }

    /// Runs `body` for each index on every core and gathers the results. Each readable file's extract is taken in
    /// the worker that read it; its document is kept only when asked for (a large registry's documents are most of
    /// a run's memory, and the cross-file rules need only the extracts).
    private func run(
        count: Int, names: [String], keepingDocuments: Bool, _ body: @Sendable (Int) -> CheckResult
    ) -> (report: LintReport, extracts: [EntryExtract]) {
        let workers = max(1, min(count / 64, System.coreCount))
        // Each file's result goes to its own slot, written by the one worker that checked the file and then moved
        // (not copied) into the report, in file order. Files are handed out in small chunks as workers ask for them,
        // so a worker that the machine slows down does not leave the others waiting at the end.
        let slots = ResultSlots(count: count)
        defer { slots.deallocate() }
        let chunkSize = 32
        let nextChunk = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let start = nextChunk.wrappingAdd(1, ordering: .relaxed).oldValue * chunkSize
                guard start < count else { break }
                for index in start..<min(start + chunkSize, count) {
                    var result = body(index)
                    if let document = result.document {
                        result.extract = EntryExtract(document)
                        if !keepingDocuments { result.document = nil }
                    }
                    slots.put(result, at: index)
                }
            }
        }
        var documents: [ModelDocument] = []
        var extracts: [EntryExtract] = []
        var findings: [Finding] = []
        var failures: [String] = []
        extracts.reserveCapacity(count)
        if keepingDocuments { documents.reserveCapacity(count) }
        for index in 0..<count {
            var result = slots.take(at: index)
            if let document = result.document.take() { documents.append(document) }
            if let extract = result.extract.take() { extracts.append(extract) }
            if !result.findings.isEmpty { findings.append(contentsOf: result.findings) }
            if let failure = result.failure { failures.append(failure) }
        }
        documents.sort { $0.path < $1.path }
        findings.sort()
        return (LintReport(files: names, documents: documents, findings: findings, failures: failures.sorted()), extracts)
    }

    /// One result per file, each slot written once by the worker that checked the file and read once afterwards.
    private struct ResultSlots: @unchecked Sendable {
        let base: UnsafeMutablePointer<CheckResult>

        init(count: Int) { base = .allocate(capacity: max(count, 1)) }

        func put(_ result: consuming CheckResult, at index: Int) { (base + index).initialize(to: result) }

        /// Moves the result out; every slot must be taken exactly once before `deallocate`.
        func take(at index: Int) -> CheckResult { (base + index).move() }

        func deallocate() { base.deallocate() }
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
        report.findings.append(contentsOf: checkRegistry(RegistrySnapshot(entries: run.extracts)))
        report.findings.sort()
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
        var extract: EntryExtract?
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
        for rule in RuleCatalog.documentRules { rule.check(document, context: context, into: &findings) }
        return findings
    }
}
