/// An immutable heap box for a group of compiled rules: the evaluator then holds one reference
/// instead of copying the group (and retaining each of its arrays) on every visit.
final class RuleBox<Value: Sendable>: Sendable {
    let value: Value

    init(_ value: Value) {
        self.value = value
    }
}
