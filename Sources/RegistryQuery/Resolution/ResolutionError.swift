import JSONSchema

/// Why role resolution found no model, with what is needed to fix the request or the registry.
public enum ResolutionError: Error, Sendable, CustomStringConvertible {
    /// `--prefer NAME` names no entry; `suggestions` are close ids and aliases.
    case unknownPreferred(String, suggestions: [String])
    /// No entry claims the role; `suggestions` are close roles, `known` every role in the registry.
    case unknownRole(String, suggestions: [String], known: [String])
    /// Entries claim the role but none qualifies; `closest` are the nearest misses, fewest shortfalls first.
    case noMatch(RoleRequest, closest: [RoleCandidate])

    /// A message that says what is missing and which entries came closest.
    public var description: String {
        switch self {
        case .unknownPreferred(let name, let suggestions):
            var message = "--prefer: no model with id or alias `\(name)`"
            if !suggestions.isEmpty {
                message += "; did you mean " + suggestions.map { "`\($0)`" }.joined(separator: ", ") + "?"
            }
            return message
        case .unknownRole(let role, let suggestions, let known):
            var message = "no entry has the role `\(role)`"
            if !suggestions.isEmpty {
                message += "; did you mean " + suggestions.map { "`\($0)`" }.joined(separator: ", ") + "?"
            }
            if !known.isEmpty { message += "\nroles in the registry: " + known.joined(separator: ", ") }
            return message
        case .noMatch(let request, let closest):
            var message = "no model serves `\(request.role)`"
            let requirements = request.allRequirements
            if !requirements.isEmpty {
                message += " with " + requirements.map { "`\($0)`" }.joined(separator: ", ")
            }
            message += "; closest:"
            for candidate in closest {
                message += "\n  \(candidate.entry.id): " + candidate.reasons.joined(separator: "; ")
            }
            return message
        }
    }

    /// The error as JSON, for `--format json`: `error` (the message) and `closest` (`id`, `reasons`).
    public var json: JSONValue {
        var object = JSONObject([("error", .string(description))])
        switch self {
        case .unknownPreferred(_, let suggestions):
            object["suggestions"] = .array(suggestions.map(JSONValue.string))
        case .unknownRole(_, let suggestions, _):
            object["suggestions"] = .array(suggestions.map(JSONValue.string))
        case .noMatch(_, let closest):
            object["closest"] = .array(closest.map(\.json))
        }
        return .object(object)
    }
}
