/// Finds subschemas that apply themselves to the same instance value through `$ref` (and the
/// other in-place applicators) without ever stepping into a member or item: validating with
/// such a schema could never finish, so it is rejected at compile time.
enum SchemaCycleCheck {
    static func run(_ nodes: [SchemaNode]) throws(SchemaError) {
        let edges = nodes.map(inPlaceEdges)
        // 0 = unvisited, 1 = on the current path, 2 = done.
        var state = [UInt8](repeating: 0, count: nodes.count)
        for start in nodes.indices where state[start] == 0 {
            var stack: [(node: Int, next: Int)] = [(start, 0)]
            state[start] = 1
            while let top = stack.last {
                let nodeEdges = edges[top.node]
                if top.next == nodeEdges.count {
                    state[top.node] = 2
                    stack.removeLast()
                    continue
                }
                stack[stack.count - 1].next += 1
                let (keyword, target) = nodeEdges[top.next]
                switch state[target] {
                case 0:
                    state[target] = 1
                    stack.append((target, 0))
                case 1:
                    let cycleStart = stack.firstIndex { $0.node == target } ?? 0
                    let path = stack[cycleStart...].map { describe(nodes[$0.node].pointer) } + [describe(nodes[target].pointer)]
                    throw SchemaError(
                        message: "infinite recursion: \(path.joined(separator: " → ")) applies to the same value forever",
                        pointer: JSONPointer.appending(nodes[top.node].pointer, keyword))
                default:
                    break
                }
            }
        }
    }

    private static func inPlaceEdges(_ node: SchemaNode) -> [(String, Int)] {
        var edges = node.applicators?.value.inPlace ?? []
        if let object = node.object {
            edges += object.value.dependentSchemas.map { ("dependentSchemas", $0.target) }
        }
        return edges
    }

    private static func describe(_ pointer: String) -> String {
        "#" + pointer
    }
}
