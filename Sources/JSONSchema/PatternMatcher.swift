/// Runs a `PatternProgram` over the UTF-8 bytes of one string by backtracking, with an explicit
/// stack (no recursion except into lookaround bodies) and a step budget.
struct PatternMatcher {
    enum Outcome: Sendable, Equatable {
        case match
        case noMatch
        /// The step budget ran out before an answer was found.
        case limitExceeded
    }

    /// Instructions executed per search before giving up.
    static let stepLimit = 1_000_000

    private let instructions: UnsafeBufferPointer<PatternProgram.Instruction>
    private let sets: UnsafeBufferPointer<ScalarSet>
    private let text: UnsafeBufferPointer<UInt8>
    private let anchoredAtStart: Bool
    private let firstScalar: UInt32?
    private var stack: BacktrackStack
    /// Capture slots, then `progress` registers; -1 when unset.
    private let slots: UnsafeMutablePointer<Int>
    private let registers: UnsafeMutablePointer<Int>
    private var steps = 0
    private var exhausted = false
    private var lookbehindEnd = -1

    /// Whether `program` matches anywhere in `string` (search semantics, like `RegExp.test`). A pattern that can be
    /// decided in one pass (`PatternProgram.linear`) is, unless `backtracking` asks for the general matcher.
    static func search(_ program: PatternProgram, in string: String, backtracking: Bool = false) -> Outcome {
        if let outcome = string.utf8.withContiguousStorageIfAvailable({
            search(program, bytes: $0, backtracking: backtracking)
        }) {
            return outcome
        }
        var copy = string
        copy.makeContiguousUTF8()
        return copy.utf8.withContiguousStorageIfAvailable { search(program, bytes: $0, backtracking: backtracking) }
            ?? .noMatch
    }

    private static func search(_ program: PatternProgram, bytes: UnsafeBufferPointer<UInt8>, backtracking: Bool)
        -> Outcome
    {
        if !backtracking, let linear = program.linear { return linear.matches(bytes) ? .match : .noMatch }
        // Fixed sizes keep both scratch buffers on the call stack; rare programs with many
        // groups get their registers from the heap.
        let registerSpace = program.slotCount + program.registerCount
        return program.instructions.withUnsafeBufferPointer { instructions in
            program.sets.withUnsafeBufferPointer { sets in
                withUnsafeTemporaryAllocation(of: BacktrackFrame.self, capacity: 24) { frames in
                    func run(_ space: UnsafeMutablePointer<Int>) -> Outcome {
                        space.initialize(repeating: -1, count: registerSpace)
                        var matcher = PatternMatcher(
                            instructions: instructions, sets: sets, text: bytes, program: program,
                            frames: frames, space: space)
                        let outcome = matcher.search()
                        matcher.stack.releaseHeap()
                        return outcome
                    }
                    if registerSpace <= 16 {
                        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 16) { run($0.baseAddress!) }
                    }
                    let space = UnsafeMutablePointer<Int>.allocate(capacity: registerSpace)
                    defer { space.deallocate() }
                    return run(space)
                }
            }
        }
    }

    private init(
        instructions: UnsafeBufferPointer<PatternProgram.Instruction>, sets: UnsafeBufferPointer<ScalarSet>,
        text: UnsafeBufferPointer<UInt8>, program: PatternProgram, frames: UnsafeMutableBufferPointer<BacktrackFrame>,
        space: UnsafeMutablePointer<Int>
    ) {
        self.instructions = instructions
        self.sets = sets
        self.text = text
        anchoredAtStart = program.anchoredAtStart
        firstScalar = program.firstScalar
        stack = BacktrackStack(frames)
        slots = space
        registers = space + program.slotCount
    }

    private mutating func search() -> Outcome {
        let bytes = text
        var start = 0
        while true {
            if let first = firstScalar {
                // Skip ahead to the next occurrence of the first scalar.
                while start < bytes.count, decode(at: start).scalar != first {
                    start += decode(at: start).length
                }
                if start >= bytes.count { return .noMatch }
            }
            if run(from: 0, at: start) != nil { return .match }
            if exhausted { return .limitExceeded }
            if anchoredAtStart || start >= bytes.count { return .noMatch }
            start += decode(at: start).length
        }
    }

    // MARK: The machine

    /// Runs from instruction `entry` at byte `position`; returns the end position of a match.
    private mutating func run(from entry: Int, at position: Int) -> Int? {
        let base = stack.count
        var pc = entry
        var pos = position
        let end = text.count
        while true {
            steps += 1
            if steps > Self.stepLimit {
                exhausted = true
                unwind(to: base)
                return nil
            }
            var failed = false
            switch instructions[pc] {
            case .scalar(let expected):
                if pos < end {
                    let byte = text[pos]
                    if byte < 0x80 {
                        if UInt32(byte) == expected { pos += 1; pc += 1 } else { failed = true }
                    } else {
                        let (scalar, length) = decode(at: pos)
                        if scalar == expected { pos += length; pc += 1 } else { failed = true }
                    }
                } else {
                    failed = true
                }
            case .set(let index):
                if pos < end {
                    let byte = text[pos]
                    if byte < 0x80 {
                        if sets[index].contains(UInt32(byte)) { pos += 1; pc += 1 } else { failed = true }
                    } else {
                        let (scalar, length) = decode(at: pos)
                        if sets[index].contains(scalar) { pos += length; pc += 1 } else { failed = true }
                    }
                } else {
                    failed = true
                }
            case let .repeatSet(setIndex, minimum, maximum):
                let low = sets[setIndex].asciiLow
                let high = sets[setIndex].asciiHigh
                var count = 0
                var reached = pos
                while count < minimum {
                    let length = memberLength(at: reached, set: setIndex, low: low, high: high)
                    if length == 0 { break }
                    reached += length
                    count += 1
                }
                if count < minimum {
                    steps += count
                    failed = true
                } else {
                    let floor = reached
                    while count < maximum {
                        let length = memberLength(at: reached, set: setIndex, low: low, high: high)
                        if length == 0 { break }
                        reached += length
                        count += 1
                    }
                    steps += count
                    if reached > floor { stack.push(BacktrackFrame(kind: .giveBack, a: pc + 1, b: reached, c: floor)) }
                    pos = reached
                    pc += 1
                }
            case let .split(first, second):
                stack.push(BacktrackFrame(kind: .branch, a: second, b: pos))
                pc = first
            case .jump(let target):
                pc = target
            case .save(let slot):
                stack.push(BacktrackFrame(kind: .restoreSlot, a: slot, b: slots[slot]))
                slots[slot] = pos
                pc += 1
            case .inputStart:
                if pos == 0 { pc += 1 } else { failed = true }
            case .inputEnd:
                if pos == end { pc += 1 } else { failed = true }
            case .wordBoundary(let negated):
                let before = pos > 0 && ScalarSet.isWordScalar(previousScalar(before: pos))
                let after = pos < end && ScalarSet.isWordScalar(decode(at: pos).scalar)
                if (before != after) != negated { pc += 1 } else { failed = true }
            case let .look(body, ahead, negated):
                let matched = ahead ? lookahead(body: body, at: pos, negated: negated)
                    : lookbehind(body: body, at: pos, negated: negated)
                if exhausted {
                    unwind(to: base)
                    return nil
                }
                if matched { pc += 1 } else { failed = true }
            case .backreference(let group):
                let start = slots[group * 2]
                let stop = slots[group * 2 + 1]
                if start < 0 || stop < start {
                    pc += 1
                } else {
                    let length = stop - start
                    if pos + length <= end && (0 ..< length).allSatisfy({ text[start + $0] == text[pos + $0] }) {
                        pos += length
                        pc += 1
                    } else {
                        failed = true
                    }
                }
            case .mark(let register):
                stack.push(BacktrackFrame(kind: .restoreRegister, a: register, b: registers[register]))
                registers[register] = pos
                pc += 1
            case .progress(let register):
                if registers[register] == pos { failed = true } else { pc += 1 }
            case .atLookbehindEnd:
                if pos == lookbehindEnd { pc += 1 } else { failed = true }
            case .match:
                return pos
            }
            if failed {
                // Backtrack: undo records down to the most recent branch.
                var resumed = false
                while stack.count > base {
                    let frame = stack.pop()
                    switch frame.kind {
                    case .branch:
                        pc = frame.a
                        pos = frame.b
                        resumed = true
                    case .giveBack:
                        var previous = frame.b - 1
                        while previous > frame.c && text[previous] & 0xC0 == 0x80 { previous -= 1 }
                        if previous > frame.c {
                            stack.push(BacktrackFrame(kind: .giveBack, a: frame.a, b: previous, c: frame.c))
                        }
                        pc = frame.a
                        pos = previous
                        resumed = true
                    case .restoreSlot:
                        slots[frame.a] = frame.b
                    case .restoreRegister:
                        registers[frame.a] = frame.b
                    }
                    if resumed { break }
                }
                if !resumed { return nil }
            }
        }
    }

    private mutating func lookahead(body: Int, at pos: Int, negated: Bool) -> Bool {
        let base = stack.count
        let found = run(from: body, at: pos) != nil
        settle(above: base, keepingCaptures: found && !negated)
        return found != negated
    }

    private mutating func lookbehind(body: Int, at pos: Int, negated: Bool) -> Bool {
        let savedEnd = lookbehindEnd
        lookbehindEnd = pos
        defer { lookbehindEnd = savedEnd }
        let base = stack.count
        var start = pos
        var found = false
        while true {
            if run(from: body, at: start) != nil {
                found = true
                break
            }
            if exhausted || start == 0 { break }
            start -= 1
            while start > 0 && text[start] & 0xC0 == 0x80 { start -= 1 }
        }
        settle(above: base, keepingCaptures: found && !negated)
        return found != negated
    }

    /// After a lookaround body: drop its branch points (lookarounds are atomic), and either keep
    /// its capture records (so an outer backtrack still undoes them) or undo them now.
    private mutating func settle(above base: Int, keepingCaptures: Bool) {
        if keepingCaptures {
            var write = base
            for read in base ..< stack.count where stack[read].kind != .branch && stack[read].kind != .giveBack {
                stack[write] = stack[read]
                write += 1
            }
            stack.truncate(to: write)
        } else {
            unwind(to: base)
        }
    }

    private mutating func unwind(to base: Int) {
        while stack.count > base {
            let frame = stack.pop()
            switch frame.kind {
            case .branch, .giveBack: break
            case .restoreSlot: slots[frame.a] = frame.b
            case .restoreRegister: registers[frame.a] = frame.b
            }
        }
    }

    /// The byte length of the scalar at `position` if it belongs to set `index`, else 0 (also
    /// at the end of the text). `low`/`high` are that set's ASCII bits, hoisted by the caller.
    @inline(__always)
    private func memberLength(at position: Int, set index: Int, low: UInt64, high: UInt64) -> Int {
        guard position < text.count else { return 0 }
        let byte = text[position]
        if byte < 0x80 {
            let bits = byte < 64 ? low : high
            return Int(truncatingIfNeeded: (bits &>> UInt64(byte & 63)) & 1)
        }
        let (scalar, length) = decode(at: position)
        return sets[index].contains(scalar) ? length : 0
    }

    // MARK: UTF-8

    @inline(__always)
    private func decode(at pos: Int) -> (scalar: UInt32, length: Int) {
        let lead = UInt32(text[pos])
        if lead < 0x80 { return (lead, 1) }
        if lead < 0xE0 { return ((lead & 0x1F) << 6 | UInt32(text[pos + 1]) & 0x3F, 2) }
        if lead < 0xF0 {
            return ((lead & 0x0F) << 12 | (UInt32(text[pos + 1]) & 0x3F) << 6 | UInt32(text[pos + 2]) & 0x3F, 3)
        }
        return ((lead & 0x07) << 18 | (UInt32(text[pos + 1]) & 0x3F) << 12
            | (UInt32(text[pos + 2]) & 0x3F) << 6 | UInt32(text[pos + 3]) & 0x3F, 4)
    }

    private func previousScalar(before pos: Int) -> UInt32 {
        var start = pos - 1
        while start > 0 && text[start] & 0xC0 == 0x80 { start -= 1 }
        return decode(at: start).scalar
    }
}
