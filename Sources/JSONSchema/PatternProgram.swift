/// A compiled pattern: instructions for `PatternMatcher`, a backtracking machine over UTF-8.
///
/// A greedy quantifier over a single scalar or class (`[a-f0-9]{64}`, `\d+`) becomes one
/// `repeatSet` instruction. Other counted quantifiers are unrolled (`(ab){2,4}` becomes
/// `ab ab (ab (ab)?)?`), so those programs grow with repetition counts; `maximumInstructions`
/// bounds that.
final class PatternProgram: Sendable {
    enum Instruction: Sendable {
        /// Consume this scalar.
        case scalar(UInt32)
        /// Consume a scalar in `sets[index]`.
        case set(Int)
        /// Consume between `min` and `max` scalars of `sets[set]`, as many as possible, giving
        /// them back one at a time on backtracking (a greedy `x*`, `x+`, `x{n,m}` over one scalar).
        case repeatSet(set: Int, min: Int, max: Int)
        /// Continue at the first target; on failure, at the second.
        case split(Int, Int)
        case jump(Int)
        /// Record the position in capture slot `n` (group g has slots 2g and 2g+1).
        case save(Int)
        case inputStart
        case inputEnd
        case wordBoundary(negated: Bool)
        /// Run the body at `body` (which ends in `.match`) as a lookahead or lookbehind.
        case look(body: Int, ahead: Bool, negated: Bool)
        case backreference(Int)
        /// Record the position in a register, for `progress`.
        case mark(register: Int)
        /// Fail if nothing was consumed since the matching `mark` (ends empty loop iterations).
        case progress(register: Int)
        /// Inside a lookbehind body: succeed only at the position the lookbehind started from.
        case atLookbehindEnd
        case match
    }

    static let maximumInstructions = 100_000

    let instructions: [Instruction]
    let sets: [ScalarSet]
    let slotCount: Int
    let registerCount: Int
    let anchoredAtStart: Bool
    /// When every match starts with one known scalar: that scalar (to skip start positions fast).
    let firstScalar: UInt32?
    /// When the pattern can be decided in one pass without backtracking: that pass.
    let linear: LinearPattern?

    init(_ root: PatternNode, captures: Int) throws(ECMAPatternError) {
        var builder = Builder(recordCaptures: root.containsBackreference)
        try builder.emit(root)
        builder.append(.match)
        instructions = builder.instructions
        sets = builder.sets
        slotCount = builder.recordCaptures ? (captures + 1) * 2 : 0
        registerCount = builder.registerCount
        anchoredAtStart = root.isAnchoredAtStart
        firstScalar = Self.leadingScalar(root)
        linear = LinearPattern(root)
    }

    private static func leadingScalar(_ node: PatternNode) -> UInt32? {
        switch node {
        case .scalar(let value): return value
        case .sequence(let nodes): return nodes.first.flatMap(leadingScalar)
        case .group(let inner, _): return leadingScalar(inner)
        case let .quantified(inner, min, _, _): return min > 0 ? leadingScalar(inner) : nil
        default: return nil
        }
    }

    private struct Builder {
        let recordCaptures: Bool
        var instructions: [Instruction] = []
        var sets: [ScalarSet] = []
        var registerCount = 0

        init(recordCaptures: Bool) {
            self.recordCaptures = recordCaptures
        }

        mutating func append(_ instruction: Instruction) {
            instructions.append(instruction)
        }

        private mutating func placeholder() -> Int {
            instructions.append(.match)
            return instructions.count - 1
        }

        mutating func emit(_ node: PatternNode) throws(ECMAPatternError) {
            guard instructions.count <= PatternProgram.maximumInstructions else {
                throw ECMAPatternError(message: "pattern too large once repetitions are expanded", offset: 0)
            }
            switch node {
            case .empty:
                break
            case .scalar(let value):
                append(.scalar(value))
            case .set(let set):
                append(.set(setIndex(set)))
            case .sequence(let nodes):
                for child in nodes { try emit(child) }
            case .alternation(let nodes):
                var exits: [Int] = []
                for (position, child) in nodes.enumerated() {
                    if position < nodes.count - 1 {
                        let split = placeholder()
                        try emit(child)
                        exits.append(placeholder())
                        instructions[split] = .split(split + 1, instructions.count)
                    } else {
                        try emit(child)
                    }
                }
                for exit in exits { instructions[exit] = .jump(instructions.count) }
            case let .group(inner, capture):
                if let capture, recordCaptures {
                    append(.save(capture * 2))
                    try emit(inner)
                    append(.save(capture * 2 + 1))
                } else {
                    try emit(inner)
                }
            case let .quantified(inner, minimum, maximum, greedy):
                try emitRepetition(inner, minimum: minimum, maximum: maximum, greedy: greedy)
            case .inputStart:
                append(.inputStart)
            case .inputEnd:
                append(.inputEnd)
            case .wordBoundary(let negated):
                append(.wordBoundary(negated: negated))
            case let .lookahead(inner, negated):
                try emitLook(inner, ahead: true, negated: negated)
            case let .lookbehind(inner, negated):
                try emitLook(inner, ahead: false, negated: negated)
            case .backreference(let group):
                append(.backreference(group))
            }
        }

        private mutating func setIndex(_ set: ScalarSet) -> Int {
            if let existing = sets.firstIndex(of: set) { return existing }
            sets.append(set)
            return sets.count - 1
        }

        private mutating func emitLook(_ inner: PatternNode, ahead: Bool, negated: Bool) throws(ECMAPatternError) {
            let look = placeholder()
            let skip = placeholder()
            try emit(inner)
            if !ahead { append(.atLookbehindEnd) }
            append(.match)
            instructions[look] = .look(body: skip + 1, ahead: ahead, negated: negated)
            instructions[skip] = .jump(instructions.count)
        }

        private mutating func emitRepetition(
            _ inner: PatternNode, minimum: Int, maximum: Int?, greedy: Bool
        ) throws(ECMAPatternError) {
            if greedy {
                var single: ScalarSet?
                switch inner {
                case .set(let set): single = set
                case .scalar(let value): single = ScalarSet(ranges: [value ... value])
                default: break
                }
                if let single {
                    append(.repeatSet(set: setIndex(single), min: minimum, max: maximum ?? Int.max))
                    return
                }
            }
            for _ in 0 ..< minimum { try emit(inner) }
            if let maximum {
                // Nested optionals: (x (x (x)?)?)?
                var splits: [Int] = []
                for _ in minimum ..< maximum {
                    splits.append(placeholder())
                    try emit(inner)
                }
                let end = instructions.count
                for split in splits {
                    instructions[split] = greedy ? .split(split + 1, end) : .split(end, split + 1)
                }
                return
            }
            // Unbounded: loop with an empty-iteration check when the body can match empty.
            let loop = placeholder()
            var register: Int?
            if inner.canMatchEmpty {
                register = registerCount
                registerCount += 1
                append(.mark(register: register!))
            }
            try emit(inner)
            if let register { append(.progress(register: register)) }
            append(.jump(loop))
            let end = instructions.count
            instructions[loop] = greedy ? .split(loop + 1, end) : .split(end, loop + 1)
        }
    }
}
