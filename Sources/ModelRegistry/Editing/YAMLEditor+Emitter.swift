import YAML

extension YAMLEditor {
    /// How new collections are indented; detected from the file (see `YAMLEditor.detectLayout`).
    struct Layout: Sendable, Hashable {
        /// Extra indentation of a nested block mapping's keys, relative to its parent key.
        var mappingStep = 2
        /// Indentation of a block sequence's dashes, relative to its parent key (0 or more).
        var sequenceOffset = 2
        /// Spaces between a dash and its item.
        var dashSpacing = 1
    }

    /// Writes `EditValue`s as YAML text. Never writes anchors, aliases or tags.
    ///
    /// - A string is plain when that is safe (see `isPlainSafe`), otherwise double-quoted with
    ///   escapes; an old single- or double-quoted scalar keeps its quotes when the new string fits
    ///   them; an old literal or folded block scalar stays one when the new string can be written so.
    /// - Numbers are written in their shortest round-tripping form (`1.0`, `1e-05`, `.inf`, `.nan`).
    /// - Collections are flow (`[a, b]`, `{k: v}`) or block (one entry per line); nested lists in
    ///   block sequence items are flow, nested mappings in them are compact (`- k: v`).
    enum Emitter {
        // MARK: Scalars

        /// A scalar value as one line of YAML. `style` is the style of the scalar being replaced.
        static func scalarText(_ value: EditValue, preferring style: ScalarStyle, inFlow: Bool) -> String {
            switch value {
            case .null: return "null"
            case .bool(let flag): return flag ? "true" : "false"
            case .integer(let number): return String(number)
            case .number(let number): return numberText(number)
            case .string(let text):
                switch style {
                case .doubleQuoted: return doubleQuoted(text)
                case .singleQuoted: return singleQuoted(text) ?? doubleQuoted(text)
                case .plain, .literal, .folded: return isPlainSafe(text, inFlow: inFlow) ? text : doubleQuoted(text)
                }
            case .list, .mapping:
                return flowText(value, preferring: style, inFlow: inFlow)
            }
        }

        /// Any value on one line, collections in flow style.
        static func flowText(_ value: EditValue, preferring style: ScalarStyle, inFlow: Bool) -> String {
            switch value {
            case .list(let items):
                return "[" + items.map { flowText($0, preferring: .plain, inFlow: true) }.joined(separator: ", ") + "]"
            case .mapping(let pairs):
                let entries = pairs.map { key, value in
                    keyText(key, inFlow: true) + ": " + flowText(value, preferring: .plain, inFlow: true)
                }
                return "{" + entries.joined(separator: ", ") + "}"
            default:
                return scalarText(value, preferring: style, inFlow: inFlow)
            }
        }

        static func keyText(_ key: String, inFlow: Bool) -> String {
            isPlainSafe(key, inFlow: inFlow) ? key : doubleQuoted(key)
        }

        /// The shortest text that reads back as the same float under the core schema.
        static func numberText(_ number: Double) -> String {
            if number.isNaN { return ".nan" }
            if number == .infinity { return ".inf" }
            if number == -.infinity { return "-.inf" }
            // Swift's description is the shortest round-tripping form and always has a `.` or an exponent.
            return number.description
        }

        /// True when `text` can be written as a plain scalar that reads back as the same string:
        /// not empty; no leading or trailing space; no indicator character first; no `: ` or ` #`,
        /// no `:` at the end; no line break, tab or character that needs escaping; in a flow
        /// collection no `,[]{}` and no `:`; and it does not resolve to null, a bool or a number,
        /// nor look like one to a YAML 1.1 reader.
        static func isPlainSafe(_ text: String, inFlow: Bool) -> Bool {
            let scalars = text.unicodeScalars
            guard let first = scalars.first, let last = scalars.last else { return false }
            if "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) { return false }
            if first == " " || last == " " || last == ":" { return false }
            for scalar in scalars {
                if needsEscape(scalar) || scalar == "\t" { return false }
                if inFlow && ",[]{}:".unicodeScalars.contains(scalar) { return false }
            }
            if text.contains(": ") || text.contains(" #") { return false }
            return YAMLScalar(text: text, style: .plain).resolved == .string(text) && !isYAML11NonString(text)
        }

        /// True for plain words that YAML 1.1 readers (PyYAML and other older tools) take for a
        /// bool, a number or a date, though YAML 1.2 reads them as strings: `yes`, `no`, `on`, `off`
        /// in any case, `2024-01-31`, `1_000`, `1:30`, `0b101`. Writing them quoted keeps every
        /// reader agreeing. (`y` and `n` are left plain, as PyYAML does.)
        static func isYAML11NonString(_ text: String) -> Bool {
            let words: Set<String> = ["yes", "no", "on", "off"]
            if words.contains(text.lowercased()) { return true }
            var scalars = Substring(text).unicodeScalars
            if let sign = scalars.first, sign == "-" || sign == "+" || sign == "." { scalars = scalars.dropFirst() }
            guard let first = scalars.first, ("0"..."9").contains(first) else { return false }
            if text.hasPrefix("0b") { return true }
            return scalars.allSatisfy { ("0"..."9").contains($0) || "-_:.+eE".unicodeScalars.contains($0) }
        }

        /// True for characters a double-quoted scalar writes as an escape: line breaks, C0 and C1
        /// controls (tab included), DEL, the Unicode line and paragraph separators, the byte-order
        /// mark, surrogates and the non-characters U+FFFE and U+FFFF.
        static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar.value {
            case 0x20...0x7E, 0xA0...0x2027, 0x202A...0xD7FF, 0xE000...0xFEFE, 0xFF00...0xFFFD, 0x10000...:
                return false
            default:
                return true
            }
        }

        static func doubleQuoted(_ text: String) -> String {
            var result = "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": result += "\\\""
                case "\\": result += "\\\\"
                case "\n": result += "\\n"
                case "\t": result += "\\t"
                case "\r": result += "\\r"
                case "\0": result += "\\0"
                default:
                    guard needsEscape(scalar) else {
                        result.unicodeScalars.append(scalar)
                        continue
                    }
                    let value = scalar.value
                    let (prefix, width) = value < 0x100 ? ("\\x", 2) : value < 0x10000 ? ("\\u", 4) : ("\\U", 8)
                    let digits = String(value, radix: 16, uppercase: true)
                    result += prefix + String(repeating: "0", count: width - digits.count) + digits
                }
            }
            return result + "\""
        }

        /// The string single-quoted, or nil when it holds a character that needs escaping.
        static func singleQuoted(_ text: String) -> String? {
            guard !text.unicodeScalars.contains(where: { needsEscape($0) && $0 != "\t" }) else { return nil }
            return "'" + text.replacing("'", with: "''") + "'"
        }

        // MARK: Block scalars

        /// A string as a literal (`|`) or folded (`>`) block scalar whose content lines are indented
        /// by `indent` spaces: the header (`|-`, `>`, …) and the content lines. Nil when the string
        /// cannot be written so simply (empty, starts with a space or line break, more than one
        /// trailing line break, characters that need escaping); a folded string also needs to be
        /// one line with no tab and no trailing space, and is wrapped at single spaces to `width`.
        static func blockScalar(
            _ text: String, folded: Bool, indent: Int, width: Int = 80
        )
            -> (header: String, lines: [String])?
        {
            var content = Substring(text)
            var trailingBreaks = 0
            while content.hasSuffix("\n") {
                content = content.dropLast()
                trailingBreaks += 1
            }
            guard trailingBreaks <= 1, let first = content.unicodeScalars.first,
                first != " " && first != "\t" && first != "\n"
            else { return nil }
            guard !content.unicodeScalars.contains(where: { needsEscape($0) && $0 != "\t" && $0 != "\n" }) else {
                return nil
            }
            let chomping = trailingBreaks == 0 ? "-" : ""
            let pad = String(repeating: " ", count: indent)
            if folded {
                guard !content.contains("\n"), !content.contains("\t"), !content.hasSuffix(" ") else { return nil }
                return (">" + chomping, wrap(content, width: max(width - indent, 20)).map { pad + $0 })
            }
            let lines = content.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                line.isEmpty ? "" : pad + line
            }
            return ("|" + chomping, lines)
        }

        /// Splits one line into lines of at most `width` characters (longer words stay whole),
        /// breaking only at a single space between two non-spaces, so that folding gives it back.
        static func wrap(_ text: Substring, width: Int) -> [String] {
            let characters = Array(text)
            var words: [String] = []
            var current = ""
            for (index, character) in characters.enumerated() {
                if character == " ", index > 0, index + 1 < characters.count, characters[index - 1] != " ",
                    characters[index + 1] != " "
                {
                    words.append(current)
                    current = ""
                } else {
                    current.append(character)
                }
            }
            words.append(current)
            var lines: [String] = []
            var line = ""
            for word in words {
                if line.isEmpty {
                    line = word
                } else if line.count + 1 + word.count <= width {
                    line += " " + word
                } else {
                    lines.append(line)
                    line = word
                }
            }
            lines.append(line)
            return lines
        }

        // MARK: Block collections

        /// The lines of a block mapping whose keys are indented by `indent` spaces.
        static func blockLines(for pairs: [(String, EditValue)], indent: Int, layout: Layout) -> [String] {
            var lines: [String] = []
            let pad = String(repeating: " ", count: indent)
            for (key, value) in pairs {
                let head = pad + keyText(key, inFlow: false) + ":"
                switch value {
                case .mapping(let entries) where !entries.isEmpty:
                    lines.append(head)
                    lines += blockLines(for: entries, indent: indent + layout.mappingStep, layout: layout)
                case .list(let items) where !items.isEmpty:
                    lines.append(head)
                    lines += blockLines(
                        forItems: items, dashIndent: indent + layout.sequenceOffset, spacing: layout.dashSpacing,
                        layout: layout)
                default:
                    lines.append(head + " " + flowText(value, preferring: .plain, inFlow: false))
                }
            }
            return lines
        }

        /// The lines of a block sequence whose dashes are indented by `dashIndent` spaces and followed
        /// by `spacing` spaces.
        static func blockLines(
            forItems items: [EditValue], dashIndent: Int, spacing: Int, layout: Layout
        )
            -> [String]
        {
            var lines: [String] = []
            let lead = String(repeating: " ", count: dashIndent) + "-" + String(repeating: " ", count: spacing)
            for item in items {
                if case .mapping(let pairs) = item, !pairs.isEmpty {
                    lines += compactLines(for: pairs, lead: lead, layout: layout)
                } else {
                    lines.append(lead + flowText(item, preferring: .plain, inFlow: false))
                }
            }
            return lines
        }

        /// A block mapping as a sequence item: the first key right after `lead` (`  - `), the other
        /// keys aligned with it.
        static func compactLines(for pairs: [(String, EditValue)], lead: String, layout: Layout) -> [String] {
            var lines = blockLines(for: pairs, indent: lead.count, layout: layout)
            lines[0] = lead + lines[0].dropFirst(lead.count)
            return lines
        }
    }
}
