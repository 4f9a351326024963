import Dispatch
import Foundation
import Synchronization

enum System {
    /// The number of cores to spread work over.
    static var coreCount: Int {
        let count = sysconf(Int32(_SC_NPROCESSORS_ONLN))
        return count > 0 ? count : 1
    }
}

/// Work split over the cores.
enum Parallel {
    /// `body` for each index in `0..<count`, in order, computed on every core (in contiguous shares) when there
    /// are at least `minimumShare` indices per core, else on the calling thread.
    static func map<T: Sendable>(count: Int, minimumShare: Int = 1024, _ body: @Sendable (Int) -> T?) -> [T?] {
        guard count > 0 else { return [] }
        let workers = max(1, min(count / minimumShare, System.coreCount))
        if workers == 1 { return (0..<count).map(body) }
        let results = Mutex<[T?]>(Array(repeating: nil, count: count))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let range = (count * worker / workers)..<(count * (worker + 1) / workers)
            let local = range.map(body)
            results.withLock { all in
                for (offset, value) in local.enumerated() { all[range.lowerBound + offset] = value }
            }
        }
        return results.withLock { $0 }
    }
}
