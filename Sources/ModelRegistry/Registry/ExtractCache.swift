import Foundation
import Git

/// Entry extracts of model files, kept per git blob id in one file under `.modelreg/`. A blob id names the file's
/// content exactly, so a kept extract is never stale and needs no invalidation: only blobs not yet seen are parsed.
///
/// The file is text, one blob per line: the blob id, then tab-separated fields, each a kind letter and, for located
/// values, `line column offset text` (text escaped: `\\`, `\t`, `\n`, `\r`). A line with only `u` after the id
/// records a blob that is not a readable model file.
public struct ExtractCache: Sendable {
    /// What is kept for one blob.
    public enum Record: Sendable, Hashable {
        /// The extract, with an empty path (the same blob may be read at several paths).
        case entry(EntryExtract)
        /// The blob is not a readable model file (its findings come from linting it).
        case unreadable
    }

    /// A line's blob id: 40 hexadecimal digits, then a tab before the fields.
    static let idLength = 40

    /// The first line; bump the number whenever `EntryExtract` or its reading changes.
    static let header = "modelreg entry extracts 1"
    public static let fileName = "entry-extracts"

    /// The cache file, or nil for a cache that lives only in memory.
    public let file: String?
    /// The file's bytes as read, and where each blob's line is in them (a later line wins). Lines are parsed only
    /// when their blob is asked for, straight into extracts shown at the path asked for.
    private var contents: [UInt8] = []
    private var lines: [ObjectID: Range<Int>] = [:]
    /// Records stored since the file was read.
    private var records: [ObjectID: Record] = [:]
    /// Blobs stored since the file was read, in order.
    private var added: [ObjectID] = []
    /// Whether the file was read (and so can be appended to).
    private var readFromFile = false

    /// The cache in `directory` (usually `CacheDirectory.forRepository(_:)`), read now; nil keeps nothing on disk.
    /// A missing, unreadable or outdated file is an empty cache.
    public init(directory: String?) {
        file = directory.map { $0 + "/" + Self.fileName }
        guard let file, let data = FileManager.default.contents(atPath: file) else { return }
        let bytes = [UInt8](data)
        guard let lines = Self.index(bytes) else { return }
        contents = bytes
        self.lines = lines
        readFromFile = true
    }

    /// How many blobs have a record.
    public var count: Int {
        lines.count + records.keys.count { lines[$0] == nil }
    }

    public subscript(blob: ObjectID) -> Record? {
        record(for: blob, shownAt: "")
    }

    /// The record of `blob`, its locations naming `path`; nil when there is none (or its line does not parse).
    public func record(for blob: ObjectID, shownAt path: String) -> Record? {
        if let record = records[blob] {
            guard case .entry(let extract) = record, !path.isEmpty else { return record }
            return .entry(extract.moved(to: path))
        }
        guard let range = lines[blob] else { return nil }
        // The index found this line by its blob id: the record is read from the fields after it.
        return contents.withUnsafeBufferPointer {
            RecordReader.record(fields: $0[(range.lowerBound + Self.idLength + 1)..<range.upperBound], path: path)
        }
    }

    public mutating func store(_ record: Record, for blob: ObjectID) {
        guard self[blob] != record else { return }
        records[blob] = record
        added.append(blob)
    }

    /// Saves the records of `blobs` (the head registry's files); nothing is written when nothing changed. The
    /// records stored since the file was read are appended to it (a later line wins over an earlier one for the
    /// same blob), so a commit that changes one file writes one line; when the file holds more than twice the
    /// records `blobs` needs, it is rewritten with those only (a temporary file renamed into place).
    public func save(keeping blobs: Set<ObjectID>) throws(ToolError) {
        guard let file else { return }
        let directory = (file as NSString).deletingLastPathComponent
        try CacheDirectory.prepare(directory)
        if readFromFile, count <= 2 * blobs.count + 64 {
            guard !added.isEmpty else { return }
            var text = ""
            for blob in added {
                guard let record = records[blob] else { continue }
                text += blob.hex + Self.fields(of: record) + "\n"
            }
            // One write with O_APPEND: concurrent appenders never interleave inside a line.
            let descriptor = open(file, O_RDWR | O_APPEND | O_CLOEXEC)
            if descriptor >= 0 {
                defer { close(descriptor) }
                // A torn earlier append (no final newline) would glue two lines together: rewrite instead.
                var status = stat()
                var last: UInt8 = 0
                guard fstat(descriptor, &status) == 0, status.st_size > 0,
                    pread(descriptor, &last, 1, off_t(status.st_size - 1)) == 1, last == UInt8(ascii: "\n")
                else { return try rewrite(keeping: blobs, file: file) }
                let bytes = Array(text.utf8)
                let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
                if written == bytes.count { return }
            }
            // Fall through to a rewrite when the file went away or could not take the lines.
        }
        guard !added.isEmpty || lines.keys.contains(where: { !blobs.contains($0) }) else { return }
        try rewrite(keeping: blobs, file: file)
    }

    private func rewrite(keeping blobs: Set<ObjectID>, file: String) throws(ToolError) {
        var bytes = Array((Self.header + "\n").utf8)
        bytes.reserveCapacity(contents.count + 4096)
        for blob in blobs.sorted() {
            if let record = records[blob] {
                bytes.append(contentsOf: (blob.hex + Self.fields(of: record) + "\n").utf8)
            } else if let range = lines[blob] {
                bytes.append(contentsOf: contents[range])
                bytes.append(UInt8(ascii: "\n"))
            }
        }
        let temporary = file + ".\(ProcessInfo.processInfo.processIdentifier).tmp"
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: temporary))
            if rename(temporary, file) != 0 { throw ToolError(String(cString: strerror(errno))) }
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw ToolError("cannot write the extract cache \(file): \(error)")
        }
    }

    // MARK: The file format

    static func fields(of record: Record) -> String {
        guard case .entry(let entry) = record else { return "\tu" }
        var text = ""
        func add(_ kind: Character, _ value: EntryExtract.Located?) {
            guard let value else { return }
            let location = value.location
            text += "\t\(kind)\(location.line) \(location.column) \(location.offset) \(escape(value.value))"
        }
        add("i", entry.id)
        for alias in entry.aliases { add("a", alias) }
        add("h", entry.huggingfaceID)
        if let revision = entry.revision { text += "\tr" + escape(revision) }
        add("f", entry.fineTunedFrom)
        if entry.isDeprecated { text += "\td" }
        add("p", entry.replacedBy)
        return text
    }

    /// Where each blob's line is in the file's bytes; nil for a file without the current header. Only the ids are
    /// read here; a line that turns out not to parse later is a miss (the cache only ever saves work).
    static func index(_ bytes: [UInt8]) -> [ObjectID: Range<Int>]? {
        let header = Array((Self.header + "\n").utf8)
        guard bytes.starts(with: header) else { return nil }
        var lines: [ObjectID: Range<Int>] = [:]
        lines.reserveCapacity(bytes.count / 160)
        bytes.withUnsafeBufferPointer { buffer in
            var reader = RecordReader(bytes: buffer, position: header.count)
            while !reader.atEnd {
                let line = reader.line()
                guard line.count > idLength, line[line.startIndex + idLength] == UInt8(ascii: "\t"),
                    let blob = ObjectID(hexDigits: line.prefix(idLength))
                else { continue }
                lines[blob] = line.startIndex..<line.endIndex
            }
        }
        return lines
    }

    static func escape(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 == "\\" || $0 == "\t" || $0 == "\n" || $0 == "\r" }) else {
            return text
        }
        var result = ""
        for character in text.unicodeScalars {
            switch character {
            case "\\": result += "\\\\"
            case "\t": result += "\\t"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }
}

/// Reads the cache file's records straight from its bytes: a gate run reads one line per model file.
private struct RecordReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var position: Int

    var atEnd: Bool { position >= bytes.count }

    /// The next line, without its newline.
    mutating func line() -> Slice<UnsafeBufferPointer<UInt8>> {
        let start = position
        if let base = bytes.baseAddress, let newline = memchr(base + start, Int32(UInt8(ascii: "\n")), bytes.count - start) {
            position = base.distance(to: newline.assumingMemoryBound(to: UInt8.self))
        } else {
            position = bytes.count
        }
        defer { position += 1 }
        return bytes[start..<position]
    }

    /// The record held by a line's fields (what follows the blob id and its tab).
    static func record(fields line: Slice<UnsafeBufferPointer<UInt8>>, path: String) -> ExtractCache.Record? {
        if line.count == 1, line.first == UInt8(ascii: "u") { return .unreadable }
        var entry = EntryExtract(path: path)
        // Field by field, without splitting the line into an array first.
        var start = line.startIndex
        while start <= line.endIndex {
            var end = start
            while end < line.endIndex, line[end] != UInt8(ascii: "\t") { end += 1 }
            let field = line[start..<end]
            start = end + 1
            guard let kind = field.first else { return nil }
            let rest = field.dropFirst()
            switch kind {
            case UInt8(ascii: "d"): entry.isDeprecated = true
            case UInt8(ascii: "r"): entry.revision = unescape(rest)
            default:
                guard let value = located(rest, path: path) else { return nil }
                switch kind {
                case UInt8(ascii: "i"): entry.id = value
                case UInt8(ascii: "a"): entry.aliases.append(value)
                case UInt8(ascii: "h"): entry.huggingfaceID = value
                case UInt8(ascii: "f"): entry.fineTunedFrom = value
                case UInt8(ascii: "p"): entry.replacedBy = value
                default: return nil
                }
            }
        }
        return .entry(entry)
    }

    /// `line column offset text`.
    static func located(_ field: Slice<UnsafeBufferPointer<UInt8>>, path: String) -> EntryExtract.Located? {
        var rest = field
        var numbers = (0, 0, 0)
        for index in 0..<3 {
            var value = 0
            var digits = 0
            while let byte = rest.first, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9"), digits < 18 {
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
                rest = rest.dropFirst()
            }
            guard digits > 0, rest.first == UInt8(ascii: " ") else { return nil }
            rest = rest.dropFirst()
            switch index {
            case 0: numbers.0 = value
            case 1: numbers.1 = value
            default: numbers.2 = value
            }
        }
        return EntryExtract.Located(
            unescape(rest), at: SourceLocation(path: path, line: numbers.0, column: numbers.1, offset: numbers.2))
    }

    /// The text of a field, with `\\`, `\t`, `\n` and `\r` unescaped.
    static func unescape(_ field: Slice<UnsafeBufferPointer<UInt8>>) -> String {
        guard field.contains(UInt8(ascii: "\\")) else { return String(decoding: field, as: UTF8.self) }
        var result: [UInt8] = []
        result.reserveCapacity(field.count)
        var escaped = false
        for byte in field {
            if escaped {
                switch byte {
                case UInt8(ascii: "t"): result.append(UInt8(ascii: "\t"))
                case UInt8(ascii: "n"): result.append(UInt8(ascii: "\n"))
                case UInt8(ascii: "r"): result.append(UInt8(ascii: "\r"))
                default: result.append(byte)
                }
                escaped = false
            } else if byte == UInt8(ascii: "\\") {
                escaped = true
            } else {
                result.append(byte)
            }
        }
        return String(decoding: result, as: UTF8.self)
    }
}
