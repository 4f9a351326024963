import Foundation

/// Names the running program's build: its executable's size, modification time and inode, which change whenever it is
/// rebuilt or upgraded. Caches whose content depends on modelreg's own code (rules, readers) are kept per build.
public enum BuildIdentity {
    public static let current: String = {
        var status = stat()
        guard stat("/proc/self/exe", &status) == 0 || stat(CommandLine.arguments[0], &status) == 0 else {
            // Unknown: never the same as any other run's, so nothing cached by another build is taken for this one's.
            return "unknown build \(UUID().uuidString)"
        }
        return "build \(status.st_size) \(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec) \(status.st_ino)"
    }()
}
