/// The explicit tags the reader accepts: the YAML 1.2 core schema's, in their long form.
@usableFromInline
enum CoreTag: Sendable {
    case str, int, float, bool, null, map, seq

    static let prefix: [UInt8] = Array("tag:yaml.org,2002:".utf8)

    /// Recognises a tag as libyaml reports it (NUL-terminated, long form).
    init?(cString tag: UnsafePointer<UInt8>) {
        let prefix = CoreTag.prefix
        for index in 0..<prefix.count where tag[index] != prefix[index] { return nil }
        let rest = tag + prefix.count
        @inline(__always) func equals(_ word: StaticString) -> Bool {
            let bytes = word.utf8Start
            for index in 0..<word.utf8CodeUnitCount where rest[index] != bytes[index] { return false }
            return rest[word.utf8CodeUnitCount] == 0
        }
        if equals("str") {
            self = .str
        } else if equals("int") {
            self = .int
        } else if equals("float") {
            self = .float
        } else if equals("bool") {
            self = .bool
        } else if equals("null") {
            self = .null
        } else if equals("map") {
            self = .map
        } else if equals("seq") {
            self = .seq
        } else {
            return nil
        }
    }

    /// Recognises a tag in the long form that `YAMLScalar.tag` holds.
    init?(_ tag: String) {
        switch tag {
        case CoreTag.str.longForm: self = .str
        case CoreTag.int.longForm: self = .int
        case CoreTag.float.longForm: self = .float
        case CoreTag.bool.longForm: self = .bool
        case CoreTag.null.longForm: self = .null
        case CoreTag.map.longForm: self = .map
        case CoreTag.seq.longForm: self = .seq
        default: return nil
        }
    }

    /// `tag:yaml.org,2002:…`, the form `YAMLScalar.tag` holds.
    var longForm: String {
        switch self {
        case .str: "tag:yaml.org,2002:str"
        case .int: "tag:yaml.org,2002:int"
        case .float: "tag:yaml.org,2002:float"
        case .bool: "tag:yaml.org,2002:bool"
        case .null: "tag:yaml.org,2002:null"
        case .map: "tag:yaml.org,2002:map"
        case .seq: "tag:yaml.org,2002:seq"
        }
    }

    /// `!!int` and friends, for messages.
    var shortForm: String { "!!" + longForm.dropFirst(CoreTag.prefix.count) }

    /// How a tag from the source reads in a message: `!!name` for the yaml.org family.
    static func display(cString tag: UnsafePointer<UInt8>) -> String {
        let text = String(cString: tag)
        let long = "tag:yaml.org,2002:"
        return text.hasPrefix(long) ? "!!" + text.dropFirst(long.count) : text
    }
}
