/// The finished children of every open collection, innermost collection's last.
///
/// One buffer serves the whole parse; when a collection ends, its children are moved out into an
/// array of exactly the right size. That costs one allocation per collection instead of the
/// repeated growth of an array per open collection.
struct NodeStack: ~Copyable {
    private var base: UnsafeMutablePointer<YAMLNode>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int = 16) {
        self.capacity = capacity
        base = .allocate(capacity: capacity)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    mutating func push(_ node: consuming YAMLNode) {
        if count == capacity {
            let larger = UnsafeMutablePointer<YAMLNode>.allocate(capacity: capacity * 2)
            larger.moveInitialize(from: base, count: count)
            base.deallocate()
            base = larger
            capacity *= 2
        }
        (base + count).initialize(to: node)
        count += 1
    }

    /// Where the most recently pushed node ends; the stack must not be empty.
    var lastEnd: SourceLocation { base[count - 1].end }

    /// Moves the nodes from `start` on into a sequence's items.
    mutating func popItems(from start: Int) -> [YAMLNode] {
        let length = count - start
        guard length > 0 else { return [] }
        let source = base + start
        count = start
        return [YAMLNode](unsafeUninitializedCapacity: length) { buffer, initialized in
            buffer.baseAddress!.moveInitialize(from: source, count: length)
            initialized = length
        }
    }

    /// Moves the nodes from `start` on, alternately keys and values, into a mapping's pairs.
    mutating func popPairs(from start: Int) -> [(key: YAMLNode, value: YAMLNode)] {
        let length = (count - start) / 2
        let source = base + start
        if (count - start) % 2 == 1 { (source + 2 * length).deinitialize(count: 1) }  // a key without value
        count = start
        guard length > 0 else { return [] }
        return [(key: YAMLNode, value: YAMLNode)](unsafeUninitializedCapacity: length) { buffer, initialized in
            let target = buffer.baseAddress!
            for index in 0..<length {
                (target + index).initialize(to: (key: (source + 2 * index).move(), value: (source + 2 * index + 1).move()))
            }
            initialized = length
        }
    }
}
