/// A locked entry records what it locks, and the lock still matches it.
public struct LockConsistencyRule: DocumentRule {
    public static let description = RuleDescription(
        id: "lock-consistency",
        summary: "A locked entry has artifacts, and `version_lock.expected_aggregate_sha256` equals `artifacts.aggregate_sha256`.",
        rationale: """
            A lock promises that the model's files are exactly the reviewed ones. A lock without artifacts promises \
            nothing, and an expected hash that differs from the recorded one means the entry has drifted from its lock.
            """,
        valid: [
            RuleExample(
                """
                schema_version: 1
                id: tiny-embedder
                name: Tiny Embedder
                type: dense
                license: mit
                description: Locked to one file.
                artifacts:
                  files:
                    - path: model.onnx
                      sha256: 2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824
                      size: 5
                  aggregate_sha256: d45241e4682ab41c40d959c6e5ed4ad85ce3f95b726aaf89ac78c349bd84dfa4
                version_lock:
                  locked: true
                  expected_aggregate_sha256: d45241e4682ab41c40d959c6e5ed4ad85ce3f95b726aaf89ac78c349bd84dfa4
                  last_verified: "2026-01-15T10:00:00Z"
                """)
        ],
        invalid: [
            RuleExample(
                """
                schema_version: 1
                id: tiny-embedder
                name: Tiny Embedder
                type: dense
                license: mit
                description: Locked, but nothing to lock.
                version_lock:
                  locked: ↓true
                """),
            RuleExample(
                """
                schema_version: 1
                id: tiny-embedder
                name: Tiny Embedder
                type: dense
                license: mit
                description: The artifacts changed after the lock.
                artifacts:
                  files:
                    - path: model.onnx
                      sha256: 2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824
                      size: 5
                  aggregate_sha256: d45241e4682ab41c40d959c6e5ed4ad85ce3f95b726aaf89ac78c349bd84dfa4
                version_lock:
                  locked: true
                  expected_aggregate_sha256: ↓"1111111111111111111111111111111111111111111111111111111111111111"
                """),
        ]
    )

    public init() {}

    public func check(_ document: ModelDocument, context: LintContext, into findings: inout [Finding]) {
        guard document.value.member(path: "version_lock.locked")?.asBool == true else { return }
        let aggregate = document.value.member(path: "artifacts.aggregate_sha256")?.asString
        let hasFiles = !(document.value.member(path: "artifacts.files")?.asArray?.isEmpty ?? true)
        guard hasFiles, let aggregate else {
            findings.append(
                document.finding(
                    Self.self, at: document.location(of: "version_lock.locked"),
                    "the entry is locked but records no `artifacts` (files and aggregate_sha256) to lock"))
            return
        }
        guard let expected = document.value.member(path: "version_lock.expected_aggregate_sha256")?.asString else {
            findings.append(
                document.finding(
                    Self.self, at: document.location(of: "version_lock.locked"),
                    "the entry is locked but `version_lock.expected_aggregate_sha256` is missing"))
            return
        }
        guard expected != aggregate else { return }
        findings.append(
            document.finding(
                Self.self, at: document.location(of: "version_lock.expected_aggregate_sha256"),
                "hash drift: the lock expects \(expected) but the artifacts record \(aggregate)",
                notes: [FindingNote(location: document.location(of: "artifacts.aggregate_sha256"), message: "recorded aggregate")]))
    }
}
