import Foundation

/// The fallback for the few patterns the native engine does not run (see `ECMAPattern`):
/// ICU's regular expressions through `NSRegularExpression`. Used only for those patterns.
///
/// swift-corelibs-foundation declares `NSRegularExpression` `Sendable`, so on Linux the
/// expression is compiled once; elsewhere only its source is kept and it is compiled per match.
struct FoundationPattern: Sendable {
    #if os(Linux)
    private let expression: NSRegularExpression
    #else
    private let source: String
    #endif

    init?(_ source: String) {
        guard let expression = try? NSRegularExpression(pattern: source) else { return nil }
        #if os(Linux)
        self.expression = expression
        #else
        _ = expression
        self.source = source
        #endif
    }

    func matches(_ string: String) -> Bool {
        #if os(Linux)
        let expression = self.expression
        #else
        guard let expression = try? NSRegularExpression(pattern: source) else { return false }
        #endif
        let range = NSRange(location: 0, length: string.utf16.count)
        return expression.firstMatch(in: string, range: range) != nil
    }
}
