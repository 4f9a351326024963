/// A compiled schema's nodes, read without reference counting.
///
/// Every worker thread that validates against one schema visits the same nodes; retaining and releasing a node on
/// each visit would have the cores take turns at its reference count's cache line. The nodes are owned here for as
/// long as the schema lives, and evaluators borrow them through unmanaged references.
struct SchemaNodes: @unchecked Sendable {
    /// Keeps the nodes alive.
    private let owners: [SchemaNode]
    private let references: [Unmanaged<SchemaNode>]

    init(_ nodes: [SchemaNode]) {
        owners = nodes
        references = nodes.map { Unmanaged.passUnretained($0) }
    }

    var count: Int { references.count }

    /// Node `index`, unretained: read it with `_withUnsafeGuaranteedRef` while the schema lives. (A copy of the
    /// reference, not of these arrays: a caller that changes itself while it reads the node need not copy them.)
    @inline(__always)
    func reference(_ index: Int) -> Unmanaged<SchemaNode> { references[index] }

    /// Runs `body` with node `index`, borrowed: neither retained nor released.
    @inline(__always)
    func with<Result>(_ index: Int, _ body: (SchemaNode) throws -> Result) rethrows -> Result {
        try references[index]._withUnsafeGuaranteedRef(body)
    }

    func kind(_ index: Int) -> SchemaNode.Kind { with(index) { $0.kind } }
    func pointer(_ index: Int) -> String { with(index) { $0.pointer } }
}
