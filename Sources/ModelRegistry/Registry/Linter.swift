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
        let workers = max(1, min(inputs.count / 64, System.coreCount))
        let chunks = Mutex<[[(ModelDocument?, [Finding])]]>(Array(repeating: [], count: workers))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var results: [(ModelDocument?, [Finding])] = []
            var index = worker
            while index < inputs.count {
                results.append(check(inputs[index]))
                index += workers
            }
            chunks.withLock { $0[worker] = results }
        }
        var documents: [ModelDocument] = []
        var findings: [Finding] = []
        chunks.withLock { chunks in
            for chunk in chunks {
                for (document, found) in chunk {
                    if let document { documents.append(document) }
                    findings.append(contentsOf: found)
                }
            }
        }
        documents.sort { $0.path < $1.path }
        findings.sort()
        return LintReport(files: inputs.map(\.displayPath), documents: documents, findings: findings)
    }

    /// Lints every file, then runs the rules that compare files.
    public func verify(_ inputs: [LintInput]) -> LintReport {
        var report = lint(inputs)
        report.findings.append(contentsOf: checkRegistry(RegistrySnapshot(documents: report.documents)))
        report.findings.sort()
        return report
    }

    /// The cross-file rules over a set of documents.
    public func checkRegistry(_ snapshot: RegistrySnapshot) -> [Finding] {
        var findings: [Finding] = []
        for rule in RuleCatalog.registryRules { rule.check(snapshot, into: &findings) }
        return findings
    }

    /// Reads one file and runs the document rules on it.
    func check(_ input: LintInput) -> (ModelDocument?, [Finding]) {
        switch loader.load(path: input.path, displayPath: input.displayPath) {
        case .unreadable(let finding):
            return (nil, [finding])
        case .document(let document):
            return (document, checkDocument(document))
        }
    }

    /// Runs the document rules on a document already read.
    public func checkDocument(_ document: ModelDocument) -> [Finding] {
        var findings: [Finding] = []
        for rule in RuleCatalog.documentRules { rule.check(document, context: context, into: &findings) }
        return findings
    }
}

enum System {
    /// The number of cores to spread work over.
    static var coreCount: Int {
        let count = sysconf(Int32(_SC_NPROCESSORS_ONLN))
        return count > 0 ? count : 1
    }
}
