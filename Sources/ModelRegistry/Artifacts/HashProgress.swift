import Foundation
import Synchronization

/// A progress bar on stderr for long hashing runs: bytes done, rate and time left, redrawn in place.
///
/// It is drawn only when stderr is a terminal (not `TERM=dumb`, not under `CI`), and only once the work has
/// taken a second, so short runs, pipes and CI logs never see it. It is erased when the work is done.
final class HashProgress: Sendable {
    private let total: Int64
    private let done = Atomic<Int64>(0)
    private let stopped = Atomic<Bool>(false)
    private let finished = DispatchSemaphore(value: 0)
    private let start = FileStatus.now

    /// How long before the bar appears, and how often it is redrawn.
    static let delay: Int64 = 1_000_000_000
    static let interval: useconds_t = 200_000

    private init(total: Int64) {
        self.total = total
    }

    /// A running progress bar, or nil when one is not wanted (not a terminal, CI, or nothing to read).
    static func startIfWanted(totalBytes: Int64) -> HashProgress? {
        let environment = ProcessInfo.processInfo.environment
        guard totalBytes > 0, isatty(STDERR_FILENO) == 1, environment["TERM"] != "dumb", environment["CI"] == nil else {
            return nil
        }
        let progress = HashProgress(total: totalBytes)
        let thread = Thread { progress.loop() }
        thread.name = "modelreg progress"
        thread.start()
        return progress
    }

    func add(_ count: Int) {
        done.wrappingAdd(Int64(count), ordering: .relaxed)
    }

    /// Stops drawing and erases the bar; returns once the drawing thread is done.
    func finish() {
        stopped.store(true, ordering: .releasing)
        finished.wait()
    }

    private func loop() {
        var drawn = false
        while !stopped.load(ordering: .acquiring) {
            usleep(Self.interval)
            let elapsed = FileStatus.now - start
            guard elapsed >= Self.delay, !stopped.load(ordering: .acquiring) else { continue }
            write("\r\u{1B}[K" + Self.line(total: total, done: done.load(ordering: .relaxed), elapsed: elapsed))
            drawn = true
        }
        if drawn { write("\r\u{1B}[K") }
        finished.signal()
    }

    /// `hashing  1.2 GiB / 4.0 GiB  30% [######--------------]  1.3 GB/s  ETA 0:03`
    static func line(total: Int64, done: Int64, elapsed: Int64) -> String {
        let fraction = total > 0 ? min(1, Double(done) / Double(total)) : 1
        let width = 20
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        let seconds = Double(elapsed) / 1e9
        let rate = seconds > 0 ? Double(done) / seconds : 0
        let eta = rate > 0 ? Int((Double(total - done) / rate).rounded(.up)) : 0
        let percent = Int(fraction * 100)
        return "hashing  \(Self.bytes(done)) / \(Self.bytes(total))  \(percent)% [\(bar)]  "
            + "\(String(format: "%.2f", rate / 1e9)) GB/s  ETA \(eta / 60):\(String(format: "%02d", eta % 60))"
    }

    /// 1.21 GiB, 512.0 MiB, 12.0 KiB, 10 B.
    static func bytes(_ count: Int64) -> String {
        let units = ["B", "KiB", "MiB", "GiB", "TiB"]
        var value = Double(count)
        var unit = 0
        while value >= 1024 && unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        return unit == 0 ? "\(count) B" : String(format: "%.2f", value) + " " + units[unit]
    }

    private func write(_ text: String) {
        let bytes = Array(text.utf8)
        bytes.withUnsafeBytes { _ = Foundation.write(STDERR_FILENO, $0.baseAddress, $0.count) }
    }
}
