import ArgumentParser
import JSONSchema
import ModelRegistry

/// `modelreg hash DIR`: the SHA-256 of every file of a folder, and their aggregate.
struct HashCommand: ToolCommand {
    static let configuration = CommandConfiguration(
        commandName: "hash",
        abstract: "Hash every file of a model folder: sha256sum-compatible lines and the aggregate hash.",
        discussion: """
            Every regular file under DIR is hashed (`.git/` and `.modelreg/` skipped), several at once on all
            cores. Symbolic links that leave DIR, device files, FIFOs, sockets and names that are not UTF-8 are
            refused. A stat cache in .modelreg/ (at the root of the current git repository, else in DIR) skips
            files that have not changed since the last run.

            Text output is what `sha256sum` prints, sorted by path, then the aggregate as a comment line, which
            `sha256sum -c` ignores:
              <sha256>  <path>
              # aggregate: <sha256>
            Examples:
              modelreg hash models/bge-m3 > SHA256SUMS && (cd models/bge-m3 && sha256sum -c ../../SHA256SUMS)
              modelreg hash models/bge-m3 --exclude '*.bin' --exclude 'onnx/' --format json
              modelreg hash models/bge-m3 | grep -v '^#' | LC_ALL=C sort | sha256sum    # = the aggregate
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: ArgumentHelp("The model's folder.", valueName: "dir"))
    var directory: String

    @Option(help: ArgumentHelp("Hash only files matching this glob (`*`, `**`, `?`, `[...]`; repeatable).", valueName: "glob"))
    var include: [String] = []

    @Option(help: ArgumentHelp("Skip files and folders matching this glob (repeatable). A glob without `/` matches names at any depth.", valueName: "glob"))
    var exclude: [String] = []

    @Flag(name: .customLong("no-cache"), help: "Hash every file again, ignoring (and not updating) the stat cache.")
    var noCache = false

    @Option(help: "Output format: text (sha256sum lines) or json.")
    var format: Format = .text

    func execute() throws -> Int32 {
        let hasher = ArtifactHasher(include: include, exclude: exclude, useCache: !noCache, progress: true)
        let run = try hasher.run(directory: directory)
        switch format {
        case .text:
            var output = ""
            for file in run.files { output += file.sha256sumLine + "\n" }
            output += "# aggregate: \(run.aggregateSHA256)\n"
            Terminal.writeOut(output)
        case .json:
            Terminal.writeOut(Self.json(run).serialized(pretty: true) + "\n")
        }
        if Terminal.stderrIsTerminal {
            Terminal.writeError("\(Self.summary(run))\n")
        }
        return 0
    }

    /// `3 files, 1.20 GiB (2 from the cache)`.
    static func summary(_ run: HashRun) -> String {
        let files = run.files.count == 1 ? "1 file" : "\(run.files.count) files"
        let cached = run.cachedCount > 0 ? " (\(run.cachedCount) from the cache)" : ""
        return "\(files), \(run.totalBytes) bytes\(cached)"
    }

    static func json(_ run: HashRun) -> JSONValue {
        let files: [JSONValue] = run.files.map { file in
            .object(JSONObject([("path", .string(file.path)), ("sha256", .string(file.sha256)), ("size", .integer(Int(file.size)))]))
        }
        return .object(
            JSONObject([
                ("directory", .string(run.directory)),
                ("files", .array(files)),
                ("aggregate_sha256", .string(run.aggregateSHA256)),
                (
                    "summary",
                    .object(
                        JSONObject([
                            ("files", .integer(run.files.count)),
                            ("bytes", .integer(Int(run.totalBytes))),
                            ("hashed", .integer(run.hashedCount)),
                            ("cached", .integer(run.cachedCount)),
                        ]))
                ),
            ]))
    }
}
