import Foundation
// TEMPORARY instrumentation, to be removed.
public enum ZZTiming {
    nonisolated(unsafe) static var last = FileStamp.now()
    nonisolated(unsafe) static var entryInit: Int64 = 0
    static let on = ProcessInfo.processInfo.environment["MODELREG_TIMING"] != nil
    public static func mark(_ label: String) {
        guard on else { return }
        let now = FileStamp.now()
        FileHandle.standardError.write("\(label): \(Double(now - last) / 1e6) ms\n".data(using: .utf8)!)
        last = now
    }
}
