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
        // Ids first, so that an alias clashing with another entry's id is reported at the alias, never at the id.
        var owners: [String: (id: String, location: SourceLocation)] = [:]
        owners.reserveCapacity(registry.entries.count * 3)
        for entry in registry.entries {
            guard let id = entry.id else { continue }
            claim(id.value, kind: "id", of: id.value, at: id.location, owners: &owners, findings: &findings)
        }
        for entry in registry.entries {
            guard let id = entry.id else { continue }
            for alias in entry.aliases {
                claim(alias.value, kind: "alias", of: id.value, at: alias.location, owners: &owners, findings: &findings)
            }
        }
    }

    private func claim(
        _ name: String, kind: String, of id: String, at location: SourceLocation,
        owners: inout [String: (id: String, location: SourceLocation)], findings: inout [Finding]
    ) {
        let key = name.caseFolded
        guard let owner = owners[key] else {
            owners[key] = (id, location)
            return
        }
        let whose = owner.id == id ? "this entry's own id or alias" : "`\(owner.id)`"
        findings.append(
            Self.finding(
                at: location, "\(kind) `\(name)` is already a name of \(whose)",
                notes: [FindingNote(location: owner.location, message: "first used here")]))
    }
}

extension String {
    /// The string lowercased, without a copy when it has nothing to lowercase (no ASCII capital, nothing beyond
    /// ASCII): the names of a large registry mostly do not.
    var caseFolded: String {
        utf8.contains { ($0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z")) || $0 >= 0x80 } ? lowercased() : self
    }
}
