/// One record on the `PatternMatcher` backtracking stack.
struct BacktrackFrame {
    enum Kind: UInt8 { case branch, giveBack, restoreSlot, restoreRegister }
    var kind: Kind
    /// branch, giveBack: the instruction to resume at. restore*: the slot or register.
    var a: Int
    /// branch: the position to resume at; giveBack: the position reached; restore*: the old value.
    var b: Int
    /// giveBack: the position below which nothing may be given back.
    var c: Int = 0
}
