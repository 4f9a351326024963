import Foundation
import Git
import JSONSchema
import ModelRegistry

/// The parsed entries and findings of one registry state, in the binary form the query cache keeps
/// on disk, read back without YAML.
///
/// Layout: a header naming what the archive was built from (`ArchiveKey`); the table of every
/// mapping key used (each stored once, referred to by number); the entries, each its file name and
/// its top-level fields, every field prefixed by its length so that a reader can step over the fields
/// it does not need; the findings; the header's magic again, so that a truncated file is noticed.
/// File paths are kept relative to the registry folder and prefixed on reading, so one archive
/// serves any current directory.
///
/// A filter reads each entry through `ArchivedFields`, which steps over the fields it does not ask for
/// and decodes only the values it tests; `select` decodes whole entries only for those that pass.
struct EntryArchive {
    /// What an archive was built from; an archive is used only when all of it matches.
    struct Key: Sendable, Hashable {
        /// The git tree id of the registry folder's content.
        var treeID: ObjectID
        /// The schema's SHA-256 (findings depend on it).
        var schemaDigest: String
        /// Names the modelreg build that wrote it (rules and readers change between builds).
        var tool: String
    }

    private static let magic = Array("modelreg query cache 1\n".utf8)
    /// Deeper than any model file can be (the YAML reader stops at 64 levels).
    static let depthLimit = 100

    /// The first byte of every stored value.
    enum Tag: UInt8 {
        case null = 0, falseValue, trueValue, integer, number, string, array, object
    }

    private let bytes: Data
    /// Every mapping key, by number.
    let keys: [String]
    /// Where each entry starts.
    let offsets: [Int]
    /// The findings as stored, paths unprefixed.
    private let findingsOffset: Int

    var count: Int { offsets.count }

    // MARK: Writing

    /// The archive of `registry`, whose paths all start with `prefix` (`registry/`).
    static func encode(_ registry: Registry, prefix: String, key: Key) -> [UInt8] {
        let entries = registry.entries
        // The member names, numbered in order of first use; each core collects those of its share of the entries.
        let namesByChunk = Parallel.map(chunksOf: entries.count) { range in
            var seen: Set<String> = []
            var names: [String] = []
            func collect(_ value: JSONValue) {
                switch value {
                case .array(let items): items.forEach(collect)
                case .object(let object):
                    for (name, member) in zip(object.keys, object.values) {
                        if seen.insert(name).inserted { names.append(name) }
                        collect(member)
                    }
                default: break
                }
            }
            for index in range { collect(entries[index].raw) }
            return [names]
        }
        var keyNumbers: [String: Int] = [:]
        var keyList: [String] = []
        for name in namesByChunk.joined() where keyNumbers[name] == nil {
            keyNumbers[name] = keyList.count
            keyList.append(name)
        }
        let numbers = keyNumbers
        // Each core encodes its share of the entries; the parts are joined in order.
        let parts = Parallel.map(chunksOf: entries.count) { range in
            var part = ByteWriter(reservingCapacity: 1 << 16)
            var scratch = ByteWriter(reservingCapacity: 4096)
            var starts: [Int] = []
            starts.reserveCapacity(range.count)
            for index in range {
                starts.append(part.count)
                writeEntry(entries[index].raw, path: entries[index].path, prefix: prefix, into: &part, scratch: &scratch) {
                    numbers[$0]!
                }
            }
            return [EncodedEntries(bytes: part.bytes, starts: starts)]
        }
        return assemble(key: key, keys: keyList, parts: parts, findings: registry.findings, prefix: prefix)
    }

    /// Encoded entries, one after the other, and where each starts.
    struct EncodedEntries: Sendable {
        var bytes: [UInt8]
        var starts: [Int]
    }

    /// One entry: its path, then each top-level member of its data as key number, length and value. `scratch` is
    /// working space, reused from entry to entry.
    static func writeEntry(
        _ value: JSONValue, path: String, prefix: String, into writer: inout ByteWriter, scratch encoded: inout ByteWriter,
        keyNumber: (String) -> Int
    ) {
        writePath(path, prefix: prefix, into: &writer)
        let object = value.asObject ?? JSONObject()
        writer.varint(object.count)
        for (name, member) in zip(object.keys, object.values) {
            encoded.clear()
            write(member, keyNumber: keyNumber, into: &encoded)
            writer.varint(keyNumber(name))
            writer.varint(encoded.count)
            writer.raw(encoded.bytes)
        }
    }

    /// The whole archive: the header, the key table, the entries (in `parts`' order), the findings.
    static func assemble(key: Key, keys: [String], parts: [EncodedEntries], findings: [Finding], prefix: String) -> [UInt8] {
        let count = parts.reduce(0) { $0 + $1.starts.count }
        var writer = ByteWriter(reservingCapacity: parts.reduce(1 << 16) { $0 + $1.bytes.count })
        writer.raw(magic)
        writer.string(key.tool)
        writer.raw(key.treeID.bytes)
        writer.string(key.schemaDigest)
        writer.varint(keys.count)
        keys.forEach { writer.string($0) }
        writer.varint(count)
        let table = writer.count
        for _ in 0..<count { writer.fixed32(0) }
        var index = 0
        for part in parts {
            let base = writer.count
            for start in part.starts {
                writer.patch32(UInt32(base + start), at: table + 4 * index)
                index += 1
            }
            writer.raw(part.bytes)
        }
        writer.varint(findings.count)
        for finding in findings {
            writer.string(finding.severity.rawValue)
            write(finding.location, prefix: prefix, into: &writer)
            writer.string(finding.ruleID)
            writer.string(finding.message)
            writer.varint(finding.notes.count)
            for note in finding.notes {
                if let location = note.location {
                    writer.byte(1)
                    write(location, prefix: prefix, into: &writer)
                } else {
                    writer.byte(0)
                }
                writer.string(note.message)
            }
        }
        writer.raw(magic)
        return writer.bytes
    }

    private static func write(_ value: JSONValue, keyNumber: (String) -> Int, into writer: inout ByteWriter) {
        switch value {
        case .null: writer.byte(Tag.null.rawValue)
        case .bool(let flag): writer.byte(flag ? Tag.trueValue.rawValue : Tag.falseValue.rawValue)
        case .integer(let number):
            writer.byte(Tag.integer.rawValue)
            writer.signed(Int64(number))
        case .number(let number):
            writer.byte(Tag.number.rawValue)
            writer.fixed64(number.bitPattern)
        case .string(let text):
            writer.byte(Tag.string.rawValue)
            writer.string(text)
        case .array(let items):
            writer.byte(Tag.array.rawValue)
            writer.varint(items.count)
            for item in items { write(item, keyNumber: keyNumber, into: &writer) }
        case .object(let object):
            writer.byte(Tag.object.rawValue)
            writer.varint(object.count)
            for (name, member) in zip(object.keys, object.values) {
                writer.varint(keyNumber(name))
                write(member, keyNumber: keyNumber, into: &writer)
            }
        }
    }

    /// A path under the registry folder as its name (kind 0), anything else as written (kind 1).
    private static func writePath(_ path: String, prefix: String, into writer: inout ByteWriter) {
        if path.hasPrefix(prefix) {
            writer.byte(0)
            writer.string(String(path.dropFirst(prefix.count)))
        } else {
            writer.byte(1)
            writer.string(path)
        }
    }

    private static func write(_ location: SourceLocation, prefix: String, into writer: inout ByteWriter) {
        writePath(location.path, prefix: prefix, into: &writer)
        writer.varint(location.line)
        writer.varint(location.column)
        writer.varint(location.offset)
    }

    // MARK: Reading

    /// Opens an archive; nil when it was built from something other than `key`.
    /// - Throws: `CacheDamage` when the bytes are not a whole archive.
    init?(bytes: Data, key: Key) throws(CacheDamage) {
        let parsed = try bytes.withReader {
            (buffer) throws(CacheDamage) -> (keys: [String], offsets: [Int], findings: Int)? in
            var reader = ByteReader(buffer)
            try reader.expect(Self.magic)
            guard try reader.string() == key.tool, try reader.raw(20).elementsEqual(key.treeID.bytes),
                try reader.string() == key.schemaDigest
            else { return nil }
            let keyCount = try reader.count()
            var keys: [String] = []
            keys.reserveCapacity(keyCount)
            for _ in 0..<keyCount { keys.append(try reader.string()) }
            let entryCount = try reader.count()
            var offsets: [Int] = []
            offsets.reserveCapacity(entryCount)
            for _ in 0..<entryCount {
                let offset = Int(try reader.fixed32())
                guard offset < buffer.count else { throw CacheDamage("entry offset out of range") }
                offsets.append(offset)
            }
            // The end: step over the entries to the findings, and check the closing magic after them.
            var end = ByteReader(buffer, at: offsets.last ?? reader.position)
            if !offsets.isEmpty { try Self.skipEntry(&end) }
            let findings = end.position
            _ = try Self.findings(&end, prefix: "")
            try end.expect(Self.magic)
            guard end.isAtEnd else { throw CacheDamage("trailing bytes") }
            return (keys, offsets, findings)
        }
        guard let parsed else { return nil }
        self.bytes = bytes
        keys = parsed.keys
        offsets = parsed.offsets
        findingsOffset = parsed.findings
    }

    /// The findings, their paths prefixed with `prefix`.
    func findings(prefix: String) throws(CacheDamage) -> [Finding] {
        try bytes.withReader { (buffer) throws(CacheDamage) -> [Finding] in
            var reader = ByteReader(buffer, at: findingsOffset)
            return try Self.findings(&reader, prefix: prefix)
        }
    }

    /// Every entry, whole.
    func entries(prefix: String) throws(CacheDamage) -> [ModelEntry] {
        try entries(at: Array(offsets.indices), prefix: prefix, fields: nil)
    }

    /// The entries that pass `filter`, in its order: the filter reads each entry's fields from the
    /// archive one by one, decoding only the values it tests; whole entries are decoded only for the
    /// entries that pass. On every core.
    /// With `fields`, the entries returned hold only those top-level fields of their data.
    func select(_ filter: EntryFilter, prefix: String, fields: Set<String>? = nil) throws(CacheDamage) -> [ModelEntry] {
        let passing = try Parallel.map(chunksOf: offsets.count) { (range) throws(CacheDamage) -> [Int] in
            try bytes.withReader { (buffer) throws(CacheDamage) -> [Int] in
                let names = ArchiveNames(keys: keys)
                var passing: [Int] = []
                for position in range {
                    var reader = ByteReader(buffer, at: offsets[position])
                    try Self.skipPath(&reader)
                    let fields = ArchivedFields(buffer: buffer, members: reader.position, names: names)
                    if filter.matches(subject: EntryFields(source: fields)) { passing.append(position) }
                    if let damage = names.damage { throw damage }
                }
                return passing
            }
        }
        var read = fields
        if let order = filter.order, let top = order.field.split(separator: ".").first {
            read?.insert(String(top))
        }
        return filter.sorted(try entries(at: passing, prefix: prefix, fields: read))
    }

    /// The whole entries at these positions, in order; on every core.
    private func entries(at positions: [Int], prefix: String, fields: Set<String>?) throws(CacheDamage)
        -> [ModelEntry]
    {
        let wanted = fields.map { fields in keys.map(fields.contains) }
        return try Parallel.map(chunksOf: positions.count) { (range) throws(CacheDamage) -> [ModelEntry] in
            try bytes.withReader { (buffer) throws(CacheDamage) -> [ModelEntry] in
                var entries: [ModelEntry] = []
                entries.reserveCapacity(range.count)
                for index in range {
                    entries.append(try entry(at: offsets[positions[index]], in: buffer, prefix: prefix, wanted: wanted))
                }
                return entries
            }
        }
    }

    /// The entry stored at `offset`: whole, or with `wanted` only the fields whose key numbers it marks.
    private func entry(at offset: Int, in buffer: UnsafeRawBufferPointer, prefix: String, wanted: [Bool]?)
        throws(CacheDamage) -> ModelEntry
    {
        var reader = ByteReader(buffer, at: offset)
        let path = try Self.path(&reader, prefix: prefix)
        let memberCount = try reader.count()
        var names: [String] = []
        var values: [JSONValue] = []
        names.reserveCapacity(memberCount)
        values.reserveCapacity(memberCount)
        for _ in 0..<memberCount {
            let key = try Self.keyNumber(&reader, keys: keys)
            let length = try reader.count()
            if let wanted, !wanted[key] {
                try reader.skip(length)
                continue
            }
            let end = reader.position + length
            names.append(keys[key])
            values.append(try Self.value(&reader, keys: keys, depth: 0))
            guard reader.position == end else { throw CacheDamage("field length mismatch") }
        }
        return ModelEntry(value: .object(JSONObject(distinctKeys: names, values: values)), path: path)
    }

    /// Decodes the value at the reader.
    static func value(_ reader: inout ByteReader, keys: [String], depth: Int) throws(CacheDamage) -> JSONValue {
        guard depth < Self.depthLimit else { throw CacheDamage("nested too deeply") }
        guard let tag = Tag(rawValue: try reader.byte()) else { throw CacheDamage("unknown value tag") }
        switch tag {
        case .null: return .null
        case .falseValue: return .bool(false)
        case .trueValue: return .bool(true)
        case .integer:
            let number = try reader.signed()
            guard let exact = Int(exactly: number) else { throw CacheDamage("integer out of range") }
            return .integer(exact)
        case .number: return .number(Double(bitPattern: try reader.fixed64()))
        case .string: return .string(try reader.string())
        case .array:
            let count = try reader.count()
            var items: [JSONValue] = []
            items.reserveCapacity(count)
            for _ in 0..<count { items.append(try value(&reader, keys: keys, depth: depth + 1)) }
            return .array(items)
        case .object:
            let count = try reader.count()
            var names: [String] = []
            var values: [JSONValue] = []
            names.reserveCapacity(count)
            values.reserveCapacity(count)
            for _ in 0..<count {
                names.append(keys[try Self.keyNumber(&reader, keys: keys)])
                values.append(try value(&reader, keys: keys, depth: depth + 1))
            }
            return .object(JSONObject(distinctKeys: names, values: values))
        }
    }

    /// Steps over the value at the reader.
    static func skipValue(_ reader: inout ByteReader, depth: Int) throws(CacheDamage) {
        guard depth < Self.depthLimit else { throw CacheDamage("nested too deeply") }
        guard let tag = Tag(rawValue: try reader.byte()) else { throw CacheDamage("unknown value tag") }
        switch tag {
        case .null, .falseValue, .trueValue: break
        case .integer: _ = try reader.varint()
        case .number: try reader.skip(8)
        case .string: try reader.skip(try reader.count())
        case .array:
            for _ in 0..<(try reader.count()) { try skipValue(&reader, depth: depth + 1) }
        case .object:
            for _ in 0..<(try reader.count()) {
                _ = try reader.varint()
                try skipValue(&reader, depth: depth + 1)
            }
        }
    }

    private static func keyNumber(_ reader: inout ByteReader, keys: [String]) throws(CacheDamage) -> Int {
        let number = try reader.varint()
        guard number < UInt64(keys.count) else { throw CacheDamage("unknown key number") }
        return Int(number)
    }

    static func skipPath(_ reader: inout ByteReader) throws(CacheDamage) {
        guard try reader.byte() <= 1 else { throw CacheDamage("unknown path kind") }
        try reader.skip(try reader.count())
    }

    private static func skipEntry(_ reader: inout ByteReader) throws(CacheDamage) {
        try skipPath(&reader)
        let memberCount = try reader.count()
        for _ in 0..<memberCount {
            _ = try reader.varint()
            try reader.skip(try reader.count())
        }
    }

    private static func path(_ reader: inout ByteReader, prefix: String) throws(CacheDamage) -> String {
        switch try reader.byte() {
        case 0: return prefix + (try reader.string())
        case 1: return try reader.string()
        default: throw CacheDamage("unknown path kind")
        }
    }

    private static func location(_ reader: inout ByteReader, prefix: String) throws(CacheDamage) -> SourceLocation {
        SourceLocation(
            path: try path(&reader, prefix: prefix), line: try reader.count(bounded: false),
            column: try reader.count(bounded: false), offset: try reader.count(bounded: false))
    }

    private static func findings(_ reader: inout ByteReader, prefix: String) throws(CacheDamage) -> [Finding] {
        let count = try reader.count()
        var findings: [Finding] = []
        findings.reserveCapacity(count)
        for _ in 0..<count {
            guard let severity = Severity(rawValue: try reader.string()) else { throw CacheDamage("unknown severity") }
            let location = try location(&reader, prefix: prefix)
            let ruleID = try reader.string()
            let message = try reader.string()
            let noteCount = try reader.count()
            var notes: [FindingNote] = []
            for _ in 0..<noteCount {
                let noteLocation = try reader.byte() == 1 ? try Self.location(&reader, prefix: prefix) : nil
                notes.append(FindingNote(location: noteLocation, message: try reader.string()))
            }
            findings.append(
                Finding(severity: severity, location: location, ruleID: ruleID, message: message, notes: notes))
        }
        return findings
    }
}
