import Dispatch
import Foundation
import Synchronization

/// Splits work over the cores.
enum Parallel {
    /// `body` over contiguous chunks of `0..<count`, one per core (one chunk for small counts), with the
    /// results joined in order. The first error thrown wins.
    static func map<T: Sendable, Failure: Error>(
        chunksOf count: Int, minimumChunk: Int = 512,
        _ body: @Sendable (Range<Int>) throws(Failure) -> [T]
    ) throws(Failure) -> [T] {
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, count / minimumChunk))
        if workers == 1 { return try body(0..<count) }
        let results = Mutex<[Result<[T], Failure>?]>(Array(repeating: nil, count: workers))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let range = (count * worker / workers)..<(count * (worker + 1) / workers)
            let result = Result { () throws(Failure) -> [T] in try body(range) }
            results.withLock { $0[worker] = result }
        }
        var joined: [T] = []
        joined.reserveCapacity(count)
        for result in results.withLock({ $0 }) {
            joined.append(contentsOf: try result!.get())
        }
        return joined
    }
}
