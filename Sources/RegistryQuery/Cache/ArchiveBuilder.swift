import Foundation
import Git
import JSONSchema
import ModelRegistry
import Synchronization

/// Builds the archive of a registry straight from its files, on every core: each worker reads, checks and encodes
/// its share of the files and keeps of each document only the encoded entry and the small extract the cross-file
/// rules read, so documents are freed where they were made and no `ModelEntry` is built. The queries of a cold run
/// then read the archive as a warm run does.
enum ArchiveBuilder {
    /// The archive of `files` (paths starting with `prefix`), checked against `schema` as `modelreg verify` does.
    static func build(
        files: [RegistryFile], schema: ModelSchema, prefix: String, key: EntryArchive.Key, leavingToExit: Bool = false
    ) -> [UInt8] {
        build(count: files.count, schema: schema, prefix: prefix, leavingToExit: leavingToExit, key: { _ in key }) {
            index, _, _ in files[index]
        }.bytes
    }

    /// A file of a folder as a cold open reads it: its stamp and blob id, for the folder's snapshot and tree id.
    struct FolderRead: Sendable {
        var stamp: FileStamp
        var blob: ObjectID
    }

    /// The archive of the model files `names` of `directory`, each read, stamped and hashed by the worker that
    /// parses it (one pass over each file, where a scan and then a build would read every file before parsing
    /// any); `key` makes the archive's key from the files' blob ids, known once all are read.
    static func build(
        reading names: [String], in directory: String, schema: ModelSchema, prefix: String, leavingToExit: Bool = false,
        key: ([ObjectID]) -> EntryArchive.Key
    ) throws(ToolError) -> (bytes: [UInt8], key: EntryArchive.Key, reads: [FolderRead]) {
        let built = try build(count: names.count, schema: schema, prefix: prefix, leavingToExit: leavingToExit, key: { shares in
            key(shares.flatMap { $0.reads.map(\.blob) })
        }) { index, share, hasher throws(ToolError) in
            let (bytes, stamp) = try FolderScan.readStamped(directory + "/" + names[index])
            share.reads.append(FolderRead(stamp: stamp, blob: hasher.blobID(of: bytes)))
            return RegistryFile(path: prefix + names[index], bytes: bytes)
        }
        return (built.bytes, built.key, built.reads)
    }

    /// The archive of `count` files, the `index`-th given by `file` in the worker that checks it (with the worker's
    /// share and its own hasher: a digest context is not shared between threads). With `leavingToExit`, the
    /// workers' shares and the extracts are left to the process's end (see `LeftToExit`).
    private static func build<Failure: Error>(
        count: Int, schema: ModelSchema, prefix: String, leavingToExit: Bool, key makeKey: ([Share]) -> EntryArchive.Key,
        file: @Sendable (Int, inout Share, GitObjectHasher) throws(Failure) -> RegistryFile
    ) throws(Failure) -> (bytes: [UInt8], key: EntryArchive.Key, reads: [FolderRead]) {
        let loader = DocumentLoader()
        let linter = Linter(schema: schema)
        let keys = KeyNumbers()
        // Contiguous shares: the files come sorted by path, and so do the joined extracts.
        var done = try Parallel.map(chunksOf: count, minimumChunk: 64) { (range) throws(Failure) -> [Share] in
            var share = Share()
            let hasher = GitObjectHasher()
            var scratch = ByteWriter(reservingCapacity: 4096)
            var known: [String: Int] = [:]
            func number(_ name: String) -> Int {
                if let found = known[name] { return found }
                let assigned = keys.number(of: name)
                known[name] = assigned
                return assigned
            }
            // Every worker but the first checks with a schema compiled for it alone (`Linter.separateCopy`).
            let linter = range.lowerBound == 0 ? linter : linter.separateCopy()
            for index in range {
                let file = try file(index, &share, hasher)
                let (document, findings) = file.read(loader: loader, linter: linter)
                share.findings.append(contentsOf: findings)
                guard let document else { continue }
                share.extracts.append(EntryExtract(document))
                let start = share.encoded.count
                EntryArchive.writeEntry(
                    document.value, path: file.path, prefix: prefix, into: &share.encoded, scratch: &scratch,
                    keyNumber: number)
                let id = document.value.member("id")?.asString ?? ModelEntry.fileStem(of: file.path)
                share.entries.append(Share.Entry(id: id, path: file.path, bytes: start..<share.encoded.count))
            }
            return [share]
        }
        // The first share's extracts are taken over, not copied (a copy retains every string of every extract,
        // and freeing the share then releases them all again).
        var extracts: [EntryExtract] = []
        var findings: [Finding] = []
        for index in done.indices {
            if index == 0 {
                swap(&extracts, &done[0].extracts)
                extracts.reserveCapacity(count)
            } else {
                extracts.append(contentsOf: done[index].extracts)
                done[index].extracts = []
            }
            findings.append(contentsOf: done[index].findings)
        }
        let snapshot = RegistrySnapshot(entries: extracts)
        findings.append(contentsOf: linter.checkRegistry(snapshot))
        if leavingToExit { LeftToExit.keep(snapshot) }
        findings.sort()
        // The archive lists entries as `Registry` does: by id, then path. Files come sorted by path, which nearly
        // always is the order of their ids: then each worker's encoded entries go in as they are.
        func inOrder(_ a: Share.Entry, _ b: Share.Entry) -> Bool { a.id != b.id ? a.id < b.id : a.path < b.path }
        let all = done.flatMap(\.entries)
        let parts: [EntryArchive.EncodedEntries]
        if zip(all, all.dropFirst()).allSatisfy({ !inOrder($1, $0) }) {
            parts = done.map { EntryArchive.EncodedEntries(bytes: $0.encoded.bytes, starts: $0.entries.map(\.bytes.lowerBound)) }
        } else {
            var located: [(entry: Share.Entry, share: Int)] = []
            for (index, share) in done.enumerated() { located += share.entries.map { ($0, index) } }
            located.sort { inOrder($0.entry, $1.entry) }
            var part = EntryArchive.EncodedEntries(bytes: [], starts: [])
            for (entry, share) in located {
                part.starts.append(part.bytes.count)
                part.bytes.append(contentsOf: done[share].encoded.bytes[entry.bytes])
            }
            parts = [part]
        }
        let key = makeKey(done)
        let bytes = EntryArchive.assemble(key: key, keys: keys.names, parts: parts, findings: findings, prefix: prefix)
        if leavingToExit { LeftToExit.keep(done) }
        return (bytes, key, done.flatMap(\.reads))
    }

    /// What one worker made of its files.
    private struct Share: Sendable {
        struct Entry: Sendable {
            var id: String
            var path: String
            /// Where its encoding is in `encoded`.
            var bytes: Range<Int>
        }

        /// The share's entries, encoded one after the other.
        var encoded = ByteWriter(reservingCapacity: 1 << 20)
        var entries: [Entry] = []
        var extracts: [EntryExtract] = []
        var findings: [Finding] = []
        /// Of a folder read by the workers: each file's stamp and blob id, in the share's order.
        var reads: [FolderRead] = []
    }
}

/// Numbers for mapping keys, shared by the workers: each name gets the next number the first time any worker asks.
private final class KeyNumbers: Sendable {
    private let state = Mutex<(numbers: [String: Int], names: [String])>(([:], []))

    func number(of name: String) -> Int {
        state.withLock { state in
            if let found = state.numbers[name] { return found }
            state.numbers[name] = state.names.count
            state.names.append(name)
            return state.names.count - 1
        }
    }

    var names: [String] { state.withLock { $0.names } }
}
