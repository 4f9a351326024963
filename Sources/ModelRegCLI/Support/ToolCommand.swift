import ArgumentParser
import ModelRegistry

/// A command that returns its exit code, and whose `ToolError`s become
/// `modelreg: error: …` with exit code 2 (the tool could not do its work).
protocol ToolCommand: ParsableCommand {
    func execute() throws -> Int32
}

extension ToolCommand {
    func run() throws {
        let code: Int32
        do {
            code = try execute()
        } catch let error as ToolError {
            Terminal.writeError("modelreg: error: \(error.message)\n")
            throw ExitCode(2)
        } catch let error as ToolErrorBox {
            Terminal.writeError("modelreg: error: \(error.description)\n")
            throw ExitCode(2)
        }
        if code != 0 { throw ExitCode(code) }
    }
}

/// Prints a report in the chosen format and decides the exit code.
enum ReportPrinter {
    /// Prints the report; files that could not be read at all make the run exit 2 after the findings.
    static func emit(_ report: LintReport, options: ReportOptions) -> Int32 {
        let code = emit(report.findings, fileCount: report.files.count, options: options)
        for failure in report.failures { Terminal.writeError("modelreg: error: \(failure)\n") }
        return report.failures.isEmpty ? code : 2
    }

    static func emit(_ findings: [Finding], fileCount: Int, options: ReportOptions) -> Int32 {
        switch options.format {
        case .text:
            let reporter = TextReporter(
                showSource: Terminal.stderrIsTerminal, useColor: Terminal.colorAllowed(terminal: Terminal.stderrIsTerminal))
            Terminal.writeError(reporter.render(findings, fileCount: fileCount))
        case .json:
            Terminal.writeOut(JSONReporter.render(findings, fileCount: fileCount))
        case .github:
            Terminal.writeOut(GitHubReporter.render(findings, fileCount: fileCount))
        case .sarif:
            Terminal.writeOut(SARIFReporter.render(findings, toolVersion: ModelRegCommand.version))
        }
        let failing = findings.contains { $0.severity == .error || (options.strict && $0.severity == .warning) }
        return failing ? 1 : 0
    }
}
