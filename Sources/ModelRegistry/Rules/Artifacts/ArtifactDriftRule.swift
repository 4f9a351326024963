/// The files on disk are the ones a locked entry records.
///
/// Checked by `modelreg verify --artifacts`, which hashes the files (see `ArtifactVerifier`); the in-memory
/// linter cannot, so this rule has no invalid examples of its own: the tests in `Tests/ModelRegistryTests/Artifacts/`
/// build the folders on disk.
public struct ArtifactDriftRule: Rule {
    public static let description = RuleDescription(
        id: "artifact-drift",
        summary: "`verify --artifacts`: every file of a locked entry is on disk with its recorded SHA-256, and there are no others.",
        rationale: """
            A lock promises that the model's files are exactly the reviewed ones. `modelreg verify --artifacts` \
            re-hashes the folder of every locked entry (`backend.model_path`, else `--artifacts-root/<id>`) and \
            reports each difference at the file's entry: a changed file with the expected and the actual hash, a \
            missing file, and a file that is not in the lock (at `artifacts.files`). For the example below, the \
            folder holds `config.json` (`world`) and `model.onnx` (`hello`); writing anything else into \
            `model.onnx`, deleting it, or adding a file is drift. A folder that cannot be hashed faithfully (a \
            symbolic link out of it, a file changing while it is read) is reported too: it was not verified.
            """,
        scope: .registry,
        valid: [
            RuleExample(
                """
                schema_version: 1
                id: tiny-embedder
                name: Tiny Embedder
                type: dense
                license: mit
                description: Locked to the two files of its folder.
                artifacts:
                  files:
                    - path: config.json
                      sha256: 486ea46224d1bb4fb680f34f7c9ad96a8f24ec88be73ea8e5a6c65260e9cb8a7
                      size: 5
                    - path: model.onnx
                      sha256: 2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824
                      size: 5
                  aggregate_sha256: e783f0543cce3ec6cba37a52164ca6dc44aa2912f5985c600a86f28a969699eb
                version_lock:
                  locked: true
                  expected_aggregate_sha256: e783f0543cce3ec6cba37a52164ca6dc44aa2912f5985c600a86f28a969699eb
                  last_verified: "2026-01-15T10:00:00Z"
                """)
        ],
        // Drift is a difference between the file and the disk, which an in-memory example cannot show.
        invalid: []
    )
}
