import JSONSchema
import Testing

@Suite struct SchemaCompileTests {
    @Test(arguments: [
        (#"{"unevaluatedProperties": false}"#, "/unevaluatedProperties"),
        (#"{"properties": {"a": {"items": {"unevaluatedItems": false}}}}"#, "/properties/a/items/unevaluatedItems"),
        (#"{"$defs": {"x": {"$dynamicAnchor": "node"}}}"#, "/$defs/x/$dynamicAnchor"),
        (##"{"anyOf": [true, {"$dynamicRef": "#node"}]}"##, "/anyOf/1/$dynamicRef"),
        (#"{"patternProperties": {"^a/b~": {"unevaluatedItems": true}}}"#, "/patternProperties/^a~1b~0/unevaluatedItems"),
    ])
    func unsupportedKeywordsAreRejectedWithTheirPointer(schemaText: String, pointer: String) throws {
        let error = try #require(try schemaError(schemaText))
        #expect(error.kind == .unsupported)
        #expect(error.pointer == pointer)
        let keyword = String(pointer.split(separator: "/").last!)
        #expect(error.message.contains("`\(keyword)` is not supported"))
        #expect(error.description == "\(pointer): \(error.message)")
    }

    @Test func unsupportedKeywordsInsideUnknownKeywordsOrValuesAreIgnored() throws {
        #expect(try schemaError(##"{"x-extension": {"unevaluatedProperties": false}, "const": {"$dynamicRef": "#a"}}"##) == nil)
    }

    @Test(arguments: [
        #"{"$ref": "https://json-schema.org/draft/2020-12/schema"}"#,
        #"{"$id": "https://example.com/root.json", "properties": {"a": {"$ref": "other.json#/x"}}}"#,
        #"{"$ref": "definitions.json"}"#,
    ])
    func remoteReferencesAreRejected(schemaText: String) throws {
        let error = try #require(try schemaError(schemaText))
        #expect(error.kind == .unsupported)
        #expect(error.pointer.hasSuffix("/$ref"))
        #expect(error.message.contains("remote references are not supported"))
    }

    @Test(arguments: [
        (#"{"type": "integr"}"#, "/type"),
        (#"{"type": ["string", "string"]}"#, "/type"),
        (#"{"minLength": -1}"#, "/minLength"),
        (#"{"maxItems": 1.5}"#, "/maxItems"),
        (#"{"multipleOf": 0}"#, "/multipleOf"),
        (#"{"minimum": "3"}"#, "/minimum"),
        (#"{"required": ["a", "a"]}"#, "/required"),
        (#"{"required": "a"}"#, "/required"),
        (#"{"properties": {"a": 3}}"#, "/properties/a"),
        (#"{"properties": []}"#, "/properties"),
        (#"{"allOf": []}"#, "/allOf"),
        (#"{"items": [{}]}"#, "/items"),
        (#"{"uniqueItems": "yes"}"#, "/uniqueItems"),
        (#"{"enum": "a"}"#, "/enum"),
        (##"{"$ref": "#/$defs/missing"}"##, "/$ref"),
        (##"{"$ref": "#nowhere"}"##, "/$ref"),
        (#"{"$ref": 5}"#, "/$ref"),
        (##"{"$id": "#frag"}"##, "/$id"),
        (#"{"$anchor": "1bad"}"#, "/$anchor"),
        (#"{"dependentRequired": {"a": [1]}}"#, "/dependentRequired/a"),
        (#"{"patternProperties": {"(": {}}}"#, "/patternProperties/("),
        ("3", ""),
    ])
    func invalidKeywordValuesAreRejected(schemaText: String, pointer: String) throws {
        let error = try #require(try schemaError(schemaText))
        #expect(error.kind == .invalid, "\(error)")
        #expect(error.pointer == pointer, "\(error)")
    }

    @Test(arguments: [
        ##"{"$ref": "#"}"##,
        ##"{"$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"allOf": [{"$ref": "#/$defs/a"}]}}, "$ref": "#/$defs/a"}"##,
        ##"{"$defs": {"a": {"anyOf": [{"type": "string"}, {"$ref": "#/$defs/a"}]}}}"##,
        ##"{"$defs": {"a": {"not": {"$ref": "#/$defs/a"}}}}"##,
    ])
    func refCyclesThatNeverConsumeTheInstanceAreRejected(schemaText: String) throws {
        let error = try #require(try schemaError(schemaText))
        #expect(error.kind == .invalid)
        #expect(error.message.contains("infinite recursion"))
    }

    @Test func recursionThroughMembersIsFine() throws {
        let tree = try schema(
            ##"{"$defs": {"node": {"type": "object", "properties": {"value": {"type": "integer"}, "children": {"type": "array", "items": {"$ref": "#/$defs/node"}}}, "additionalProperties": false}}, "$ref": "#/$defs/node"}"##)
        #expect(tree.isValid(try json(#"{"value": 1, "children": [{"value": 2, "children": []}, {"value": 3}]}"#)))
        let found = tree.validate(try json(#"{"value": 1, "children": [{"value": "x"}]}"#))
        #expect(found.map(\.instancePath.dotted) == ["children.[0].value"])
    }

    @Test func deepRecursionIsBoundedNotACrash() throws {
        let nested = try schema(##"{"items": {"$ref": "#"}}"##)
        var text = ""
        for _ in 0 ..< 500 { text += "[" }
        for _ in 0 ..< 500 { text += "]" }
        #expect(nested.isValid(try json(text)))
    }

    @Test func overlyDeepInstancesFailInsteadOfCrashing() async throws {
        let nested = try schema(##"{"items": {"$ref": "#"}}"##)
        var value = JSONValue.array([])
        for _ in 0 ..< 5000 { value = .array([value]) }
        let deep = value
        let found = await Task.detached { nested.validate(deep) }.value
        #expect(found.count == 1)
        #expect(found.first?.message.contains("nested deeper than") == true)
        #expect(await Task.detached { nested.isValid(deep) }.value == false)
    }

    @Test func refsResolveThroughPointersAnchorsAndIds() throws {
        let compiled = try schema(##"""
            {
              "$id": "https://example.com/schemas/model.json",
              "properties": {
                "a": {"$ref": "#/$defs/tilde~0slash~1percent%25"},
                "b": {"$ref": "#short"},
                "c": {"$ref": "types/name.json"},
                "d": {"$ref": "https://example.com/schemas/types/name.json#"},
                "e": {"$ref": "./types/../types/name.json"},
                "f": {"$ref": "/other/abs.json"},
                "g": {"$ref": "urn:example:thing"},
                "h": {"$ref": "#/x-extra/positive"}
              },
              "x-extra": {"positive": {"exclusiveMinimum": 0}},
              "$defs": {
                "tilde~slash/percent%": {"type": "integer"},
                "anchored": {"$anchor": "short", "type": "boolean"},
                "name": {"$id": "types/name.json", "type": "string", "maxLength": 3},
                "abs": {"$id": "/other/abs.json", "const": "abs"},
                "urn": {"$id": "urn:example:thing", "minimum": 10}
              }
            }
            """##)
        #expect(compiled.isValid(try json(#"{"a": 1, "b": true, "c": "abc", "d": "xy", "e": "x", "f": "abs", "g": 10, "h": 1}"#)))
        for bad in [
            #"{"a": "1"}"#, #"{"b": 1}"#, #"{"c": "abcd"}"#, #"{"d": "abcd"}"#, #"{"e": 5}"#, #"{"f": "x"}"#,
            #"{"g": 9}"#, #"{"h": 0}"#,
        ] {
            #expect(!compiled.isValid(try json(bad)), "\(bad)")
        }
    }

    @Test func refToANonSchemaValueIsRejected() throws {
        let error = try #require(try schemaError(##"{"maxLength": 3, "properties": {"d": {"$ref": "#/maxLength"}}}"##))
        #expect(error.pointer == "/maxLength")
        #expect(error.message.contains("a schema must be an object or a boolean"))
    }

    @Test func otherSchemaDialectsAreReadAsDraft2020() throws {
        let compiled = try schema(#"{"$schema": "http://json-schema.org/draft-07/schema#", "type": "string"}"#)
        #expect(!compiled.isValid(.integer(1)))
    }

    @Test func unknownKeywordsAreIgnored() throws {
        #expect(try violations(#"{"additionalItems": false, "dependencies": {"a": ["b"]}, "x-note": 1}"#, #"{"a": 1}"#).isEmpty)
    }

    @Test func compiledSchemaIsUsableFromManyThreads() async throws {
        let compiled = try schema(
            #"{"type": "object", "properties": {"id": {"type": "string", "pattern": "^[a-z0-9]+([.-][a-z0-9]+)*$"}}, "required": ["id"], "additionalProperties": false}"#)
        let good = try json(#"{"id": "llama-3.1"}"#)
        let bad = try json(#"{"id": "Llama", "x": 1}"#)
        let results = await withTaskGroup(of: (Bool, Int).self) { group in
            for _ in 0 ..< 8 {
                group.addTask {
                    var ok = true
                    var count = 0
                    for _ in 0 ..< 500 {
                        ok = ok && compiled.isValid(good) && !compiled.isValid(bad)
                        count += compiled.validate(bad).count
                    }
                    return (ok, count)
                }
            }
            var all: [(Bool, Int)] = []
            for await result in group { all.append(result) }
            return all
        }
        #expect(results.allSatisfy { $0.0 && $0.1 == 1000 })
    }
}
