/// A failure that stops modelreg from doing its work at all (exit code 2), as opposed to findings in the input.
public struct ToolError: Error, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
