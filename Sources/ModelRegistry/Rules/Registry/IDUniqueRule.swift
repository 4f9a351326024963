import JSONSchema

/// Every name that finds a model (its id and its aliases) finds exactly one.
public struct IDUniqueRule: RegistryRule {
    public static let description = RuleDescription(
        id: "id-unique",
        summary: "Ids and aliases are unique across the registry, compared case-insensitively: no alias equals another id or alias.",
        rationale: """
            `modelreg show` and applications look models up by id or alias. A name that matches two entries makes \
            the answer depend on file order; case-insensitive comparison keeps `BGE-M3` and `bge-m3` from meaning \
            two things.
            """,
        scope: .registry,
        valid: [
            RuleExample(models: [
                """
                schema_version: 1
                id: colbert-v2
                name: ColBERT v2
                type: colbert
                license: mit
                description: Late interaction.
                aliases: [colbertv2]
                """,
                """
                schema_version: 1
                id: bge-m3
                name: BGE-M3
                type: dense
                license: mit
                description: Multilingual.
                aliases: [bge-m3-dense]
                """,
            ])
        ],
        invalid: [
            RuleExample(models: [
                """
                schema_version: 1
                id: colbert-v2
                name: ColBERT v2
                type: colbert
                license: mit
                description: Late interaction.
                aliases: [colbertv2]
                """,
                """
                schema_version: 1
                id: colbert-v3
                name: ColBERT v3
                type: colbert
                license: mit
                description: Claims another model's names.
                aliases: [↓ColBERTv2, ↓Colbert-V2]
                """,
            ]),
            RuleExample(files: [
                ExampleFile(
                    path: "registry/e5-large.yaml",
                    text: """
                        schema_version: 1
                        id: e5-large
                        name: E5 large
                        type: dense
                        license: mit
                        description: The original.
                        """),
                ExampleFile(
                    path: "registry/f5-large.yaml",
                    text: """
                        schema_version: 1
                        id: ↓e5-large
                        name: E5 large again
                        type: dense
                        license: mit
                        description: The same id in a second file.
                        """),
            ]),
        ]
    )

    public init() {}

    public func check(_ registry: RegistrySnapshot, into findings: inout [Finding]) {
        // Which entry (by position) and which of its names (-1: the id, else the alias's index) first claimed each
        // name: small values, so a registry of thousands of entries fills the table without copying strings.
        typealias Owner = (entry: Int32, name: Int32)
        let entries = registry.entries
        var owners = FoldedNameTable<Owner>(capacity: entries.count * 2)
        func name(_ owner: Owner) -> EntryExtract.Located {
            owner.name < 0 ? entries[Int(owner.entry)].id! : entries[Int(owner.entry)].aliases[Int(owner.name)]
        }
        func claim(_ claimed: String, kind: String, owner: Owner) {
            let folded = FoldedNameTable<Owner>.hash(claimed)
            guard
                let first = owners.claim(hash: folded, by: owner, isSame: { name($0).value.caseFolded == claimed.caseFolded })
            else { return }
            let firstID = entries[Int(first.entry)].id!.value
            let whose = firstID == entries[Int(owner.entry)].id!.value ? "this entry's own id or alias" : "`\(firstID)`"
            findings.append(
                Self.finding(
                    at: name(owner).location, "\(kind) `\(claimed)` is already a name of \(whose)",
                    notes: [FindingNote(location: name(first).location, message: "first used here")]))
        }
        // Ids first, so that an alias clashing with another entry's id is reported at the alias, never at the id.
        for position in entries.indices {
            guard let id = entries[position].id?.value else { continue }
            claim(id, kind: "id", owner: (Int32(position), -1))
        }
        for position in entries.indices where entries[position].id != nil {
            for index in entries[position].aliases.indices {
                claim(entries[position].aliases[index].value, kind: "alias", owner: (Int32(position), Int32(index)))
            }
        }
    }
}

extension String {
    /// The string lowercased, without a copy when it has nothing to lowercase (no ASCII capital, nothing beyond
    /// ASCII): the names of a large registry mostly do not. An ASCII name with capitals is lowercased byte by byte
    /// (what `lowercased()` gives for ASCII, without its general Unicode path).
    var caseFolded: String {
        var text = self
        enum Kind { case lower, capitals, other }
        let kind = text.withUTF8 { bytes -> Kind in
            var kind = Kind.lower
            for byte in bytes {
                if byte >= 0x80 { return .other }
                if byte &- UInt8(ascii: "A") < 26 { kind = .capitals }
            }
            return kind
        }
        switch kind {
        case .lower: return self
        case .other: return lowercased()
        case .capitals:
            return text.withUTF8 { bytes in
                String(unsafeUninitializedCapacity: bytes.count) { target in
                    for index in bytes.indices {
                        let byte = bytes[index]
                        target[index] = byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte
                    }
                    return bytes.count
                }
            }
        }
    }
}
