import YAML

// The reader's rules: raised while a file is read, before any other rule sees it.
// Each maps one `YAMLErrorKind` to a stable id and carries its examples.

public struct YAMLSyntaxRule: Rule {
    public static let description = RuleDescription(
        id: "yaml-syntax",
        summary: "The file is well-formed YAML with scalar keys.",
        rationale: "A file that does not parse describes no model; the error points where libyaml gave up.",
        scope: .reader,
        valid: [RuleExample("schema_version: 1\nid: ok\nname: OK\ntype: dense\nlicense: mit\ndescription: Fine.\n")],
        invalid: [
            RuleExample("schema_version: 1\nid: broken\nname: [unclosed\ntype↓: dense\nlicense: mit\ndescription: x\n")
        ]
    )
}

public struct YAMLDuplicateKeyRule: Rule {
    public static let description = RuleDescription(
        id: "yaml-duplicate-key",
        summary: "A mapping names each key once.",
        rationale: "YAML parsers disagree on which of two equal keys wins; a duplicate is always a mistake that hides a value.",
        scope: .reader,
        valid: [RuleExample("schema_version: 1\nid: ok\nname: OK\ntype: dense\nlicense: mit\ndescription: Fine.\n")],
        invalid: [RuleExample("schema_version: 1\nid: twice\nname: Twice\ntype: dense\n↓type: sparse\nlicense: mit\ndescription: x\n")]
    )
}

public struct YAMLMultipleDocumentsRule: Rule {
    public static let description = RuleDescription(
        id: "yaml-multiple-documents",
        summary: "A model file holds one YAML document.",
        rationale: "One file is one model; a second document would be invisible to editors and reviewers who read the first.",
        scope: .reader,
        valid: [RuleExample("---\nschema_version: 1\nid: ok\nname: OK\ntype: dense\nlicense: mit\ndescription: Fine.\n")],
        invalid: [RuleExample("schema_version: 1\nid: two\nname: Two\ntype: dense\nlicense: mit\ndescription: x\n↓---\nid: other\n")]
    )
}

public struct YAMLAliasRule: Rule {
    public static let description = RuleDescription(
        id: "yaml-alias",
        summary: "No anchors (`&name`) or aliases (`*name`).",
        rationale: """
            A model file has no need of them, and aliases are how "billion laughs" documents blow up memory; \
            refusing them keeps every file readable as written.
            """,
        scope: .reader,
        valid: [RuleExample("schema_version: 1\nid: ok\nname: OK\ntype: dense\nlicense: mit\ndescription: Fine.\n")],
        invalid: [RuleExample("schema_version: 1\nid: ref\nname: ↓&n Ref\ntype: dense\nlicense: mit\ndescription: x\n")]
    )
}

public struct YAMLTagRule: Rule {
    public static let description = RuleDescription(
        id: "yaml-tag",
        summary: "Only the YAML core tags (`!!str`, `!!int`, `!!float`, `!!bool`, `!!null`, `!!map`, `!!seq`) are allowed.",
        rationale: "Language-specific tags such as `!!python/object` instruct other loaders to run code; a model file never needs them.",
        scope: .reader,
        valid: [RuleExample("schema_version: 1\nid: ok\nname: !!str 2024\ntype: dense\nlicense: mit\ndescription: Fine.\n")],
        invalid: [
            RuleExample("schema_version: 1\nid: tagged\nname: ↓!!python/object:os.system x\ntype: dense\nlicense: mit\ndescription: x\n")
        ]
    )
}

public struct YAMLEncodingRule: Rule {
    public static let description = RuleDescription(
        id: "yaml-encoding",
        summary: "The file is UTF-8.",
        rationale: "Names and descriptions are shown everywhere; bytes that are not UTF-8 would be shown differently by every tool.",
        scope: .reader,
        valid: [RuleExample("schema_version: 1\nid: ok\nname: Ünïcödé\ntype: dense\nlicense: mit\ndescription: Fine.\n")],
        invalid: []  // Invalid UTF-8 cannot be written in a Swift string; tested with raw bytes instead.
    )
}

public struct YAMLDepthRule: Rule {
    public static let description = RuleDescription(
        id: "yaml-depth",
        summary: "Collections nest at most 64 levels deep (configurable).",
        rationale: "Deep nesting is never needed by a model file and is how hostile input exhausts a parser's stack.",
        scope: .reader,
        valid: [RuleExample("schema_version: 1\nid: ok\nname: OK\ntype: dense\nlicense: mit\ndescription: Fine.\nmetadata: {a: {b: {c: 1}}}\n")],
        invalid: [
            RuleExample(
                "schema_version: 1\nid: deep\nname: Deep\ntype: dense\nlicense: mit\ndescription: x\nmetadata: "
                    + String(repeating: "[", count: 63) + "↓[1" + String(repeating: "]", count: 64) + "\n")
        ]
    )
}

public struct YAMLSizeRule: Rule {
    public static let description = RuleDescription(
        id: "yaml-size",
        summary: "A model file is at most 1 MiB (configurable).",
        rationale: "Model files are small; a huge one is a mistake (weights committed by accident) or an attack.",
        scope: .reader,
        valid: [RuleExample("schema_version: 1\nid: ok\nname: OK\ntype: dense\nlicense: mit\ndescription: Fine.\n")],
        invalid: []  // A 1 MiB example does not belong in documentation; tested with a generated file instead.
    )
}

public struct TopLevelMappingRule: Rule {
    public static let description = RuleDescription(
        id: "top-level-mapping",
        summary: "The document is a mapping of fields (not empty, not a list or a bare value).",
        rationale: "A model entry is a set of named fields; anything else cannot be validated field by field.",
        scope: .reader,
        valid: [RuleExample("schema_version: 1\nid: ok\nname: OK\ntype: dense\nlicense: mit\ndescription: Fine.\n")],
        invalid: [RuleExample("# a list is not a model\n↓- id: listed\n- id: twice\n", path: "registry/listed.yaml")]
    )
}

/// The reader rule for each kind of `YAMLError`.
enum ReaderRules {
    static func rule(for kind: YAMLErrorKind) -> RuleDescription {
        switch kind {
        case .syntax: return YAMLSyntaxRule.description
        case .duplicateKey: return YAMLDuplicateKeyRule.description
        case .multipleDocuments: return YAMLMultipleDocumentsRule.description
        case .alias: return YAMLAliasRule.description
        case .tag: return YAMLTagRule.description
        case .encoding: return YAMLEncodingRule.description
        case .depth: return YAMLDepthRule.description
        case .size: return YAMLSizeRule.description
        }
    }
}
