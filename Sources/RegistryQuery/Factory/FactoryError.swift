/// Why `ModelFactory.make` could not pick a builder.
public enum FactoryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No entry has this id or alias.
    case unknownModel(String, suggestions: [String])
    /// The entry has no `architecture.type` to choose a builder by.
    case noArchitecture(id: String, registered: [String])
    /// No builder is registered for the entry's `architecture.type`.
    case unregisteredArchitecture(String, id: String, registered: [String])

    /// What went wrong, with the registered architectures where that helps.
    public var description: String {
        switch self {
        case .unknownModel(let name, let suggestions):
            var message = "no model with id or alias `\(name)`"
            if !suggestions.isEmpty {
                message += "; did you mean " + suggestions.map { "`\($0)`" }.joined(separator: ", ") + "?"
            }
            return message
        case .noArchitecture(let id, let registered):
            return "`\(id)` has no `architecture.type` to choose a builder by" + Self.registeredText(registered)
        case .unregisteredArchitecture(let type, let id, let registered):
            return "no builder registered for architecture `\(type)` (model `\(id)`)" + Self.registeredText(registered)
        }
    }

    private static func registeredText(_ registered: [String]) -> String {
        registered.isEmpty
            ? "; no builders are registered" : "; registered: " + registered.joined(separator: ", ")
    }
}
