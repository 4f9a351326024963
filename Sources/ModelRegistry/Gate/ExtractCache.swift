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

    /// The first line; bump the number whenever `EntryExtract` or its reading changes.
    static let header = "modelreg entry extracts 1"
    public static let fileName = "entry-extracts"

    /// The cache file, or nil for a cache that lives only in memory.
    public let file: String?
    private var records: [ObjectID: Record] = [:]
    private var added = false

    /// The cache in `directory` (usually `<work tree>/.modelreg`), read now; nil keeps nothing on disk.
    /// A missing, unreadable or outdated file is an empty cache.
    public init(directory: String?) {
        file = directory.map { $0 + "/" + Self.fileName }
        guard let file, let data = FileManager.default.contents(atPath: file) else { return }
        records = Self.parse(String(decoding: data, as: UTF8.self))
    }

    public var count: Int { records.count }

    public subscript(blob: ObjectID) -> Record? {
        records[blob]
    }

    public mutating func store(_ record: Record, for blob: ObjectID) {
        guard records[blob] != record else { return }
        records[blob] = record
        added = true
    }

    /// Writes the records of `blobs` (the head registry's files), dropping the others so the file stays the size of
    /// one registry; nothing is written when nothing changed. Written to a temporary file and renamed into place.
    public func save(keeping blobs: Set<ObjectID>) throws(ToolError) {
        guard let file, added || records.keys.contains(where: { !blobs.contains($0) }) else { return }
        var text = Self.header + "\n"
        for blob in blobs.sorted() {
            guard let record = records[blob] else { continue }
            text += blob.hex + Self.fields(of: record) + "\n"
        }
        let directory = (file as NSString).deletingLastPathComponent
        let temporary = file + ".\(ProcessInfo.processInfo.processIdentifier).tmp"
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: temporary))
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

    static func parse(_ text: String) -> [ObjectID: Record] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true)[...]
        guard lines.first == Substring(header) else { return [:] }
        lines = lines.dropFirst()
        var records: [ObjectID: Record] = [:]
        records.reserveCapacity(lines.count)
        for line in lines {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard let first = fields.first, let blob = ObjectID(hex: String(first)),
                let record = record(fields.dropFirst())
            else { continue }
            records[blob] = record
        }
        return records
    }

    private static func record(_ fields: ArraySlice<Substring>) -> Record? {
        if fields.count == 1, fields.first == "u" { return .unreadable }
        var entry = EntryExtract(path: "")
        for field in fields {
            guard let kind = field.first else { return nil }
            let rest = field.dropFirst()
            switch kind {
            case "d": entry.isDeprecated = true
            case "r": entry.revision = unescape(rest)
            default:
                let parts = rest.split(separator: " ", maxSplits: 3, omittingEmptySubsequences: false)
                guard parts.count == 4, let line = Int(parts[0]), let column = Int(parts[1]), let offset = Int(parts[2])
                else { return nil }
                let value = EntryExtract.Located(
                    unescape(parts[3]), at: SourceLocation(path: "", line: line, column: column, offset: offset))
                switch kind {
                case "i": entry.id = value
                case "a": entry.aliases.append(value)
                case "h": entry.huggingfaceID = value
                case "f": entry.fineTunedFrom = value
                case "p": entry.replacedBy = value
                default: return nil
                }
            }
        }
        return .entry(entry)
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

    static func unescape(_ text: Substring) -> String {
        guard text.contains("\\") else { return String(text) }
        var result = ""
        var escaped = false
        for character in text.unicodeScalars {
            if escaped {
                switch character {
                case "t": result += "\t"
                case "n": result += "\n"
                case "r": result += "\r"
                default: result.unicodeScalars.append(character)
                }
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                result.unicodeScalars.append(character)
            }
        }
        return result
    }
}
