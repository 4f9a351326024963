import ArgumentParser
import Foundation
import ModelRegistry

/// `modelreg add FILE…`: commit new or edited model files that are already in the registry folder.
struct AddCommand: ToolCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Verify and commit new or edited model files of the registry folder (only those files).",
        discussion: """
            Whatever else is staged or modified stays exactly as it was.
            Examples:
              modelreg add registry/my-embedder.yaml -m "add my embedder"
            """
    )

    @Argument(help: "Model files in the registry folder.") var files: [String]

    @OptionGroup var commitOptions: CommitOptions
    @OptionGroup var registryOptions: RegistryOptions

    func execute() throws -> Int32 {
        let context = try MutationContext(options: registryOptions)
        let workTree = try context.registry.workTreePath("")
        var edits: [RegistryEdit] = []
        var ids: [String] = []
        var fields: [String] = []
        var created = 0
        for file in files {
            let absolute = RegistryRepository.canonical(file.hasPrefix("/") ? file : FileSystem.currentDirectory + "/" + file)
            let registryFolder = RegistryRepository.canonical(workTree + context.registry.registryPath)
            guard (absolute as NSString).deletingLastPathComponent == registryFolder else {
                throw ToolError("\(file) is not a file of the registry folder \(context.registry.registryPath)/")
            }
            let relative = context.registry.registryPath.isEmpty ? (absolute as NSString).lastPathComponent
                : context.registry.registryPath + "/" + (absolute as NSString).lastPathComponent
            let (head, current) = try context.committer.contents(of: relative)
            if head == current { continue }
            edits.append(RegistryEdit(path: relative, contents: current))
            let stem = ((absolute as NSString).lastPathComponent as NSString).deletingPathExtension
            ids.append(stem)
            if head == nil { created += 1 }
            fields.append(contentsOf: MutationContext.changedFields(from: head, to: current).filter { !fields.contains($0) })
        }
        guard !edits.isEmpty else {
            Terminal.writeError("nothing to commit: the files match HEAD\n")
            return 0
        }
        let verb = created == edits.count ? "added" : created == 0 ? "updated" : "added or updated"
        let subjectID = ids.count == 1 ? ids[0] : "\(ids[0]) +\(ids.count - 1)"
        let message = CommitMessage(
            action: "add", modelID: subjectID, summary: "\(verb) \(ids.joined(separator: ", "))", body: commitOptions.message,
            changedFields: created == edits.count ? [] : fields,
            extraTrailers: ids.count > 1 ? ids.map { ("Model-Id", $0) } : [])
        return try context.commit(CommitRequest(message: message, edits: edits, author: commitOptions.author))
    }
}
