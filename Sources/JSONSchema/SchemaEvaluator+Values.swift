/// Numbers, strings and arrays.
extension SchemaEvaluator {
    mutating func checkNumber(_ rules: RuleBox<SchemaNode.NumberRules>, _ node: SchemaNode, _ value: JSONValue) -> Bool {
        guard let number = SchemaNumber(value) else { return true }
        var valid = true
        func fail(_ keyword: String, _ message: String) {
            valid = false
            if collecting { report(node.path(keyword), keyword, message) }
        }
        if let limit = rules.value.minimum, number.compare(to: limit) < 0 {
            fail("minimum", "\(number) is less than the minimum \(limit)")
            if !collecting { return false }
        }
        if let limit = rules.value.exclusiveMinimum, number.compare(to: limit) <= 0 {
            fail("exclusiveMinimum", "\(number) is not greater than the exclusive minimum \(limit)")
            if !collecting { return false }
        }
        if let limit = rules.value.maximum, number.compare(to: limit) > 0 {
            fail("maximum", "\(number) is greater than the maximum \(limit)")
            if !collecting { return false }
        }
        if let limit = rules.value.exclusiveMaximum, number.compare(to: limit) >= 0 {
            fail("exclusiveMaximum", "\(number) is not less than the exclusive maximum \(limit)")
            if !collecting { return false }
        }
        if let step = rules.value.multipleOf, !number.isMultiple(of: step) {
            fail("multipleOf", "\(number) is not a multiple of \(step)")
        }
        return valid
    }

    // MARK: Strings

    mutating func checkString(_ rules: RuleBox<SchemaNode.StringRules>, _ node: SchemaNode, _ string: String) -> Bool {
        var valid = true
        if rules.value.minLength != nil || rules.value.maxLength != nil {
            let bytes = string.utf8.count
            // Code points are at most as many as UTF-8 bytes and at least a quarter of them.
            if let limit = rules.value.minLength, (bytes + 3) / 4 < limit {
                let length = string.unicodeScalars.count
                if length < limit {
                    guard collecting else { return false }
                    valid = false
                    report(node.path("minLength"), "minLength",
                           "\(ViolationText.quoted(.string(string))) has \(ViolationText.count(length, "character", "characters")), fewer than the minimum length \(limit)")
                }
            }
            if let limit = rules.value.maxLength, bytes > limit {
                let length = string.unicodeScalars.count
                if length > limit {
                    guard collecting else { return false }
                    valid = false
                    report(node.path("maxLength"), "maxLength",
                           "\(ViolationText.quoted(.string(string))) has \(ViolationText.count(length, "character", "characters")), more than the maximum length \(limit)")
                }
            }
        }
        if let pattern = rules.value.pattern {
            switch pattern.search(string) {
            case .match:
                break
            case .noMatch:
                guard collecting else { return false }
                valid = false
                report(node.path("pattern"), "pattern",
                       "\(ViolationText.quoted(.string(string))) does not match pattern \(pattern.source)")
            case .limitExceeded:
                guard collecting else { return false }
                valid = false
                report(node.path("pattern"), "pattern",
                       "\(ViolationText.quoted(.string(string))) could not be checked against pattern \(pattern.source): the match took too many steps")
            }
        }
        return valid
    }

    // MARK: Arrays

    mutating func checkArray(_ rules: RuleBox<SchemaNode.ArrayRules>, _ node: SchemaNode, _ array: [JSONValue]) -> Bool {
        var valid = true
        if let limit = rules.value.minItems, array.count < limit {
            guard collecting else { return false }
            valid = false
            report(node.path("minItems"), "minItems",
                   "array has \(ViolationText.count(array.count, "item", "items")), fewer than the minimum \(limit)")
        }
        if let limit = rules.value.maxItems, array.count > limit {
            guard collecting else { return false }
            valid = false
            report(node.path("maxItems"), "maxItems",
                   "array has \(ViolationText.count(array.count, "item", "items")), more than the maximum \(limit)")
        }
        if rules.value.uniqueItems, let (first, second) = Self.duplicate(in: array) {
            guard collecting else { return false }
            valid = false
            report(node.path("uniqueItems"), "uniqueItems",
                   "array items [\(first)] and [\(second)] are equal (\(ViolationText.quoted(array[first]))); items must be unique")
        }
        let prefixCount = rules.value.prefixItems.count
        for (position, item) in array.enumerated() {
            let itemNode: Int
            if position < prefixCount {
                itemNode = rules.value.prefixItems[position]
            } else if let items = rules.value.items {
                if case .alwaysInvalid = nodes.kind(items) {
                    guard collecting else { return false }
                    valid = false
                    report(nodes.pointer(items), "items",
                           "array has \(ViolationText.count(array.count, "item", "items")), but only \(prefixCount) \(prefixCount == 1 ? "is" : "are") allowed",
                           extra: .index(position))
                    break
                }
                itemNode = items
            } else {
                break
            }
            if !evaluate(itemNode, item, index: position) {
                guard collecting else { return false }
                valid = false
            }
        }
        if let contains = rules.value.contains {
            var matches = 0
            for item in array where passes(contains, item) {
                matches += 1
                if !collecting, matches >= rules.value.minContains, rules.value.maxContains == nil { break }
            }
            if matches < rules.value.minContains {
                guard collecting else { return false }
                valid = false
                if matches == 0 {
                    report(node.path("contains"), "contains", "array has no item matching the `contains` schema")
                } else {
                    report(node.path("minContains"), "minContains",
                           "array has \(ViolationText.count(matches, "item", "items")) matching `contains`, fewer than minContains \(rules.value.minContains)")
                }
            }
            if let limit = rules.value.maxContains, matches > limit {
                guard collecting else { return false }
                valid = false
                report(node.path("maxContains"), "maxContains",
                       "array has \(ViolationText.count(matches, "item", "items")) matching `contains`, more than maxContains \(limit)")
            }
        }
        return valid
    }

    /// The first pair of equal items, by JSON Schema equality.
    static func duplicate(in array: [JSONValue]) -> (Int, Int)? {
        if array.count <= 16 {
            for second in array.indices {
                for first in 0 ..< second where array[first] == array[second] { return (first, second) }
            }
            return nil
        }
        var seen: [JSONValue: Int] = [:]
        for (position, item) in array.enumerated() {
            if let first = seen[item] { return (first, position) }
            seen[item] = position
        }
        return nil
    }
}
