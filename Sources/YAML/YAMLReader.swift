#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads one YAML document into a `YAMLOutline` (a flat table of its nodes) or a `YAMLNode` tree,
/// whose nodes know where they are in the source.
///
/// Stricter than YAML itself: the input must be UTF-8 and at most `limits.maxBytes` long, hold at
/// most one document, nest at most `limits.maxDepth` collections, use no anchors, aliases or tags
/// other than the core schema's, use only scalars as keys, and repeat no key within a mapping. It
/// also refuses the invalid YAML that libyaml 0.2.5 lets through (see `StrictSyntax`). Every
/// rejection is a `YAMLError` located at the offending spot.
public enum YAMLReader {
    /// Parses `bytes`. Returns nil when the stream holds no document (empty, or only comments).
    /// `path` is used only to label locations.
    public static func parse(_ bytes: [UInt8], path: String, limits: YAMLLimits = .default)
        throws(YAMLError) -> YAMLNode?
    {
        try outline(bytes, path: path, limits: limits)?.tree()
    }

    /// Parses `bytes` into an outline; nil when the stream holds no document.
    public static func outline(_ bytes: [UInt8], path: String, limits: YAMLLimits = .default)
        throws(YAMLError) -> YAMLOutline?
    {
        try bytes.withUnsafeBufferPointer { buffer throws(YAMLError) in
            try outline(buffer, path: path, limits: limits)
        }
    }

    /// Parses a string's UTF-8 (handy in tests and examples).
    public static func parse(_ text: String, path: String = "<string>", limits: YAMLLimits = .default)
        throws(YAMLError) -> YAMLNode?
    {
        try parse(Array(text.utf8), path: path, limits: limits)
    }

    /// Reads and parses the file at `path`. Its size is checked before it is read: a file larger
    /// than `limits.maxBytes` is a `YAMLError` of kind `.size`. Locations carry `displayPath`
    /// (default: `path`).
    ///
    /// Throws `YAMLError` for what is wrong with the content, `YAMLFileError` when the file
    /// cannot be opened or read.
    public static func parse(contentsOf path: String, displayPath: String? = nil, limits: YAMLLimits = .default)
        throws -> YAMLNode?
    {
        try outline(contentsOf: path, displayPath: displayPath, limits: limits)?.tree()
    }

    /// Reads and parses the file at `path` into an outline (see `parse(contentsOf:displayPath:limits:)`).
    public static func outline(contentsOf path: String, displayPath: String? = nil, limits: YAMLLimits = .default)
        throws -> YAMLOutline?
    {
        let shownPath = displayPath ?? path
        let bytes = try readFile(path, displayPath: shownPath, limits: limits)
        return try outline(bytes, path: shownPath, limits: limits)
    }

    // MARK: Internals

    static func outline(_ buffer: UnsafeBufferPointer<UInt8>, path: String, limits: YAMLLimits)
        throws(YAMLError) -> YAMLOutline?
    {
        if buffer.count > limits.maxBytes { throw sizeError(buffer.count, path: path, limits: limits) }
        let base = try byteOrderMarkLength(buffer, path: path)
        let outcome = UTF8Check.validate(buffer, from: base)
        let map = SourceMap(path: path, bytes: buffer, base: base, isASCII: outcome == .ascii)
        if case .invalid(let offset) = outcome {
            throw YAMLError(
                kind: .encoding, location: map.location(ofByte: offset),
                message: "the file is not valid UTF-8: byte 0x\(hex(buffer[offset])) cannot appear here")
        }
        guard let parser = LibYAMLParser(utf8: UnsafeBufferPointer(rebasing: buffer[base...])) else {
            throw YAMLError(
                kind: .syntax, location: SourceLocation(path: path, line: 1, column: 1),
                message: "libyaml could not set up a parser")
        }
        var builder = OutlineBuilder(parser: parser, map: map, limits: limits)
        return try builder.build()
    }

    /// 3 for a UTF-8 byte-order mark, 0 for none; a UTF-16 or UTF-32 mark is an error.
    private static func byteOrderMarkLength(_ bytes: UnsafeBufferPointer<UInt8>, path: String)
        throws(YAMLError) -> Int
    {
        func startsWith(_ prefix: [UInt8]) -> Bool {
            bytes.count >= prefix.count && zip(bytes, prefix).allSatisfy { $0 == $1 }
        }
        if startsWith([0xEF, 0xBB, 0xBF]) { return 3 }
        let foreign: String? =
            if startsWith([0x00, 0x00, 0xFE, 0xFF]) || startsWith([0xFF, 0xFE, 0x00, 0x00]) {
                "UTF-32"
            } else if startsWith([0xFE, 0xFF]) || startsWith([0xFF, 0xFE]) {
                "UTF-16"
            } else {
                nil
            }
        if let foreign {
            throw YAMLError(
                kind: .encoding, location: SourceLocation(path: path, line: 1, column: 1),
                message: "the file starts with a \(foreign) byte-order mark; only UTF-8 is supported")
        }
        return 0
    }

    private static func sizeError(_ size: Int, path: String, limits: YAMLLimits) -> YAMLError {
        YAMLError(
            kind: .size, location: SourceLocation(path: path, line: 1, column: 1),
            message: "the file is \(size) bytes, more than the limit of \(limits.maxBytes) bytes")
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return byte < 0x10 ? "0" + digits : digits
    }

    /// The file's bytes, after checking its size with `fstat`.
    private static func readFile(_ path: String, displayPath: String, limits: YAMLLimits) throws -> [UInt8] {
        // Non-blocking: opening a FIFO named like a model file would otherwise wait for a writer forever; it is
        // refused below as not a regular file (reads of a regular file are unaffected).
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw YAMLFileError(path: displayPath, operation: "open", code: errno) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw YAMLFileError(path: displayPath, operation: "stat", code: errno) }
        guard Int(info.st_mode) & Int(S_IFMT) == Int(S_IFREG) else {
            throw YAMLFileError(path: displayPath, operation: "read", code: EISDIR)
        }
        let size = Int(info.st_size)
        if size > limits.maxBytes { throw sizeError(size, path: displayPath, limits: limits) }
        // Read what fstat announced (a file that changes meanwhile is read in part; its next read
        // sees the change).
        var failure: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            while count < buffer.count {
                let got = read(fd, buffer.baseAddress! + count, buffer.count - count)
                if got < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                if got == 0 { break }
                count += got
            }
        }
        if failure != 0 { throw YAMLFileError(path: displayPath, operation: "read", code: failure) }
        return bytes
    }
}
