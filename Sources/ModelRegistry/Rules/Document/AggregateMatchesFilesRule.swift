/// The recorded aggregate is the one the recorded file hashes give.
public struct AggregateMatchesFilesRule: DocumentRule {
    public static let description = RuleDescription(
        id: "aggregate-matches-files",
        summary: "`artifacts.aggregate_sha256` equals the aggregate computed from `artifacts.files` (`sha256sum FILES | LC_ALL=C sort | sha256sum`).",
        rationale: """
            The aggregate stands for the whole set of files in locks and reviews; if it does not follow from the \
            per-file hashes, one of them was edited by hand and the entry no longer describes one consistent snapshot.
            """,
        valid: [
            RuleExample(
                """
                schema_version: 1
                id: tiny-embedder
                name: Tiny Embedder
                type: dense
                license: mit
                description: hello and world.
                artifacts:
                  files:
                    - path: onnx/model.onnx
                      sha256: 2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824
                      size: 5
                    - path: config.json
                      sha256: 486ea46224d1bb4fb680f34f7c9ad96a8f24ec88be73ea8e5a6c65260e9cb8a7
                      size: 5
                  aggregate_sha256: 99b729f1df594da78b8c9b3e7c826028910875316b467dd6d8eeb9399a356a80
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
                description: A file hash was edited, the aggregate was not.
                artifacts:
                  files:
                    - path: onnx/model.onnx
                      sha256: 2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824
                      size: 5
                    - path: config.json
                      sha256: "0000000000000000000000000000000000000000000000000000000000000000"
                      size: 5
                  aggregate_sha256: ↓99b729f1df594da78b8c9b3e7c826028910875316b467dd6d8eeb9399a356a80
                """)
        ]
    )

    public init() {}

    public func check(_ document: ModelDocument, context: LintContext, into findings: inout [Finding]) {
        guard let recorded = document.value.member(path: "artifacts.aggregate_sha256")?.asString,
            let files = document.value.member(path: "artifacts.files")?.asArray
        else { return }
        var hashes: [ArtifactHash] = []
        for file in files {
            guard let path = file.member("path")?.asString, let sha = file.member("sha256")?.asString else { return }
            hashes.append(ArtifactHash(path: path, sha256: sha))
        }
        let computed = AggregateHash.digest(hashes)
        guard !computed.isWritten(as: recorded) else { return }
        findings.append(
            document.finding(
                Self.self, at: document.location(of: "artifacts.aggregate_sha256"),
                "`artifacts.aggregate_sha256` is \(recorded) but the listed files give \(computed)"))
    }
}
