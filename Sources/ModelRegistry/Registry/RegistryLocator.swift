import Foundation

/// Finds the registry folder and lists its model files.
public enum RegistryLocator {
    /// The nearest `registry/` folder at or above `directory`, like git finds `.git`.
    public static func find(from directory: String) -> String? {
        var current = URL(fileURLWithPath: directory).standardizedFileURL.path
        while true {
            let candidate = current == "/" ? "/registry" : current + "/registry"
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), isDirectory.boolValue {
                return candidate
            }
            if current == "/" || current.isEmpty { return nil }
            current = (current as NSString).deletingLastPathComponent
        }
    }

    /// The model files in a registry folder (`*.yaml`, and `*.yml` so that the misnamed ones are reported),
    /// sorted by name; hidden files are skipped.
    public static func modelFiles(in directory: String) throws(ToolError) -> [String] {
        try modelFileNames(in: directory).map { directory.hasSuffix("/") ? directory + $0 : directory + "/" + $0 }
    }

    /// The names of the model files in a registry folder, sorted (hidden files and other extensions left out).
    public static func modelFileNames(in directory: String) throws(ToolError) -> [String] {
        // readdir, not FileManager: a large registry's listing is on the path of every verify.
        guard let stream = opendir(directory) else {
            throw ToolError("cannot read registry folder \(directory): \(String(cString: strerror(errno)))")
        }
        defer { closedir(stream) }
        // Each name with its first sixteen bytes as two big-endian words: sorting compares those integers, and
        // only names that share their first sixteen bytes compare their bytes further.
        var listed: [(head: UInt64, next: UInt64, name: String)] = []
        while let entry = readdir(stream) {
            // The name is checked as bytes; a string is made only for a model file.
            withUnsafeBytes(of: entry.pointee.d_name) { raw in
                let bytes = UnsafeRawBufferPointer(rebasing: raw[..<(raw.firstIndex(of: 0) ?? raw.count)])
                guard isModelFileName(bytes) else { return }
                var words: (UInt64, UInt64) = (0, 0)
                withUnsafeMutableBytes(of: &words) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes.prefix(16))) }
                listed.append((UInt64(bigEndian: words.0), UInt64(bigEndian: words.1), String(decoding: bytes, as: UTF8.self)))
            }
        }
        // In the order of their bytes (code points): the same order as `<` for names in the normal form that file
        // systems and git keep, and much cheaper to sort by.
        listed.sort { first, second in
            if first.head != second.head { return first.head < second.head }
            if first.next != second.next { return first.next < second.next }
            return first.name.utf8.lexicographicallyPrecedes(second.name.utf8)
        }
        return listed.map(\.name)
    }

    /// The rule of `isModelFileName(_:)`, on a name's bytes (as `readdir` gives them).
    private static func isModelFileName(_ name: UnsafeRawBufferPointer) -> Bool {
        func endsWith(_ suffix: StaticString) -> Bool {
            let count = suffix.utf8CodeUnitCount
            return name.count > count && memcmp(name.baseAddress! + name.count - count, suffix.utf8Start, count) == 0
        }
        guard let first = name.first, first != UInt8(ascii: ".") else { return false }
        return endsWith(".yaml") || endsWith(".yml")
    }

    /// The model files of a registry folder with the paths to show for them (see `displayPath`), worked out once
    /// for the folder rather than once per file.
    public static func modelFileInputs(in directory: String, relativeTo base: String) throws(ToolError)
        -> [(path: String, displayPath: String)]
    {
        let names = try modelFileNames(in: directory)
        let folder = directory.hasSuffix("/") && directory.count > 1 ? String(directory.dropLast()) : directory
        let folderShown = displayPath(folder, relativeTo: base)
        // A file's shown path is its folder's plus its name, unless the base lies inside a folder of that name.
        let currentDirectory = FileManager.default.currentDirectoryPath
        let from = absoluteComponents(base, in: currentDirectory)
        let components = absoluteComponents(folder, in: currentDirectory)
        let nameOnTheWay = from.count > components.count && from.starts(with: components) ? from[components.count] : nil
        let prefix = folder == "/" ? "/" : folder + "/"
        return names.map { name in
            let path = prefix + name
            if let nameOnTheWay, nameOnTheWay == name { return (path, displayPath(path, relativeTo: base)) }
            if folderShown == folder { return (path, path) }  // one string for both
            switch folderShown {
            case ".": return (path, name)
            case "/": return (path, "/" + name)
            default: return (path, folderShown + "/" + name)
            }
        }
    }

    /// Model files are `*.yaml` (and `*.yml`, so that misnamed ones are reported); hidden files are skipped.
    public static func isModelFileName(_ name: String) -> Bool {
        var name = name
        return name.withUTF8 { isModelFileName(UnsafeRawBufferPointer($0)) }
    }

    /// A model file's name without its folder and its `.yaml` (or `.yml`): the id it should hold.
    public static func fileStem(_ path: String) -> String {
        var name = path[...]
        while name.hasSuffix("/") { name = name.dropLast() }
        if let slash = name.lastIndex(of: "/") { name = name[name.index(after: slash)...] }
        if name.isEmpty { return path }
        if name.hasSuffix(".yaml") { return String(name.dropLast(5)) }
        if name.hasSuffix(".yml") { return String(name.dropLast(4)) }
        return String(name)
    }

    /// `path` relative to `base` when that is shorter to read (`registry/x.yaml`, `../registry/x.yaml`), else absolute.
    public static func displayPath(_ path: String, relativeTo base: String) -> String {
        // Lexical, like URL.standardizedFileURL, without Foundation's URL.
        let currentDirectory = path.hasPrefix("/") && base.hasPrefix("/") ? "" : FileManager.default.currentDirectoryPath
        let target = absoluteComponents(path, in: currentDirectory)
        let from = absoluteComponents(base, in: currentDirectory)
        var common = 0
        while common < target.count, common < from.count, target[common] == from[common] { common += 1 }
        let ups = from.count - common
        if common == 0 || ups > 3 { return "/" + target.joined(separator: "/") }
        let parts = Array(repeating: "..", count: ups) + target[common...].map(String.init)
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }

    /// The components of `path` made absolute against `currentDirectory`, with `.` and `..` resolved lexically (no
    /// symbolic link is followed).
    static func absoluteComponents(_ path: String, in currentDirectory: String) -> [Substring] {
        let absolute = path.hasPrefix("/") ? path : currentDirectory + "/" + path
        var components: [Substring] = []
        for part in absolute.split(separator: "/") {
            if part == "." { continue }
            if part == ".." {
                if !components.isEmpty { components.removeLast() }
                continue
            }
            components.append(part)
        }
        return components
    }
}
