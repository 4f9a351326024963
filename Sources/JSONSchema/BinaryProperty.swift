/// The binary Unicode properties `\p{…}` supports natively (those the standard library exposes).
enum BinaryProperty: String, Sendable, CaseIterable {
    case any = "Any"
    case ascii = "ASCII"
    case assigned = "Assigned"
    case alphabetic = "Alphabetic"
    case asciiHexDigit = "ASCII_Hex_Digit"
    case hexDigit = "Hex_Digit"
    case whiteSpace = "White_Space"
    case uppercase = "Uppercase"
    case lowercase = "Lowercase"
    case cased = "Cased"
    case caseIgnorable = "Case_Ignorable"
    case math = "Math"
    case dash = "Dash"
    case diacritic = "Diacritic"
    case extender = "Extender"
    case ideographic = "Ideographic"
    case idStart = "ID_Start"
    case idContinue = "ID_Continue"
    case xidStart = "XID_Start"
    case xidContinue = "XID_Continue"
    case noncharacterCodePoint = "Noncharacter_Code_Point"
    case defaultIgnorableCodePoint = "Default_Ignorable_Code_Point"
    case joinControl = "Join_Control"
    case quotationMark = "Quotation_Mark"
    case terminalPunctuation = "Terminal_Punctuation"
    case sentenceTerminal = "Sentence_Terminal"
    case variationSelector = "Variation_Selector"
    case patternSyntax = "Pattern_Syntax"
    case patternWhiteSpace = "Pattern_White_Space"
    case emoji = "Emoji"
    case emojiPresentation = "Emoji_Presentation"
    case emojiModifier = "Emoji_Modifier"
    case emojiModifierBase = "Emoji_Modifier_Base"

    /// Looks a property up by its long name or its common short alias.
    init?(named name: String) {
        let aliases: [String: BinaryProperty] = [
            "Alpha": .alphabetic, "AHex": .asciiHexDigit, "Hex": .hexDigit, "space": .whiteSpace,
            "WSpace": .whiteSpace, "Upper": .uppercase, "Lower": .lowercase, "CI": .caseIgnorable,
            "Dia": .diacritic, "Ext": .extender, "Ideo": .ideographic, "IDS": .idStart, "IDC": .idContinue,
            "XIDS": .xidStart, "XIDC": .xidContinue, "NChar": .noncharacterCodePoint,
            "DI": .defaultIgnorableCodePoint, "Join_C": .joinControl, "QMark": .quotationMark,
            "Term": .terminalPunctuation, "STerm": .sentenceTerminal, "VS": .variationSelector,
            "Pat_Syn": .patternSyntax, "Pat_WS": .patternWhiteSpace, "EPres": .emojiPresentation,
            "EMod": .emojiModifier, "EBase": .emojiModifierBase,
        ]
        if let property = BinaryProperty(rawValue: name) ?? aliases[name] { self = property } else { return nil }
    }

    func matches(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        switch self {
        case .any: return true
        case .ascii: return scalar.isASCII
        case .assigned: return properties.generalCategory != .unassigned
        case .alphabetic: return properties.isAlphabetic
        case .asciiHexDigit: return properties.isASCIIHexDigit
        case .hexDigit: return properties.isHexDigit
        case .whiteSpace: return properties.isWhitespace
        case .uppercase: return properties.isUppercase
        case .lowercase: return properties.isLowercase
        case .cased: return properties.isCased
        case .caseIgnorable: return properties.isCaseIgnorable
        case .math: return properties.isMath
        case .dash: return properties.isDash
        case .diacritic: return properties.isDiacritic
        case .extender: return properties.isExtender
        case .ideographic: return properties.isIdeographic
        case .idStart: return properties.isIDStart
        case .idContinue: return properties.isIDContinue
        case .xidStart: return properties.isXIDStart
        case .xidContinue: return properties.isXIDContinue
        case .noncharacterCodePoint: return properties.isNoncharacterCodePoint
        case .defaultIgnorableCodePoint: return properties.isDefaultIgnorableCodePoint
        case .joinControl: return properties.isJoinControl
        case .quotationMark: return properties.isQuotationMark
        case .terminalPunctuation: return properties.isTerminalPunctuation
        case .sentenceTerminal: return properties.isSentenceTerminal
        case .variationSelector: return properties.isVariationSelector
        case .patternSyntax: return properties.isPatternSyntax
        case .patternWhiteSpace: return properties.isPatternWhitespace
        case .emoji: return properties.isEmoji
        case .emojiPresentation: return properties.isEmojiPresentation
        case .emojiModifier: return properties.isEmojiModifier
        case .emojiModifierBase: return properties.isEmojiModifierBase
        }
    }
}
