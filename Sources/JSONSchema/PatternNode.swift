/// The syntax tree of an ECMA-262 pattern, as `PatternParser` builds it.
indirect enum PatternNode: Sendable {
    case empty
    case scalar(UInt32)
    case set(ScalarSet)
    case sequence([PatternNode])
    case alternation([PatternNode])
    /// A group; `capture` is the 1-based capture number, nil for `(?:…)`.
    case group(PatternNode, capture: Int?)
    case quantified(PatternNode, min: Int, max: Int?, greedy: Bool)
    case inputStart
    case inputEnd
    case wordBoundary(negated: Bool)
    case lookahead(PatternNode, negated: Bool)
    case lookbehind(PatternNode, negated: Bool)
    case backreference(Int)

    /// Whether the node can match without consuming input.
    var canMatchEmpty: Bool {
        switch self {
        case .empty, .inputStart, .inputEnd, .wordBoundary, .lookahead, .lookbehind, .backreference:
            return true
        case .scalar, .set:
            return false
        case .sequence(let nodes):
            return nodes.allSatisfy(\.canMatchEmpty)
        case .alternation(let nodes):
            return nodes.contains { $0.canMatchEmpty }
        case .group(let node, _):
            return node.canMatchEmpty
        case let .quantified(node, min, _, _):
            return min == 0 || node.canMatchEmpty
        }
    }

    /// Whether every match must begin at the start of the input (`^…`).
    var isAnchoredAtStart: Bool {
        switch self {
        case .inputStart: return true
        case .sequence(let nodes): return nodes.first?.isAnchoredAtStart ?? false
        case .alternation(let nodes): return !nodes.isEmpty && nodes.allSatisfy(\.isAnchoredAtStart)
        case .group(let node, _): return node.isAnchoredAtStart
        default: return false
        }
    }

    var containsBackreference: Bool {
        switch self {
        case .backreference: return true
        case .sequence(let nodes), .alternation(let nodes): return nodes.contains { $0.containsBackreference }
        case .group(let node, _), .quantified(let node, _, _, _), .lookahead(let node, _), .lookbehind(let node, _):
            return node.containsBackreference
        default: return false
        }
    }
}
