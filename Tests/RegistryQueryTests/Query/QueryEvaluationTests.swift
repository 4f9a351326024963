import Testing

@testable import RegistryQuery

/// Every operator, evaluated over the fixture registry (deprecated entries included).
@Suite struct QueryEvaluationTests {
    static let cases: [(String, [String])] = [
        ("type = colbert", ["big-colbert", "tiny-colbert"]),
        ("type == colbert", ["big-colbert", "tiny-colbert"]),
        ("type != colbert", ["base-lm", "base-lm-coder", "chat-lm", "chat-lm-ru", "mini-dense", "old-dense", "small-vlm", "whisper-tiny"]),
        ("specs.embedding_dim < 128", ["tiny-colbert"]),
        ("specs.embedding_dim <= 128", ["big-colbert", "tiny-colbert"]),
        ("specs.embedding_dim > 384", ["old-dense"]),
        ("specs.embedding_dim >= 384", ["mini-dense", "old-dense"]),
        ("type in [colbert, dense] and specs.embedding_dim <= 384 and not deprecated", ["big-colbert", "mini-dense", "tiny-colbert"]),
        ("capabilities.languages contains ru", ["chat-lm", "chat-lm-ru"]),
        ("organization contains \"example\"", ["base-lm", "mini-dense", "old-dense", "small-vlm", "tiny-colbert"]),
        ("id contains lm", ["base-lm", "base-lm-coder", "chat-lm", "chat-lm-ru", "small-vlm"]),
        ("aliases contains TinyColBERT", ["tiny-colbert"]),
        ("deprecated", ["chat-lm-ru", "old-dense"]),
        ("not deprecated", ["base-lm", "base-lm-coder", "big-colbert", "chat-lm", "mini-dense", "small-vlm", "tiny-colbert", "whisper-tiny"]),
        ("not not deprecated", ["chat-lm-ru", "old-dense"]),
        ("deprecated.replaced_by exists", ["old-dense"]),
        ("priority exists", ["big-colbert", "chat-lm", "small-vlm", "tiny-colbert"]),
        ("priority < 2", ["big-colbert", "chat-lm"]),
        ("capabilities.matryoshka", ["big-colbert"]),
        ("capabilities.multi_vector = true", ["big-colbert", "tiny-colbert"]),
        ("capabilities.multi_vector = false", ["mini-dense"]),
        ("version_lock.locked", ["mini-dense"]),
        ("specs.parameters < 100M", ["mini-dense", "tiny-colbert", "whisper-tiny"]),
        ("specs.parameters >= 1B", ["small-vlm"]),
        ("specs.parameters = 500000000", ["base-lm", "chat-lm"]),
        ("release_date >= 2024", ["big-colbert", "tiny-colbert"]),
        ("release_date < \"2024-09\"", ["old-dense", "tiny-colbert"]),
        ("roles in [caption, transcription]", ["small-vlm", "whisper-tiny"]),
        ("capabilities.languages in [ru, multilingual]", ["base-lm", "big-colbert", "chat-lm", "chat-lm-ru", "small-vlm", "whisper-tiny"]),
        ("backend.kind in [vllm, gguf]", ["base-lm", "chat-lm", "small-vlm"]),
        ("backend.kind != vllm", ["base-lm-coder", "big-colbert", "chat-lm", "chat-lm-ru", "mini-dense", "old-dense", "tiny-colbert", "whisper-tiny"]),
        ("backend.port > 8000", ["small-vlm"]),
        ("type = colbert or type = speech and license = mit", ["big-colbert", "tiny-colbert", "whisper-tiny"]),
        ("(type = colbert or type = speech) and license = mit", ["tiny-colbert", "whisper-tiny"]),
        ("type = colbert AND License = mit", []),
        ("type = colbert AND license = mit", ["tiny-colbert"]),
        ("name = \"Small VLM | 2B\"", ["small-vlm"]),
        ("name = 'Tiny ColBERT'", ["tiny-colbert"]),
        ("fine_tuned_from = base-lm", ["base-lm-coder", "chat-lm"]),
        ("capabilities.modalities contains vision", ["small-vlm"]),
        ("metadata.paper exists", []),
        ("performance.beir > 1", []),
    ]

    @Test(arguments: cases)
    func selects(expression: String, expected: [String]) throws {
        // `License` is not a field: the catalog check is what that case is about.
        if expression.contains("License") {
            #expect(throws: QuerySyntaxError.self) { try QueryExpression.parse(expression) }
            return
        }
        let parsed = try QueryExpression.parse(expression)
        #expect(ids(fixtureRegistry.entries.filter(parsed.matches)) == expected, "\(expression)")
    }

    @Test(arguments: cases.map(\.0).filter { !$0.contains("License") })
    func canonicalFormReadsBackTheSame(expression: String) throws {
        let parsed = try QueryExpression.parse(expression)
        #expect(try QueryExpression.parse(parsed.description) == parsed, "\(parsed.description)")
    }

    @Test func precedenceAndCanonicalForm() throws {
        let loose = try QueryExpression.parse("a = 1 or b = 2 and not c", fields: nil)
        #expect(loose.description == "a = 1 or b = 2 and not c")
        guard case .or(_, .and(_, .not)) = loose else {
            Issue.record("`and` binds tighter than `or`, `not` tighter than `and`: \(loose)")
            return
        }
        let grouped = try QueryExpression.parse("(a = 1 or b = 2) and c", fields: nil)
        #expect(grouped.description == "(a = 1 or b = 2) and c")
        let negated = try QueryExpression.parse("not (a = x and b = \"two words\")", fields: nil)
        #expect(negated.description == "not (a = x and b = \"two words\")")
        let keywordValue = try QueryExpression.parse("a = \"and\"", fields: nil)
        #expect(keywordValue.description == "a = \"and\"")
    }

    @Test func withoutACatalogAnyFieldIsAllowed() throws {
        let expression = try QueryExpression.parse("specs.embeding_dim < 3", fields: nil)
        #expect(fixtureRegistry.entries.filter(expression.matches).isEmpty)
    }

    @Test func numbersAndEscapes() throws {
        #expect(QueryTokenizer.isNumber("384"))
        #expect(QueryTokenizer.isNumber("-1.5"))
        #expect(QueryTokenizer.isNumber("1e6"))
        #expect(!QueryTokenizer.isNumber("1B"))
        #expect(!QueryTokenizer.isNumber("2024-08"))
        #expect(!QueryTokenizer.isNumber("1."))
        let tokens = try QueryTokenizer.tokens(of: #"name = "a \"quoted\" \\ word""#)
        #expect(tokens.map(\.text) == ["name", "=", #"a "quoted" \ word"#, ""])
        #expect(tokens.map(\.column) == [1, 6, 8, 30])
    }
}
