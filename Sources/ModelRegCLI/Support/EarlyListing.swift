import ModelRegistry
import Synchronization

/// The registry folder of a `verify`, listed on another thread while the arguments are parsed and the schema is
/// loaded: on a large registry the listing is otherwise the longest stretch of the run on one core.
///
/// The folder is guessed from the raw arguments the way `RegistryOptions` will find it (`--registry DIR`, else the
/// nearest `registry/` above the current directory); the command takes the listing only when its folder is the
/// one guessed, and lists the folder itself otherwise (or when the early listing failed, to report why).
enum EarlyListing {
    private static let pending = Mutex<(directory: String, inputs: Prefetch<[LintInput]?>)?>(nil)

    /// Starts listing the registry folder that `arguments` (the words after the subcommand's name) point at.
    static func start(arguments: ArraySlice<String>) {
        guard let directory = guessedDirectory(arguments) else { return }
        let inputs = Prefetch { try? RegistryInputs.of(directory: directory) }
        pending.withLock { $0 = (directory, inputs) }
    }

    /// The listing of `directory` started early, or nil when none was started for it (or it failed).
    static func take(for directory: String) -> [LintInput]? {
        let early = pending.withLock { pending in
            defer { pending = nil }
            return pending
        }
        guard let early, early.directory == directory else { return nil }
        return early.inputs.value
    }

    static func guessedDirectory(_ arguments: ArraySlice<String>) -> String? {
        var words = arguments.makeIterator()
        while let word = words.next() {
            if word == "--registry" { return words.next() }
            if word.hasPrefix("--registry=") { return String(word.dropFirst("--registry=".count)) }
        }
        return RegistryLocator.find(from: FileSystem.currentDirectory)
    }
}
