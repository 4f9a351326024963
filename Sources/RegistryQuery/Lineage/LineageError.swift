/// Why a lineage could not be walked.
public enum LineageError: Error, Sendable, CustomStringConvertible {
    /// No entry has this id or alias; `suggestions` are close names.
    case unknownModel(String, suggestions: [String])
    /// `fine_tuned_from` loops: the ids around the loop, each fine-tuned from the next, the first repeated at the end.
    case cycle([String])

    /// What went wrong, and what to do.
    public var description: String {
        switch self {
        case .unknownModel(let name, let suggestions):
            var message = "no model with id or alias `\(name)`"
            if !suggestions.isEmpty {
                message += "; did you mean " + suggestions.map { "`\($0)`" }.joined(separator: ", ") + "?"
            }
            return message
        case .cycle(let ids):
            return "`fine_tuned_from` forms a cycle: " + ids.joined(separator: " → ")
                + "; a model cannot descend from itself (`modelreg verify` reports it as lineage-acyclic)"
        }
    }
}
