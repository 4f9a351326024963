import CYAML

/// Owns one libyaml parser.
///
/// The `yaml_parser_t` lives at an address of its own allocation, so it never moves. It reads the
/// caller's bytes in place: whoever makes a parser keeps its input alive and unchanged for as long
/// as the parser lives (the reader makes one inside the scope that lends it the bytes). At most one
/// event is held at a time, and it is deleted before the next is pulled and in `deinit`.
final class LibYAMLParser {
    private let parser: UnsafeMutablePointer<yaml_parser_t>
    /// The most recent event; valid after `next()` returned true, until the next call.
    let event: UnsafeMutablePointer<yaml_event_t>
    private var holdsEvent = false

    /// Prepares a parser over `bytes`, which must be UTF-8 without a byte-order mark and must outlive
    /// the parser. Returns nil when libyaml cannot allocate its state.
    init?(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        parser = .allocate(capacity: 1)
        event = .allocate(capacity: 1)
        guard yaml_parser_initialize(parser) != 0 else {
            parser.deallocate()
            event.deallocate()
            return nil
        }
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        // An empty buffer may have no address; libyaml wants one all the same (it reads nothing from it).
        yaml_parser_set_input_string(parser, bytes.baseAddress ?? Self.emptyInput, bytes.count)
    }

    /// Something to point an empty input at.
    nonisolated(unsafe) private static let emptyInput: UnsafePointer<UInt8> = {
        let byte = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
        byte.initialize(to: 0)
        return UnsafePointer(byte)
    }()

    deinit {
        if holdsEvent { yaml_event_delete(event) }
        yaml_parser_delete(parser)
        parser.deallocate()
        event.deallocate()
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
