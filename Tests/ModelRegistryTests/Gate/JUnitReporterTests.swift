import Testing

@testable import ModelRegistry

@Suite struct JUnitReporterTests {
    @Test func oneCasePerFileAndAFailurePerError() {
        let error = Finding(
            severity: .error, location: SourceLocation(path: "registry/a.yaml", line: 3, column: 7), ruleID: "schema",
            message: "bad <value> & \"quote\"", notes: [FindingNote(message: "note\u{1}")])
        let warning = Finding(
            severity: .warning, location: SourceLocation(path: "registry/gone.yaml", line: 1, column: 1),
            ruleID: "huggingface-id-unique", message: "twice")
        let xml = JUnitReporter.render([error, warning], files: ["registry/a.yaml", "registry/b.yaml"], suiteName: "gate")
        #expect(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"gate\" tests=\"3\" failures=\"1\" errors=\"0\">\n"))
        #expect(xml.contains("<testcase classname=\"gate\" name=\"registry/b.yaml\" file=\"registry/b.yaml\"/>"))
        #expect(
            xml.contains(
                "<failure type=\"schema\" message=\"bad &lt;value&gt; &amp; &quot;quote&quot;\">registry/a.yaml:3:7: error: bad &lt;value&gt; &amp; &quot;quote&quot; [schema]\nnote: note\u{FFFD}</failure>"))
        #expect(xml.contains("<system-out>registry/gone.yaml:1:1: warning: twice [huggingface-id-unique]</system-out>"))
        #expect(xml.hasSuffix("  </testsuite>\n</testsuites>\n"))
    }
}
