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
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw ToolError("cannot read registry folder \(directory): \(error.localizedDescription)")
        }
        return names.filter(isModelFileName)
            .sorted()
            .map { directory.hasSuffix("/") ? directory + $0 : directory + "/" + $0 }
    }

    /// Model files are `*.yaml` (and `*.yml`, so that misnamed ones are reported); hidden files are skipped.
    public static func isModelFileName(_ name: String) -> Bool {
        !name.hasPrefix(".") && (name.hasSuffix(".yaml") || name.hasSuffix(".yml"))
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
        displayPaths([path], relativeTo: base)[0]
    }

    /// `displayPath` for many paths, with the current directory and `base` read once.
    public static func displayPaths(_ paths: [String], relativeTo base: String) -> [String] {
        // Lexical, like URL.standardizedFileURL, without Foundation's URL: verify calls this once per file.
        let currentDirectory = paths.allSatisfy { $0.hasPrefix("/") } && base.hasPrefix("/")
            ? "" : FileManager.default.currentDirectoryPath
        let from = absoluteComponents(base, in: currentDirectory)
        func shown(_ path: String) -> String {
            let target = absoluteComponents(path, in: currentDirectory)
            var common = 0
            while common < target.count, common < from.count, target[common] == from[common] { common += 1 }
            let ups = from.count - common
            if common == 0 || ups > 3 { return "/" + target.joined(separator: "/") }
            let parts = Array(repeating: "..", count: ups) + target[common...].map(String.init)
            return parts.isEmpty ? "." : parts.joined(separator: "/")
        }
        // The files of one folder share its display path: work it out once per folder, not once per file.
        var folder: (path: Substring, shown: String, components: [Substring])?
        return paths.map { path in
            guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return shown(path) }
            let name = path[path.index(after: slash)...]
            let directory = path[..<slash]
            if folder?.path != directory {
                folder = (directory, shown(String(directory)), absoluteComponents(String(directory), in: currentDirectory))
            }
            let (_, directoryShown, components) = folder!
            // Unless the base lies inside a folder of that name, the file's path is its folder's plus its name.
            if name.isEmpty || name == "." || name == ".."
                || (from.count > components.count && from[components.count] == name && from.starts(with: components))
            {
                return shown(path)
            }
            switch directoryShown {
            case ".": return String(name)
            case "/": return "/" + name
            default: return directoryShown + "/" + name
            }
        }
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
