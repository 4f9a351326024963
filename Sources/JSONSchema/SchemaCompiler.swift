/// Turns a schema document into `SchemaNode`s: checks every keyword's value, compiles patterns,
/// resolves each `$ref` to a node index, and rejects `$ref` cycles that would never consume
/// the instance. The keyword groups are read in `+Rules`.
struct SchemaCompiler {
    private let root: JSONValue
    private var index = SchemaDocumentIndex()
    private var nodes: [SchemaNode] = []

    /// Compiles `root`; the root schema is node 0.
    static func compile(_ root: JSONValue) throws(SchemaError) -> [SchemaNode] {
        var compiler = SchemaCompiler(root: root)
        try compiler.index.registerRoot(root)
        // Locations may be added while compiling (a `$ref` into an unknown keyword), so loop
        // until every registered location has a node.
        while compiler.nodes.count < compiler.index.locations.count {
            let location = compiler.index.locations[compiler.nodes.count]
            compiler.nodes.append(try compiler.compileNode(location))
        }
        try SchemaCycleCheck.run(compiler.nodes)
        return compiler.nodes
    }

    private init(root: JSONValue) {
        self.root = root
    }

    // MARK: Nodes

    private mutating func compileNode(_ location: SchemaDocumentIndex.Location) throws(SchemaError) -> SchemaNode {
        let pointer = location.pointer
        guard case .object(let object) = location.value else {
            if case .bool(true) = location.value { return SchemaNode(pointer: pointer, kind: .alwaysValid) }
            return SchemaNode(pointer: pointer, kind: .alwaysInvalid)
        }
        let reader = KeywordReader(object: object, pointer: pointer)

        var types = JSONTypeSet.all
        var typeNames: [String] = []
        if let type = object["type"] {
            (types, typeNames) = try reader.types(type)
        }
        var enumValues: [JSONValue]?
        if let values = object["enum"] {
            guard case .array(let array) = values else { throw reader.error("enum", "`enum` must be an array") }
            enumValues = array
        }

        let number = try numberRules(reader)
        let string = try stringRules(reader)
        let array = try arrayRules(reader)
        let objectRules = try self.objectRules(reader)
        let applicators = try self.applicators(reader, base: location.base)
        let constValue = object["const"]
        let asserts = types.rawValue != JSONTypeSet.all.rawValue || enumValues != nil || constValue != nil
            || !number.isEmpty || !string.isEmpty || !array.isEmpty || !objectRules.isEmpty || !applicators.isEmpty

        return SchemaNode(
            pointer: pointer, kind: asserts ? .rules : .alwaysValid, types: types, typeNames: typeNames,
            constValue: constValue, enumValues: enumValues, number: number.isEmpty ? nil : number,
            string: string.isEmpty ? nil : string, array: array.isEmpty ? nil : array,
            object: objectRules.isEmpty ? nil : objectRules, applicators: applicators.isEmpty ? nil : applicators)
    }

    /// The node index of the subschema at `pointer` + the given tokens (registered already).
    func child(_ pointer: String, _ keyword: String, _ name: String? = nil) throws(SchemaError) -> Int {
        var childPointer = JSONPointer.appending(pointer, keyword)
        if let name { childPointer = JSONPointer.appending(childPointer, name) }
        guard let position = index.index(of: childPointer) else {
            throw SchemaError(message: "internal error: subschema not registered", pointer: childPointer)
        }
        return position
    }

    func child(_ pointer: String, _ keyword: String, _ position: Int) throws(SchemaError) -> Int {
        try child(pointer, keyword, String(position))
    }

    // MARK: $ref

    /// Resolves a `$ref` against `base` to a node index, registering the target if it is not a
    /// known subschema location (a pointer into an unknown keyword, say).
    mutating func resolve(_ reference: String, base: URIReference, at pointer: String) throws(SchemaError) -> Int {
        let uri = URIReference(reference).resolved(against: base)
        guard let resourcePointer = index.resource(uri) else {
            throw SchemaError(
                .unsupported,
                message: "`$ref` \(reference) points outside this schema document; remote references are not supported",
                pointer: pointer)
        }
        let fragment = URIReference.percentDecoded(uri.fragment ?? "")
        var targetPointer: String
        if fragment.isEmpty {
            targetPointer = resourcePointer
        } else if fragment.hasPrefix("/") {
            guard let tokens = JSONPointer.tokens(fragment) else {
                throw SchemaError(message: "`$ref` \(reference) has an invalid JSON Pointer", pointer: pointer)
            }
            targetPointer = resourcePointer
            for token in tokens { targetPointer = JSONPointer.appending(targetPointer, token) }
        } else {
            guard let anchorPointer = index.anchor(fragment, in: uri) else {
                throw SchemaError(message: "`$ref` \(reference): no `$anchor` named \(fragment) in \(uri.withoutFragment)", pointer: pointer)
            }
            targetPointer = anchorPointer
        }
        if let position = index.index(of: targetPointer) { return position }
        guard let tokens = JSONPointer.tokens(targetPointer), let target = JSONPointer.resolve(tokens, in: root) else {
            throw SchemaError(message: "`$ref` \(reference) points to nothing in this schema", pointer: pointer)
        }
        let resourceBase = uri.withoutFragment
        try index.register(target, pointer: targetPointer, base: resourceBase)
        guard let position = index.index(of: targetPointer) else {
            throw SchemaError(message: "`$ref` \(reference) points to nothing in this schema", pointer: pointer)
        }
        return position
    }
}
