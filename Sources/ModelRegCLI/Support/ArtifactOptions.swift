import ArgumentParser
import ModelRegistry

/// Where model files are found, and whether the stat cache is used: shared by `lock` and `verify --artifacts`.
struct ArtifactOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Where model folders are, one per id (default: $MODELREG_ARTIFACTS_ROOT, else artifacts/ in the repository); used when an entry has no backend.model_path.",
            valueName: "dir"))
    var artifactsRoot: String?

    @Flag(name: .customLong("no-cache"), help: "Hash every file again, ignoring (and not updating) the stat cache in .modelreg/.")
    var noCache = false

    func locator(registryDirectory: String) -> ArtifactLocator {
        ArtifactLocator(registryDirectory: registryDirectory, artifactsRoot: artifactsRoot)
    }

    /// A hasher with a progress bar (drawn only on a terminal, after a second).
    var hasher: ArtifactHasher { ArtifactHasher(useCache: !noCache, progress: true) }
}
