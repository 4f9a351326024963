import ArgumentParser
import Foundation
import ModelRegistry
import RegistryQuery

extension ExportFormat: ExpressibleByArgument {}

/// `modelreg export`: files derived from the registry, and a check that committed ones are current.
struct ExportCommand: ToolCommand {
    enum Access: String, ExpressibleByArgument, CaseIterable {
        case `public`, `internal`
    }

    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Derive a file from the registry: a JSON index, a Markdown catalog or Swift source.",
        discussion: """
            json: every entry plus the maps alias → id, role → ids (in resolution order), type → ids and \
            Hugging Face id → id. markdown: MODELS.md, a catalog grouped by type with lineage and \
            deprecations. swift: a constant per model, `all`, and lookups by id and alias, for a package \
            that should not parse YAML at run time. Deprecated entries are included.

            --check FILE compares FILE with what export would write and fails (exit 1) when it is stale, \
            so CI keeps committed files in step with the YAML.

            Examples:
              modelreg export --format markdown --output MODELS.md
              modelreg export --format markdown --check MODELS.md
              modelreg export --format swift --swift-access internal --output Sources/App/Models.swift
              modelreg export --format json --at v1.2.0 --output index-v1.2.0.json
            """
    )

    @Option(help: "json, markdown or swift.")
    var format: ExportFormat = .json

    @Option(name: [.short, .long], help: ArgumentHelp("Write to this file instead of stdout.", valueName: "file"))
    var output: String?

    @Option(help: ArgumentHelp("Fail (exit 1) when this file differs from what export would write.", valueName: "file"))
    var check: String?

    @Option(help: ArgumentHelp("swift: the model struct's name.", valueName: "name"))
    var swiftType = "RegistryModel"

    @Option(help: ArgumentHelp("swift: the enum holding the constants and lookups.", valueName: "name"))
    var swiftNamespace = "RegistryModels"

    @Option(help: "swift: the access level of the generated declarations (public or internal).")
    var swiftAccess: Access = .public

    @OptionGroup var revision: RevisionOptions
    @OptionGroup var registryOptions: RegistryOptions

    func validate() throws {
        if output != nil, check != nil { throw ValidationError("--output and --check cannot be combined") }
        for name in [swiftType, swiftNamespace] where !Self.isIdentifier(name) {
            throw ValidationError("`\(name)` is not a Swift type name")
        }
    }

    func execute() throws -> Int32 {
        let opened = try OpenedRegistry(options: registryOptions, revision: revision)
        opened.warnAboutFindings()
        let options = SwiftSource.Options(typeName: swiftType, namespace: swiftNamespace, access: swiftAccess.rawValue)
        let text = format.render(try opened.registry(), swift: options)
        if let check { return Self.compare(text, with: check, command: commandLine(writingTo: check)) }
        if let output {
            do {
                try text.write(toFile: output, atomically: true, encoding: .utf8)
            } catch {
                throw ToolError("cannot write \(output): \(error.localizedDescription)")
            }
            return 0
        }
        Terminal.writeOut(text)
        return 0
    }

    /// 0 when `path` holds `expected`, else 1 with a message naming the first differing line.
    static func compare(_ expected: String, with path: String, command: String) -> Int32 {
        guard let actual = FileSystem.read(path) else {
            Terminal.writeError("modelreg: error: \(path) does not exist; create it with `\(command)`\n")
            return 1
        }
        if actual == expected { return 0 }
        let old = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let new = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let line = (zip(old, new).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(old.count, new.count)) + 1
        Terminal.writeError(
            "modelreg: error: \(path) is stale (it first differs at line \(line)); regenerate it with `\(command)`\n")
        return 1
    }

    /// The command that regenerates `path` with the same options.
    private func commandLine(writingTo path: String) -> String {
        var parts = ["modelreg", "export", "--format", format.rawValue]
        if format == .swift {
            if swiftType != "RegistryModel" { parts += ["--swift-type", swiftType] }
            if swiftNamespace != "RegistryModels" { parts += ["--swift-namespace", swiftNamespace] }
            if swiftAccess != .public { parts += ["--swift-access", swiftAccess.rawValue] }
        }
        return (parts + ["--output", path]).joined(separator: " ")
    }

    private static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.first, first.isLetter || first == "_" else { return false }
        return name.allSatisfy { ($0.isLetter || $0.isNumber || $0 == "_") && $0.isASCII }
    }
}
