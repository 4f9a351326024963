/// The backtracking records: a buffer on the call stack, moved to the heap if it fills up.
/// Frames are trivial values, so no reference counting happens while matching.
struct BacktrackStack {
    private var storage: UnsafeMutablePointer<BacktrackFrame>
    private var capacity: Int
    private var onHeap = false
    private(set) var count = 0

    init(_ initial: UnsafeMutableBufferPointer<BacktrackFrame>) {
        storage = initial.baseAddress!
        capacity = initial.count
    }

    @inline(__always)
    mutating func push(_ frame: BacktrackFrame) {
        if count == capacity { grow() }
        storage[count] = frame
        count += 1
    }

    @inline(__always)
    mutating func pop() -> BacktrackFrame {
        count -= 1
        return storage[count]
    }

    subscript(position: Int) -> BacktrackFrame {
        get { storage[position] }
        set { storage[position] = newValue }
    }

    mutating func truncate(to newCount: Int) {
        count = newCount
    }

    private mutating func grow() {
        let larger = UnsafeMutablePointer<BacktrackFrame>.allocate(capacity: capacity * 2)
        larger.initialize(from: storage, count: count)
        if onHeap { storage.deallocate() }
        storage = larger
        capacity *= 2
        onHeap = true
    }

    func releaseHeap() {
        if onHeap { storage.deallocate() }
    }
}
