import CYAML

/// Owns one libyaml parser and the bytes it reads.
///
/// The `yaml_parser_t` lives at an address of its own allocation, so it never moves; the input is
/// copied into a buffer that lives exactly as long as the parser. At most one event is held at a
/// time, and it is deleted before the next is pulled and in `deinit`.
final class LibYAMLParser {
    private let parser: UnsafeMutablePointer<yaml_parser_t>
    private let input: UnsafeMutableBufferPointer<UInt8>
    /// The most recent event; valid after `next()` returned true, until the next call.
    let event: UnsafeMutablePointer<yaml_event_t>
    private var holdsEvent = false

    /// Prepares a parser over a copy of `bytes`, which must be UTF-8 without a byte-order mark.
    /// Returns nil when libyaml cannot allocate its state.
    init?(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        parser = .allocate(capacity: 1)
        event = .allocate(capacity: 1)
        input = .allocate(capacity: max(bytes.count, 1))
        _ = input.initialize(fromContentsOf: bytes)
        guard yaml_parser_initialize(parser) != 0 else {
            parser.deallocate()
            event.deallocate()
            input.deallocate()
            return nil
        }
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(parser, input.baseAddress, bytes.count)
    }

    deinit {
        if holdsEvent { yaml_event_delete(event) }
        yaml_parser_delete(parser)
        parser.deallocate()
        event.deallocate()
        input.deallocate()
    }

    /// Pulls the next event into `event`. Returns false when libyaml failed; see `failure`.
    @inline(__always)
    func next() -> Bool {
        if holdsEvent {
            yaml_event_delete(event)
            holdsEvent = false
        }
        guard yaml_parser_parse(parser, event) != 0 else { return false }
        holdsEvent = true
        return true
    }

    /// What libyaml reported about its last failure, copied out of the parser.
    var failure: LibYAMLFailure {
        let state = parser.pointee
        return LibYAMLFailure(
            isReaderError: state.error == YAML_READER_ERROR,
            isMemoryError: state.error == YAML_MEMORY_ERROR,
            problem: state.problem.map { String(cString: $0) } ?? "unknown libyaml error",
            context: state.context.map { String(cString: $0) },
            problemMark: state.problem_mark,
            contextMark: state.context_mark,
            problemOffset: state.problem_offset,
            problemValue: Int(state.problem_value))
    }
}
