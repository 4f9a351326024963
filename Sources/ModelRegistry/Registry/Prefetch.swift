import Dispatch

/// A value worked out on another thread while its owner does something else; `value` waits for it.
///
/// For work whose result is needed later in a command and that does not depend on what comes first (the gate reads
/// its extract cache while it reads the commits and diffs the trees).
public final class Prefetch<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    /// Written once by the worker before it signals `done`; read only after waiting for it.
    private var result: Value?

    public init(_ work: @escaping @Sendable () -> Value) {
        DispatchQueue.global().async {
            self.result = work()
            self.done.signal()
        }
    }

    /// The value, once the work has finished.
    public var value: Value {
        done.wait()
        done.signal()  // for the next reader
        return result!
    }
}
