import JSONSchema

/// One entry of an `EntryArchive`, read field by field as a filter asks: a field is found by stepping
/// over the others, and only its value is decoded, so testing `specs.embedding_dim <= 384` builds one
/// integer, not the entry. Finds what `JSONValue.member(path:)` finds in the entry's data.
///
/// Valid only while the archive's bytes are (inside `withReader`). A damaged value reads as absent and
/// is recorded in `names.damage`, which the caller checks.
struct ArchivedFields: FieldSource {
    let buffer: UnsafeRawBufferPointer
    /// Where the entry's field count is (after its path).
    let members: Int
    let names: ArchiveNames

    func member(_ key: String) -> JSONValue? {
        guard let number = names.number(of: key) else { return nil }
        return read { (reader) throws(CacheDamage) -> JSONValue? in
            guard try seekField(number, &reader) else { return nil }
            return try EntryArchive.value(&reader, keys: names.keys, depth: 0)
        }
    }

    func value(at path: String) -> JSONValue? {
        guard let numbers = names.numbers(ofPath: path) else { return nil }
        return read { (reader) throws(CacheDamage) -> JSONValue? in
            guard let first = numbers.first else { return try whole(&reader) }
            guard try seekField(first, &reader) else { return nil }
            for number in numbers.dropFirst() {
                guard try seekMember(number, &reader) else { return nil }
            }
            return try EntryArchive.value(&reader, keys: names.keys, depth: 0)
        }
    }

    private func read(_ body: (inout ByteReader) throws(CacheDamage) -> JSONValue?) -> JSONValue? {
        var reader = ByteReader(buffer, at: members)
        do {
            return try body(&reader)
        } catch {
            names.damage = error
            return nil
        }
    }

    /// Moves the reader to the value of the entry's top-level field `number`; false when it has none.
    private func seekField(_ number: Int, _ reader: inout ByteReader) throws(CacheDamage) -> Bool {
        let count = try reader.count()
        for _ in 0..<count {
            let key = try reader.varint()
            let length = try reader.count()
            if key == UInt64(number) { return true }
            try reader.skip(length)
        }
        return false
    }

    /// When the value at the reader is a mapping with the key `number`, moves to that key's value.
    private func seekMember(_ number: Int, _ reader: inout ByteReader) throws(CacheDamage) -> Bool {
        guard try reader.byte() == EntryArchive.Tag.object.rawValue else { return false }
        let count = try reader.count()
        for _ in 0..<count {
            if try reader.varint() == UInt64(number) { return true }
            try EntryArchive.skipValue(&reader, depth: 1)
        }
        return false
    }

    /// The whole entry (what an empty path names).
    private func whole(_ reader: inout ByteReader) throws(CacheDamage) -> JSONValue {
        let count = try reader.count()
        var keys: [String] = []
        var values: [JSONValue] = []
        for _ in 0..<count {
            let number = try reader.varint()
            guard number < UInt64(names.keys.count) else { throw CacheDamage("unknown key number") }
            _ = try reader.count()
            keys.append(names.keys[Int(number)])
            values.append(try EntryArchive.value(&reader, keys: names.keys, depth: 0))
        }
        return .object(JSONObject(distinctKeys: keys, values: values))
    }
}

/// An archive's mapping keys with their numbers, and the numbers of the dotted paths asked so far. One
/// per thread: it remembers paths, and the first damage found.
final class ArchiveNames {
    let keys: [String]
    /// ASCII keys by text (where Swift's string equality is byte equality).
    private let asciiNumbers: [String: Int]
    /// The other keys, compared by code points as JSON objects compare them.
    private let otherNumbers: [(key: String, number: Int)]
    private var paths: [String: [Int]?] = [:]
    /// The first damaged value met, if any.
    var damage: CacheDamage?

    init(keys: [String]) {
        self.keys = keys
        var ascii: [String: Int] = [:]
        var others: [(String, Int)] = []
        for (number, key) in keys.enumerated() {
            if key.utf8.allSatisfy({ $0 < 0x80 }) {
                if ascii[key] == nil { ascii[key] = number }
            } else {
                others.append((key, number))
            }
        }
        asciiNumbers = ascii
        otherNumbers = others
    }

    /// The number of `key`, nil when no entry of the archive uses it.
    func number(of key: String) -> Int? {
        if key.utf8.allSatisfy({ $0 < 0x80 }) { return asciiNumbers[key] }
        return otherNumbers.first { $0.key.unicodeScalars.elementsEqual(key.unicodeScalars) }?.number
    }

    /// The numbers of a dotted path's keys (empty components skipped, as `member(path:)` does); nil
    /// when one of them is used by no entry.
    func numbers(ofPath path: String) -> [Int]? {
        if let known = paths[path] { return known }
        var numbers: [Int]? = []
        for component in path.split(separator: ".") {
            guard let number = number(of: String(component)) else {
                numbers = nil
                break
            }
            numbers?.append(number)
        }
        paths[path] = .some(numbers)
        return numbers
    }
}
