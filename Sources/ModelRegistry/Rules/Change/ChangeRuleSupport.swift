/// What the change rules share: the note that says how to approve, and the entry their examples lock.
enum ChangeRuleSupport {
    /// How a maintainer approves a change to a locked model.
    static func approvalNote(_ id: String) -> FindingNote {
        FindingNote(
            message: "a maintainer approves it with `modelreg gate --allow-relock \(id)` (in CI: the relock label), "
                + "or with a `modelreg lock` commit carrying `Relock-Approved-By:`")
    }

    /// A locked one-file model (`model.onnx` is `hello`), as the examples' starting point.
    static func locked(description: String, extra: String = "") -> String {
        """
        schema_version: 1
        id: tiny-embedder
        name: Tiny Embedder
        type: dense
        license: mit
        description: \(description)
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

        """ + extra
    }
}

extension ChangeRuleSupport {
    /// An unlocked model that the examples' deprecations point at.
    static let newEmbedder = """
        schema_version: 1
        id: new-embedder
        name: New Embedder
        type: dense
        license: mit
        description: The replacement.

        """
}
