import Foundation

/// The fallback for the few patterns the native engine does not run (see `ECMAPattern`):
/// ICU's regular expressions through `NSRegularExpression`. Used only for those patterns.
struct FoundationPattern: Sendable {
    private let expression: NSRegularExpression

    init?(_ source: String) {
        guard let expression = try? NSRegularExpression(pattern: source) else { return nil }
        self.expression = expression
    }

    func matches(_ string: String) -> Bool {
        let range = NSRange(location: 0, length: string.utf16.count)
        return expression.firstMatch(in: string, range: range) != nil
    }
}
