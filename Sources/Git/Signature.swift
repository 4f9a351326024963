import CGit2

/// Who made a commit and when: a name, an email and a time with its UTC offset.
public struct Signature: Sendable, Hashable {
    public var name: String
    public var email: String
    /// Seconds since the Unix epoch.
    public var time: Int64
    /// The author's or committer's offset from UTC in minutes (`+0530` is 330, `-0700` is -420).
    public var offsetMinutes: Int

    public init(name: String, email: String, time: Int64, offsetMinutes: Int) {
        self.name = name
        self.email = email
        self.time = time
        self.offsetMinutes = offsetMinutes
    }

    /// Copies a libgit2 signature; its owner must be alive during the call.
    init(copying signature: UnsafePointer<git_signature>) {
        name = signature.pointee.name.map { String(cString: $0) } ?? ""
        email = signature.pointee.email.map { String(cString: $0) } ?? ""
        time = signature.pointee.when.time
        offsetMinutes = Int(signature.pointee.when.offset)
    }

    init(copying signature: UnsafeMutablePointer<git_signature>) {
        self.init(copying: UnsafePointer(signature))
    }
}
