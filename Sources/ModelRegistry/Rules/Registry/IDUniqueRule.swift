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
                id: colbert-v2-copy
                name: ColBERT v2 copy
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
        var owners: [String: (id: String, location: SourceLocation)] = [:]
        for document in registry.documents {
            guard let id = document.id else { continue }
            var names: [(name: String, kind: String, location: SourceLocation)] = [
                (id, "id", document.location(of: "id"))
            ]
            for (index, alias) in (document.value.member("aliases")?.asArray ?? []).enumerated() {
                guard let name = alias.asString else { continue }
                names.append((name, "alias", document.location(of: [.key("aliases"), .index(index)])))
            }
            for entry in names {
                let key = entry.name.lowercased()
                if let owner = owners[key] {
                    let whose = owner.id == id ? "this entry's own id or alias" : "`\(owner.id)`"
                    findings.append(
                        document.finding(
                            Self.self, at: entry.location,
                            "\(entry.kind) `\(entry.name)` is already a name of \(whose)",
                            notes: [FindingNote(location: owner.location, message: "first used here")]))
                } else {
                    owners[key] = (id, entry.location)
                }
            }
        }
    }
}
