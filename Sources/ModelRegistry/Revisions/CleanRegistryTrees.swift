import Foundation
import Git

/// Registry folder trees in which the cross-file rules found no error, as judged by this build of modelreg; kept in
/// `.modelreg/clean-registry-trees`, one tree id per line.
///
/// A tree id names the folder's content exactly, so a recorded verdict never goes stale for the build that made it.
/// A commit that edits files of such a tree without changing any value the cross-file rules read (ids, aliases, Hub
/// id and revision, lineage, deprecation) cannot make them find anything: the committer then checks only the edited
/// files, and records the new tree in turn.
struct CleanRegistryTrees {
    static let fileName = "clean-registry-trees"
    /// At most this many ids are kept; the oldest go first.
    static let capacity = 512

    let file: String
    private(set) var trees: [ObjectID] = []
    private let header: String

    init(directory: String) {
        file = directory + "/" + Self.fileName
        header = "modelreg clean registry trees 1 " + BuildIdentity.current
        guard let data = FileManager.default.contents(atPath: file) else { return }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
        guard lines.first.map(String.init) == header else { return }
        trees = lines.dropFirst().compactMap { ObjectID(hex: String($0)) }
    }

    func contains(_ tree: ObjectID) -> Bool { trees.contains(tree) }

    /// Records `tree` (best effort: a record that cannot be written only costs time later).
    mutating func record(_ tree: ObjectID) {
        guard !trees.contains(tree) else { return }
        trees.append(tree)
        if trees.count > Self.capacity { trees.removeFirst(trees.count - Self.capacity / 2) }
        let text = ([header] + trees.map(\.hex)).joined(separator: "\n") + "\n"
        guard (try? CacheDirectory.prepare((file as NSString).deletingLastPathComponent)) != nil else { return }
        try? AtomicFile.write(Array(text.utf8), to: file)
    }
}

extension EntryExtract {
    /// True when the cross-file rules read the same values in both (locations aside).
    func sameNames(as other: EntryExtract) -> Bool {
        id?.value == other.id?.value && aliases.map(\.value) == other.aliases.map(\.value)
            && huggingfaceID?.value == other.huggingfaceID?.value && revision == other.revision
            && fineTunedFrom?.value == other.fineTunedFrom?.value && isDeprecated == other.isDeprecated
            && replacedBy?.value == other.replacedBy?.value && fileStem == other.fileStem
    }
}
