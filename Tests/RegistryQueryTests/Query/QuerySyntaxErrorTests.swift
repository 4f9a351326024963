import Testing

@testable import RegistryQuery

/// A malformed expression is an error at a column, with a message that says what to write.
@Suite struct QuerySyntaxErrorTests {
    static let cases: [(expression: String, column: Int, message: String)] = [
        ("", 1, "the expression is empty"),
        ("   ", 4, "the expression is empty"),
        ("type =", 7, "expected a value after `=`, found the end of the expression"),
        ("type = dense and", 17, "expected a condition, found the end of the expression"),
        ("(type = dense", 14, "expected `)` to close the `(` at column 1"),
        ("type = dense)", 13, "unmatched `)`"),
        ("type dense", 6, "expected an operator after `type`"),
        ("type = dense x", 14, "unexpected `x`: expected `and`, `or` or the end of the expression"),
        ("type in colbert", 9, "expected `[` after `in`"),
        ("type in [colbert, dense", 24, "expected `]` to close the `[` at column 9"),
        ("type in []", 10, "the list is empty"),
        ("type in [colbert dense]", 18, "expected `,` or `]` in the list, found `dense`"),
        ("name = \"open", 8, "unterminated string"),
        ("type = dense & x", 14, "unexpected character `&`"),
        ("type ! dense", 6, "unexpected `!`: write `!=` to compare, or `not` to negate"),
        ("type <> dense", 6, "write `!=`"),
        ("and type = dense", 1, "expected a field name, found `and`"),
        ("type = and", 8, "found the keyword `and`; quote it"),
        ("specs..dim = 3", 1, "`specs..dim` is not a field name"),
        ("specs.embeding_dim < 3", 1, "unknown field `specs.embeding_dim`; did you mean `specs.embedding_dim`?"),
        ("type = colbret", 8, "`type` is one of colbert, dense, sparse, cross-encoder, causal-lm, seq2seq, vision-language, speech, other; `colbret` is not (did you mean `colbert`?)"),
        ("type in [dense, colbret]", 17, "(did you mean `colbert`?)"),
        ("capabilities.languages = en", 24, "`capabilities.languages` is a list: use `contains`"),
        ("specs.embedding_dim <= big", 24, "`specs.embedding_dim` is a number; `big` is not"),
        ("capabilities.matryoshka > true", 25, "is true or false: compare it with `=` or `!=`"),
        ("capabilities.matryoshka = yes", 27, "`capabilities.matryoshka` is true or false; `yes` is neither"),
        ("specs.embedding_dim contains 3", 21, "`contains` tests lists and text"),
        ("specs = 3", 7, "`specs` is a mapping"),
        ("capabilities.modalities contains visoin", 34, "(did you mean `vision`?)"),
        ("not", 4, "expected a condition, found the end of the expression"),
        ("(", 2, "expected a condition"),
        ("type = dense or (", 18, "expected a condition"),
    ]

    @Test(arguments: cases)
    func locatesTheProblem(expression: String, column: Int, message: String) {
        do {
            let parsed = try QueryExpression.parse(expression)
            Issue.record("`\(expression)` parsed as \(parsed)")
        } catch {
            #expect(error.column == column, "\(error)")
            #expect(error.message.contains(message), "\(error.message)")
            #expect(error.expression == expression)
        }
    }

    @Test func rendersLikeACompiler() {
        let error = QuerySyntaxError(expression: "specs.embedding_dim <=", column: 23, message: "expected a value")
        #expect(error.description == "column 23: expected a value\n  specs.embedding_dim <=\n                        ^")
        let tabbed = QuerySyntaxError(expression: "\ta = ", column: 6, message: "m")
        #expect(tabbed.caretLine == "\t    ^", "tabs are kept so the caret lines up")
    }

    @Test func sortFieldsAreChecked() throws {
        #expect(try EntryOrder.parse("-specs.embedding_dim") == EntryOrder(field: "specs.embedding_dim", descending: true))
        #expect(try EntryOrder.parse("priority") == EntryOrder(field: "priority"))
        do {
            _ = try EntryOrder.parse("-specs.embeding_dim")
            Issue.record("an unknown sort field parsed")
        } catch {
            #expect(error.column == 2)
            #expect(error.message.contains("did you mean `specs.embedding_dim`?"))
        }
        #expect(throws: QuerySyntaxError.self) { try EntryOrder.parse("1x") }
    }

    @Test func theCatalogKnowsTheSchema() {
        let catalog = FieldCatalog.builtIn
        #expect(catalog.kind(of: "priority") == .number)
        #expect(catalog.kind(of: "deprecated") == .any)
        #expect(catalog.kind(of: "deprecated.replaced_by") == .text(allowed: nil))
        #expect(catalog.kind(of: "specs.parameters") == .any)
        #expect(catalog.kind(of: "capabilities.languages") == .list(element: .text(allowed: nil)))
        #expect(catalog.kind(of: "performance.anything") == .number)
        #expect(catalog.kind(of: "metadata.a.b") == .any)
        #expect(catalog.kind(of: "artifacts.files") != nil)
        #expect(catalog.kind(of: "nonsense") == nil)
        #expect(catalog.kind(of: "specs.nonsense") == nil)
    }
}
