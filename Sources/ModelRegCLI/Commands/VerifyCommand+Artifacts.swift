import ModelRegistry

/// `modelreg verify --artifacts`: the registry's checks plus the files of every locked model, re-hashed.
extension VerifyCommand {
    func verifyArtifacts(registryDirectory: String, report: LintReport) -> Int32 {
        let verifier = ArtifactVerifier(
            hasher: artifactOptions.hasher, locator: artifactOptions.locator(registryDirectory: registryDirectory))
        let verification = verifier.verify(report.documents)
        var combined = report
        combined.findings = (report.findings + verification.findings).sorted()
        let code = ReportPrinter.emit(combined, options: reportOptions)
        if reportOptions.format == .text { Terminal.writeError(verification.summary + "\n") }
        return code
    }
}
