import YAML

/// A value to write into a model file with `YAMLEditor`, or one read back from it.
///
/// The cases mirror what YAML 1.2 core resolution produces: a plain `1024` is `.integer(1024)`,
/// `1.10` is `.number(1.1)`, a quoted `"1.10"` is `.string("1.10")`. A mapping keeps its keys
/// in order, because that order is what gets written.
public enum EditValue: Sendable, Hashable, CustomStringConvertible {
    case null
    case bool(Bool)
    case integer(Int)
    case number(Double)
    case string(String)
    case list([EditValue])
    /// Keys in the order they are written; keys must be distinct.
    case mapping([(String, EditValue)])

    /// The value a parsed node stands for, resolved the YAML 1.2 core way.
    public init(_ node: YAMLNode) {
        switch node.content {
        case .scalar(let scalar):
            switch scalar.resolved {
            case .null: self = .null
            case .bool(let value): self = .bool(value)
            case .int(let value): self = .integer(value)
            case .float(let value): self = .number(value)
            case .string(let value): self = .string(value)
            }
        case .sequence(let items):
            self = .list(items.map(EditValue.init))
        case .mapping(let pairs):
            self = .mapping(
                pairs.map { pair in
                    guard case .scalar(let key) = pair.key.content else { return ("", EditValue(pair.value)) }
                    return (key.text, EditValue(pair.value))
                })
        }
    }

    /// The value a command-line word stands for when written as a plain YAML scalar:
    /// `1024` is an integer, `true` a bool, `null` or the empty word null, `1.10` the number 1.1,
    /// anything else (`yes`, `2024-03`, `v1.10.2`) a string.
    public static func resolving(_ word: String) -> EditValue {
        switch YAMLScalar(text: word, style: .plain).resolved {
        case .null: .null
        case .bool(let value): .bool(value)
        case .int(let value): .integer(value)
        case .float(let value): .number(value)
        case .string(let value): .string(value)
        }
    }

    /// True for the cases that are written as one scalar.
    public var isScalar: Bool {
        switch self {
        case .list, .mapping: false
        default: true
        }
    }

    /// The value in YAML flow notation (`[a, "b c"]`, `{since: "2024-01"}`), as the editor would write it.
    public var description: String { YAMLEditor.Emitter.flowText(self, preferring: .plain, inFlow: false) }

    // MARK: Hashable

    public static func == (lhs: EditValue, rhs: EditValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.integer(let a), .integer(let b)): return a == b
        // NaN equals NaN here, so that a value always equals itself (as Hashable requires).
        case (.number(let a), .number(let b)): return a == b || (a.isNaN && b.isNaN)
        case (.string(let a), .string(let b)): return a == b
        case (.list(let a), .list(let b)): return a == b
        case (.mapping(let a), .mapping(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null:
            hasher.combine(0)
        case .bool(let value):
            hasher.combine(1)
            hasher.combine(value)
        case .integer(let value):
            hasher.combine(2)
            hasher.combine(value)
        case .number(let value):
            hasher.combine(3)
            // -0.0 == 0.0 and NaN == NaN above, so they must hash alike.
            hasher.combine(value.isNaN ? Double.nan.bitPattern : (value == 0 ? 0 : value.bitPattern))
        case .string(let value):
            hasher.combine(4)
            hasher.combine(value)
        case .list(let items):
            hasher.combine(5)
            hasher.combine(items)
        case .mapping(let pairs):
            hasher.combine(6)
            hasher.combine(pairs.count)
            for (key, value) in pairs {
                hasher.combine(key)
                hasher.combine(value)
            }
        }
    }
}

extension EditValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .integer(value) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: EditValue...) { self = .list(elements) }
    /// Keeps the keys in the order written.
    public init(dictionaryLiteral elements: (String, EditValue)...) { self = .mapping(elements) }
}
