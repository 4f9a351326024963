/// Memory that a one-shot command leaves for the operating system to reclaim when the process ends.
///
/// Freeing a large registry's extracts and report is the last few milliseconds of a run, on one core, after the
/// answer is known. A command that exits right after printing can skip it, as compilers do (clang's
/// `-disable-free`). Whatever lives on (a library user, a test) never calls this.
public enum LeftToExit {
    /// Keeps `value` alive until the process ends: nothing in it is ever released.
    public static func keep<Value>(_ value: Value) {
        _ = Unmanaged.passRetained(Kept(value))
    }

    private final class Kept<Value> {
        let value: Value
        init(_ value: Value) { self.value = value }
    }
}
