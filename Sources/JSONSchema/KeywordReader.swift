/// Reads keyword values of one schema object, checking each has the shape draft 2020-12
/// requires and pointing errors at the keyword.
struct KeywordReader {
    let object: JSONObject
    let pointer: String

    func error(_ keyword: String, _ message: String) -> SchemaError {
        SchemaError(message: message, pointer: JSONPointer.appending(pointer, keyword))
    }

    func types(_ value: JSONValue) throws(SchemaError) -> (JSONTypeSet, [String]) {
        let names: [JSONValue]
        switch value {
        case .string: names = [value]
        case .array(let array): names = array
        default: throw error("type", "`type` must be a type name or an array of type names")
        }
        var set = JSONTypeSet()
        var written: [String] = []
        for name in names {
            guard case .string(let text) = name, let type = JSONType(rawValue: text) else {
                throw error("type", "`type` must name null, boolean, integer, number, string, array or object")
            }
            guard !set.contains(JSONTypeSet(type)) else { throw error("type", "`type` lists \(text) twice") }
            set.insert(JSONTypeSet(type))
            written.append(text)
        }
        return (set, written)
    }

    func number(_ keyword: String) throws(SchemaError) -> SchemaNumber? {
        guard let value = object[keyword] else { return nil }
        guard let number = SchemaNumber(value) else { throw error(keyword, "`\(keyword)` must be a number") }
        return number
    }

    /// A non-negative integer (`2.0` counts as an integer).
    func count(_ keyword: String) throws(SchemaError) -> Int? {
        guard let value = object[keyword] else { return nil }
        switch value {
        case .integer(let int) where int >= 0:
            return int
        case .number(let double) where double >= 0:
            if let exact = SchemaNumber.exactInteger(double) { return exact }
            if double.isFinite && double.rounded(.towardZero) == double { return Int.max }
        default:
            break
        }
        throw error(keyword, "`\(keyword)` must be a non-negative integer")
    }

    func bool(_ keyword: String) throws(SchemaError) -> Bool? {
        guard let value = object[keyword] else { return nil }
        guard case .bool(let bool) = value else { throw error(keyword, "`\(keyword)` must be true or false") }
        return bool
    }

    func uniqueStrings(_ value: JSONValue, keyword: String, at location: String) throws(SchemaError) -> [String] {
        guard case .array(let elements) = value else {
            throw SchemaError(message: "`\(keyword)` must be an array of strings", pointer: location)
        }
        var seen = Set<String>()
        var result: [String] = []
        for element in elements {
            guard case .string(let name) = element else {
                throw SchemaError(message: "`\(keyword)` must be an array of strings", pointer: location)
            }
            guard seen.insert(name).inserted else {
                throw SchemaError(message: "`\(keyword)` lists \(name) twice", pointer: location)
            }
            result.append(name)
        }
        return result
    }

    func pattern(_ value: JSONValue, at location: String) throws(SchemaError) -> ECMAPattern {
        guard case .string(let source) = value else {
            throw SchemaError(message: "`pattern` must be a string", pointer: location)
        }
        do {
            return try ECMAPattern(source)
        } catch {
            throw SchemaError(message: "invalid regular expression \(source): \(error)", pointer: location)
        }
    }
}
