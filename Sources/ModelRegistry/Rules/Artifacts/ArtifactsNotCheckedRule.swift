/// A locked entry whose files are not on this machine was not verified.
public struct ArtifactsNotCheckedRule: Rule {
    public static let description = RuleDescription(
        id: "artifacts-not-checked",
        summary: "`verify --artifacts`: a locked entry whose files are not on this machine is reported as not checked.",
        rationale: """
            A check that could not run must never read as a check that passed. When neither `backend.model_path` \
            nor `--artifacts-root/<id>` (default `$MODELREG_ARTIFACTS_ROOT`, else `artifacts/` in the repository) \
            exists, the entry's lock is not verified and this warning says where modelreg looked; `--strict` turns \
            it into a failure.
            """,
        severity: .warning,
        scope: .registry,
        valid: [
            RuleExample(
                """
                schema_version: 1
                id: tiny-embedder
                name: Tiny Embedder
                type: dense
                license: mit
                description: Not locked, so there is nothing to check.
                artifacts:
                  files:
                    - path: model.onnx
                      sha256: 2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824
                      size: 5
                  aggregate_sha256: d45241e4682ab41c40d959c6e5ed4ad85ce3f95b726aaf89ac78c349bd84dfa4
                """)
        ],
        // Whether files are present depends on the machine, not on the file.
        invalid: []
    )
}
