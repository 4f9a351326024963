/// A comparison operator.
public enum QueryComparator: String, Sendable, Hashable, CaseIterable {
    /// `=` (also written `==`).
    case equal = "="
    /// `!=`: the negation of `=`, so a missing field passes.
    case notEqual = "!="
    /// `<`
    case less = "<"
    /// `<=`
    case lessOrEqual = "<="
    /// `>`
    case greater = ">"
    /// `>=`
    case greaterOrEqual = ">="

    /// Whether a comparison whose result is `order` (negative, zero, positive) passes.
    func accepts(_ order: Int) -> Bool {
        switch self {
        case .equal: return order == 0
        case .notEqual: return order != 0
        case .less: return order < 0
        case .lessOrEqual: return order <= 0
        case .greater: return order > 0
        case .greaterOrEqual: return order >= 0
        }
    }

    /// True for `<`, `<=`, `>`, `>=`.
    var isOrdering: Bool { self != .equal && self != .notEqual }
}
