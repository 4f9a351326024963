import Foundation
import JSONSchema
import ModelRegistry
import Synchronization

/// Builds the archive of a registry straight from its files, on every core: each worker reads, checks and encodes
/// its share of the files and keeps of each document only the encoded entry and the small extract the cross-file
/// rules read, so documents are freed where they were made and no `ModelEntry` is built. The queries of a cold run
/// then read the archive as a warm run does.
enum ArchiveBuilder {
    /// The archive of `files` (paths starting with `prefix`), checked against `schema` as `modelreg verify` does.
    static func build(files: [RegistryFile], schema: ModelSchema, prefix: String, key: EntryArchive.Key) -> [UInt8] {
        let loader = DocumentLoader()
        let linter = Linter(schema: schema)
        let keys = KeyNumbers()
        // Contiguous shares: the files come sorted by path, and so do the joined extracts.
        var done = Parallel.map(chunksOf: files.count, minimumChunk: 64) { range -> [Share] in
            var share = Share()
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
                let file = files[index]
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
                extracts.reserveCapacity(files.count)
            } else {
                extracts.append(contentsOf: done[index].extracts)
                done[index].extracts = []
            }
            findings.append(contentsOf: done[index].findings)
        }
        findings.append(contentsOf: linter.checkRegistry(RegistrySnapshot(entries: extracts)))
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
        return EntryArchive.assemble(key: key, keys: keys.names, parts: parts, findings: findings, prefix: prefix)
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
