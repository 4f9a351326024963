import JSONSchema
import Testing

/// What users see: message, instance path, keyword, schema path, `atKey`, expected types.
@Suite struct ViolationMessageTests {
    @Test func typeNamesExpectedAndFound() throws {
        let found = try violations(#"{"type": "integer"}"#, #""abc""#)
        #expect(found.count == 1)
        #expect(found[0].message == #"expected integer, found string "abc""#)
        #expect(found[0].keyword == "type")
        #expect(found[0].schemaPath == "/type")
        #expect(found[0].expectedTypes == ["integer"])
        #expect(found[0].instancePath.isEmpty)
        #expect(found[0].description == #"(root): expected integer, found string "abc" [type]"#)

        let several = try violations(#"{"type": ["integer", "null"]}"#, "1.5")
        #expect(several.map(\.message) == ["expected integer or null, found number 1.5"])
        #expect(several[0].expectedTypes == ["integer", "null"])
        #expect(try violations(#"{"type": "integer"}"#, "2.0").isEmpty)
        #expect(try violations(#"{"type": "object"}"#, "[1]").map(\.message) == ["expected object, found array"])
    }

    @Test func typeFailureHidesTheSameSchemasOtherKeywords() throws {
        let found = try violations(#"{"type": "string", "enum": ["a"], "minLength": 3}"#, "5")
        #expect(found.map(\.keyword) == ["type"])
    }

    @Test func nestedPathsPointAtTheValue() throws {
        let found = try violations(
            #"{"properties": {"specs": {"properties": {"vocab_size": {"type": "integer"}}}, "files": {"items": {"required": ["sha256"]}}}}"#,
            #"{"specs": {"vocab_size": "big"}, "files": [{"sha256": "x"}, {}]}"#)
        #expect(found.count == 2)
        #expect(found[0].instancePath == [.key("specs"), .key("vocab_size")])
        #expect(found[0].schemaPath == "/properties/specs/properties/vocab_size/type")
        #expect(found[0].description == #"specs.vocab_size: expected integer, found string "big" [type]"#)
        #expect(found[1].instancePath == [.key("files"), .index(1)])
        #expect(found[1].message == "missing required property `sha256`")
    }

    @Test func requiredPointsAtTheObject() throws {
        let found = try violations(
            #"{"properties": {"meta": {"properties": {"license": {}, "name": {}}, "required": ["license", "name"]}}}"#,
            #"{"meta": {"name": "x"}}"#)
        #expect(found.map(\.message) == ["missing required property `license`"])
        #expect(found[0].instancePath == [.key("meta")])
        #expect(found[0].schemaPath == "/properties/meta/required")
        #expect(!found[0].atKey)
        // Required names that are not declared properties are checked too.
        #expect(try violations(#"{"required": ["a", "b"]}"#, #"{"b": 1}"#).map(\.message) == ["missing required property `a`"])
    }

    @Test func requiredComesBeforeMemberViolations() throws {
        let found = try violations(
            #"{"properties": {"a": {"type": "string"}, "b": {}}, "required": ["b"], "additionalProperties": false}"#,
            #"{"a": 1, "c": 2}"#)
        #expect(found.map(\.keyword) == ["required", "type", "additionalProperties"])
    }

    @Test func unknownPropertiesAreReportedAtTheKey() throws {
        let found = try violations(
            #"{"properties": {"name": {}, "license": {}}, "additionalProperties": false}"#,
            #"{"name": "x", "foo": 1, "licence": "mit"}"#)
        #expect(found.count == 2)
        #expect(found[0].message == "unknown property `foo`")
        #expect(found[0].instancePath == [.key("foo")])
        #expect(found[0].atKey)
        #expect(found[0].keyword == "additionalProperties")
        #expect(found[0].schemaPath == "/additionalProperties")
        #expect(found[1].message == "unknown property `licence` (did you mean `license`?)")
    }

    @Test func forbiddenPropertiesAreReportedAtTheKey() throws {
        let found = try violations(#"{"properties": {"a": false}, "patternProperties": {"^x-": false}}"#, #"{"a": 1, "x-y": 2}"#)
        #expect(found.map(\.message) == ["property `a` is not allowed", "property `x-y` is not allowed"])
        #expect(found.allSatisfy { $0.atKey })
        #expect(found.map(\.schemaPath) == ["/properties/a", "/patternProperties/^x-"])
    }

    @Test func propertyNamesAreReportedAtTheKey() throws {
        let found = try violations(#"{"propertyNames": {"pattern": "^[a-z_]+$", "maxLength": 5}}"#, #"{"ok": 1, "Bad": 2}"#)
        #expect(found.count == 1)
        #expect(found[0].instancePath == [.key("Bad")])
        #expect(found[0].atKey)
        #expect(found[0].message == "invalid property name: `Bad` does not match pattern ^[a-z_]+$")
        #expect(found[0].schemaPath == "/propertyNames/pattern")
    }

    @Test func enumListsTheAllowedValues() throws {
        let found = try violations(#"{"enum": ["fp32", "fp16", "bf16"]}"#, #""fp33""#)
        #expect(found.map(\.message) == ["`fp33` is not one of: fp32, fp16, bf16"])
        let long = try violations(#"{"enum": ["a", "b", "c", "d", "e", "f", "g", "h", "i", 1, null]}"#, "2")
        #expect(long.map(\.message) == ["`2` is not one of: a, b, c, d, e, f, g, h, …"])
        #expect(try violations(#"{"enum": [1, "x", {"a": [1]}]}"#, #"{"a": [1.0]}"#).isEmpty)
    }

    @Test func constShowsBothValues() throws {
        #expect(try violations(#"{"const": "fp32"}"#, #""fp16""#).map(\.message) == ["expected `fp32`, found `fp16`"])
        #expect(try violations(#"{"const": {"a": 1}}"#, #"{"a": 2}"#).map(\.message) == [#"expected `{"a":1}`, found `{"a":2}`"#])
    }

    @Test func stringKeywordsNameTheirLimits() throws {
        #expect(try violations(#"{"pattern": "^[a-z]+$"}"#, #""Foo""#).map(\.message) == ["`Foo` does not match pattern ^[a-z]+$"])
        #expect(try violations(#"{"minLength": 3}"#, #""ab""#).map(\.message)
            == ["`ab` has 2 characters, fewer than the minimum length 3"])
        #expect(try violations(#"{"maxLength": 2}"#, #""abc""#).map(\.message)
            == ["`abc` has 3 characters, more than the maximum length 2"])
        // Lengths count code points, not UTF-8 bytes or UTF-16 units.
        #expect(try violations(#"{"maxLength": 2, "minLength": 2}"#, #""😀é""#).isEmpty)
    }

    @Test func numberKeywordsNameTheirLimits() throws {
        #expect(try violations(#"{"minimum": 10}"#, "5").map(\.message) == ["5 is less than the minimum 10"])
        #expect(try violations(#"{"maximum": 10}"#, "10.5").map(\.message) == ["10.5 is greater than the maximum 10"])
        #expect(try violations(#"{"exclusiveMinimum": 5}"#, "5").map(\.message) == ["5 is not greater than the exclusive minimum 5"])
        #expect(try violations(#"{"exclusiveMaximum": 5}"#, "5.0").map(\.message) == ["5.0 is not less than the exclusive maximum 5"])
        #expect(try violations(#"{"multipleOf": 8}"#, "4100").map(\.message) == ["4100 is not a multiple of 8"])
        #expect(try violations(#"{"multipleOf": 0.01}"#, "0.07").isEmpty)
        #expect(try violations(#"{"multipleOf": 0.0001}"#, "0.0075").isEmpty)
        #expect(try violations(#"{"maximum": 9007199254740992}"#, "9007199254740993").map(\.keyword) == ["maximum"])
    }

    @Test func arrayKeywordsNameTheirLimits() throws {
        #expect(try violations(#"{"minItems": 2}"#, "[1]").map(\.message) == ["array has 1 item, fewer than the minimum 2"])
        #expect(try violations(#"{"maxItems": 1}"#, "[1, 2]").map(\.message) == ["array has 2 items, more than the maximum 1"])
        #expect(try violations(#"{"uniqueItems": true}"#, #"[1, "a", 1.0]"#).map(\.message)
            == ["array items [0] and [2] are equal (`1`); items must be unique"])
        let extra = try violations(#"{"prefixItems": [{}, {}], "items": false}"#, "[1, 2, 3, 4]")
        #expect(extra.map(\.message) == ["array has 4 items, but only 2 are allowed"])
        #expect(extra[0].instancePath == [.index(2)])
        #expect(try violations(#"{"contains": {"type": "string"}}"#, "[1]").map(\.message)
            == ["array has no item matching the `contains` schema"])
        #expect(try violations(#"{"contains": {"type": "string"}, "minContains": 2}"#, #"[1, "a"]"#).map(\.message)
            == ["array has 1 item matching `contains`, fewer than minContains 2"])
        #expect(try violations(#"{"contains": {"type": "string"}, "maxContains": 1}"#, #"["a", "b"]"#).map(\.message)
            == ["array has 2 items matching `contains`, more than maxContains 1"])
        let item = try violations(#"{"items": {"type": "string"}}"#, #"["a", 2]"#)
        #expect(item[0].instancePath == [.index(1)])
    }

    @Test func objectKeywordsNameTheirLimits() throws {
        #expect(try violations(#"{"minProperties": 2}"#, #"{"a": 1}"#).map(\.message)
            == ["object has 1 property, fewer than the minimum 2"])
        #expect(try violations(#"{"maxProperties": 1}"#, #"{"a": 1, "b": 2}"#).map(\.message)
            == ["object has 2 properties, more than the maximum 1"])
        #expect(try violations(#"{"dependentRequired": {"quantized": ["bits"]}}"#, #"{"quantized": true}"#).map(\.message)
            == ["missing property `bits`, required when `quantized` is present"])
        let dependent = try violations(
            #"{"dependentSchemas": {"quantized": {"properties": {"bits": {"type": "integer"}}}}}"#,
            #"{"quantized": true, "bits": "4"}"#)
        #expect(dependent.map(\.schemaPath) == ["/dependentSchemas/quantized/properties/bits/type"])
    }

    @Test func anyOfTypeFailuresMergeIntoOne() throws {
        let found = try violations(#"{"anyOf": [{"type": "boolean"}, {"type": "object"}]}"#, #""x""#)
        #expect(found.count == 1)
        #expect(found[0].message == #"expected boolean or object, found string "x""#)
        #expect(found[0].keyword == "type")
        #expect(found[0].expectedTypes == ["boolean", "object"])
        #expect(found[0].schemaPath == "/anyOf")
        // Nested and repeated types merge too.
        let nested = try violations(
            #"{"properties": {"v": {"oneOf": [{"type": ["string", "null"]}, {"anyOf": [{"type": "integer"}, {"type": "string"}]}]}}}"#,
            #"{"v": true}"#)
        #expect(nested.map(\.message) == ["expected string, null or integer, found boolean true"])
        #expect(nested[0].instancePath == [.key("v")])
    }

    @Test func anyOfReportsTheBranchThatCameClosest() throws {
        // The value is an object, so the string branch is not meant; report the object branch.
        let found = try violations(
            #"{"anyOf": [{"type": "string"}, {"type": "object", "properties": {"bits": {"type": "integer"}}}]}"#,
            #"{"bits": "4"}"#)
        #expect(found.map(\.message) == [#"expected integer, found string "4""#])
        #expect(found[0].instancePath == [.key("bits")])
        #expect(found[0].schemaPath == "/anyOf/1/properties/bits/type")
    }

    @Test func oneOfPrefersTheBranchWhoseDiscriminatorMatches() throws {
        let found = try violations(
            #"""
            {"oneOf": [
              {"properties": {"kind": {"const": "a"}, "x": {"type": "integer"}}, "required": ["kind", "x"]},
              {"properties": {"kind": {"const": "b"}, "y": {"type": "string"}}, "required": ["kind", "y"]}
            ]}
            """#,
            #"{"kind": "b", "y": 5}"#)
        #expect(found.map(\.description) == ["y: expected string, found integer 5 [type]"])
    }

    @Test func leafAlternativesAreListedTogether() throws {
        let found = try violations(
            #"{"anyOf": [{"enum": ["mit", "apache-2.0"]}, {"type": "string", "pattern": "^LicenseRef-"}, {"type": "null"}]}"#,
            #""foo""#)
        #expect(found.map(\.message)
            == ["no alternative of anyOf matches: `foo` is not one of: mit, apache-2.0; or `foo` does not match pattern ^LicenseRef-"])
        #expect(found[0].keyword == "anyOf")
    }

    @Test func oneOfMatchingSeveralSaysWhich() throws {
        let found = try violations(#"{"oneOf": [{"type": "integer"}, {"maximum": 2}, {"minimum": 0}]}"#, "5")
        #expect(found.map(\.message) == ["value matches 2 schemas of oneOf (#0 and #2); it must match exactly one"])
        #expect(found[0].keyword == "oneOf")
        #expect(found[0].schemaPath == "/oneOf")
    }

    @Test func notIfThenElseAndFalse() throws {
        #expect(try violations(#"{"not": {"type": "string"}}"#, #""x""#).map(\.message) == ["`x` must not match the schema in `not`"])
        let conditional = try violations(
            #"{"if": {"properties": {"type": {"const": "moe"}}}, "then": {"required": ["experts"]}, "else": {"not": {"required": ["experts"]}}}"#,
            #"{"type": "moe"}"#)
        #expect(conditional.map(\.schemaPath) == ["/then/required"])
        #expect(try violations(#"{"if": {"const": 1}, "else": {"type": "string"}}"#, "1").isEmpty)
        let never = try violations("false", "1")
        #expect(never.map(\.keyword) == ["false"])
        #expect(never[0].message == "no value is allowed here (the schema is `false`)")
    }

    @Test func refViolationsPointIntoTheTarget() throws {
        let found = try violations(
            ##"{"$defs": {"sha256": {"type": "string", "pattern": "^[a-f0-9]{64}$"}}, "properties": {"hash": {"$ref": "#/$defs/sha256"}}}"##,
            #"{"hash": "xyz"}"#)
        #expect(found.count == 1)
        #expect(found[0].instancePath == [.key("hash")])
        #expect(found[0].schemaPath == "/$defs/sha256/pattern")
    }

    @Test func catastrophicPatternFailsWithAClearMessage() throws {
        let found = try violations(#"{"pattern": "^(a+)+$"}"#, "\"" + String(repeating: "a", count: 40) + "b\"")
        #expect(found.count == 1)
        #expect(found[0].keyword == "pattern")
        #expect(found[0].message.contains("could not be checked against pattern ^(a+)+$: the match took too many steps"))
    }

    @Test func formatIsAnAnnotationOnly() throws {
        #expect(try violations(#"{"format": "email"}"#, #""not an email""#).isEmpty)
        #expect(try violations(#"{"format": "date", "contentMediaType": "application/json", "deprecated": true}"#, #""x""#).isEmpty)
    }
}
