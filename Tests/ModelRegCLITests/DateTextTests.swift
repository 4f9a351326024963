import Foundation
import Testing

@testable import ModelRegCLI

/// The dates `history`, `log` and `blame` print, computed without a date formatter, against Foundation's formatters.
@Suite struct DateTextTests {
    func foundationShort(_ seconds: Int64, offsetMinutes: Int) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: offsetMinutes * 60)
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }

    func foundationISO(_ seconds: Int64, offsetMinutes: Int) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(secondsFromGMT: offsetMinutes * 60)
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }

    @Test func sameTextAsFoundationsFormatters() {
        // Leap days, century years, the epoch, a second before it, and a spread of ordinary moments.
        var moments: [Int64] = [0, -1, 951_782_400, 951_868_799, 4_107_542_400, 1_709_164_800, 1_709_251_199, 253_402_300_799]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 { moments.append(Int64.random(in: -2_000_000_000...4_000_000_000, using: &generator)) }
        for (index, seconds) in moments.enumerated() {
            let offset = [0, 60, -300, 330, 765, -720, 840][index % 7]
            #expect(DateArgument.format(seconds, offsetMinutes: offset) == foundationShort(seconds, offsetMinutes: offset), "\(seconds) \(offset)")
            #expect(DateArgument.iso(seconds, offsetMinutes: offset) == foundationISO(seconds, offsetMinutes: offset), "\(seconds) \(offset)")
        }
    }
}
