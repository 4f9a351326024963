/// The ways findings can be printed.
public enum OutputFormat: String, Sendable, CaseIterable {
    /// Compiler-style lines on stderr, with the source line and a caret on a terminal.
    case text
    /// One JSON document with every finding and a summary.
    case json
    /// GitHub Actions workflow commands (`::error file=…,line=…::…`): annotations on the pull request.
    case github
    /// SARIF 2.1.0, for code-scanning dashboards.
    case sarif
}
