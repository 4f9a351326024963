import ArgumentParser
import Foundation
import JSONSchema
import ModelRegistry

/// `modelreg gate --base REV`: what a pull request's CI runs.
struct GateCommand: ToolCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, github, sarif, junit
    }

    static let configuration = CommandConfiguration(
        commandName: "gate",
        abstract: "Gate a change for CI: verify the head registry and block unapproved drift of locked models.",
        discussion: """
            Compares HEAD (or --head) with where it branched from --base, reading both from git. Exits 1 on any \
            error in the head registry, and on a change to a locked model (its hashes, its lock, its deletion \
            without deprecation) that is not approved. A change is approved by --allow-relock ID, or, for a relock, \
            by a `modelreg lock` commit in the range with a `Relock-Approved-By:` trailer. Exits 2 when it cannot \
            judge, e.g. in a shallow clone (check out with fetch-depth: 0).

            Only the files the change touched are linted; the cross-file rules read the others through extracts \
            cached per blob in .modelreg/.

            Examples:
              modelreg gate --base origin/main
              modelreg gate --base origin/main --format github     # annotations + $GITHUB_STEP_SUMMARY
              modelreg gate --base main --head my-branch --allow-relock bge-m3 --format junit > gate.xml
            """
    )

    @Option(help: ArgumentHelp("The revision the change goes into (e.g. origin/main).", valueName: "rev"))
    var base: String

    @Option(help: ArgumentHelp("The revision to gate.", valueName: "rev"))
    var head: String = "HEAD"

    @Option(
        name: .customLong("allow-relock"),
        help: ArgumentHelp(
            "Approve changes to this locked model: relock, unlock or deletion (repeatable; what CI passes for a maintainer's label).",
            valueName: "id"))
    var allowRelock: [String] = []

    @Option(help: "text (on stderr), json, github, sarif or junit (on stdout).")
    var format: Format = .text

    @Flag(help: "Neither read nor write the extract cache in .modelreg/.")
    var noCache = false

    @OptionGroup var registryOptions: RegistryOptions

    func execute() throws -> Int32 {
        // The extract cache is read on another thread while libgit2 starts, the commits are read and the trees
        // diffed: from the `.modelreg/` of the nearest work tree, found on the file system, and read again from the
        // repository's own if that turns out to be elsewhere.
        let guessedDirectory = noCache ? nil : CacheDirectory.forFolder(FileSystem.currentDirectory)
        let guessedCache = guessedDirectory.map { directory in Prefetch<ExtractCache?> { ExtractCache(directory: directory) } }
        let registry = try RegistryRepository(
            discoveringFrom: FileSystem.currentDirectory, registryDirectory: registryOptions.registry)
        let schema = try registryOptions.schema.map { path throws(ToolError) in try ModelSchema.load(path: path) }
        let gate: RegistryGate
        if let guessedCache {
            let directory = CacheDirectory.forRepository(registry)
            gate = RegistryGate(
                registry: registry, schema: schema, allowRelock: Set(allowRelock),
                prefetchedCache: directory == guessedDirectory
                    ? guessedCache : Prefetch<ExtractCache?> { ExtractCache(directory: directory) })
        } else {
            gate = RegistryGate(registry: registry, schema: schema, allowRelock: Set(allowRelock), cache: nil)
        }
        let report = try gate.run(base: base, head: head)
        emit(report)
        for failure in report.failures { Terminal.writeError("modelreg: error: \(failure)\n") }
        if !report.failures.isEmpty { return 2 }
        return report.passed ? 0 : 1
    }

    private func emit(_ report: GateReport) {
        switch format {
        case .text:
            let reporter = TextReporter(showSource: false, useColor: Terminal.colorAllowed(terminal: Terminal.stderrIsTerminal))
            var output = reporter.render(report.findings, fileCount: report.fileCount)
            for line in report.approvalLines { output += "note: \(line)\n" }
            Terminal.writeError(output + report.verdict + "\n")
        case .json:
            guard case .object(var object) = JSONReporter.value(report.findings, fileCount: report.fileCount) else { return }
            object["gate"] = report.json()
            Terminal.writeOut(JSONValue.object(object).serialized(pretty: true) + "\n")
        case .github:
            var output = GitHubReporter.render(report.findings, fileCount: report.fileCount)
            for change in report.approved {
                output += "::notice title=relock approved::\(change.approval.modelID): \(change.approval.description)\n"
            }
            Terminal.writeOut(output + report.verdict + "\n")
            writeStepSummary(report.markdown())
        case .sarif:
            Terminal.writeOut(SARIFReporter.render(report.findings, toolVersion: ModelRegCommand.version))
        case .junit:
            Terminal.writeOut(JUnitReporter.render(report.findings, files: report.checkedFiles, suiteName: "modelreg gate"))
        }
    }

    /// Appends the summary to the file GitHub Actions names in `$GITHUB_STEP_SUMMARY`, when it is set.
    private func writeStepSummary(_ markdown: String) {
        guard let path = ProcessInfo.processInfo.environment["GITHUB_STEP_SUMMARY"], !path.isEmpty else { return }
        if !FileManager.default.fileExists(atPath: path) { _ = FileManager.default.createFile(atPath: path, contents: nil) }
        guard let handle = FileHandle(forWritingAtPath: path) else {
            Terminal.writeError("modelreg: warning: cannot write the step summary to \(path)\n")
            return
        }
        defer { try? handle.close() }
        do {
            try handle.seekToEnd()
            try handle.write(contentsOf: Data((markdown.hasSuffix("\n") ? markdown : markdown + "\n").utf8))
        } catch {
            Terminal.writeError("modelreg: warning: cannot write the step summary to \(path): \(error)\n")
        }
    }
}
