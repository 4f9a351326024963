import CGit2

/// A commit copied out of the repository.
public struct Commit: Sendable, Hashable, Identifiable {
    public var id: ObjectID
    /// The parents in order: the first parent is the branch the commit was made on.
    public var parentIDs: [ObjectID]
    /// The root tree.
    public var treeID: ObjectID
    public var author: Signature
    public var committer: Signature
    /// The full message exactly as stored (usually ending with a newline).
    public var message: String
    /// The subject, as `git log --format=%s` shows it: the first line, or the first
    /// paragraph joined with spaces when it spans several lines.
    public var summary: String

    public init(
        id: ObjectID, parentIDs: [ObjectID], treeID: ObjectID, author: Signature,
        committer: Signature, message: String, summary: String
    ) {
        self.id = id
        self.parentIDs = parentIDs
        self.treeID = treeID
        self.author = author
        self.committer = committer
        self.message = message
        self.summary = summary
    }

    /// Copies everything out of a `git_commit` handle (alive for the whole call: it is a parameter).
    init(copying commit: Handle) {
        let pointer = commit.pointer
        id = ObjectID(git_commit_id(pointer).pointee)
        parentIDs = (0..<git_commit_parentcount(pointer)).map { ObjectID(git_commit_parent_id(pointer, $0).pointee) }
        treeID = ObjectID(git_commit_tree_id(pointer).pointee)
        author = Signature(copying: git_commit_author(pointer))
        committer = Signature(copying: git_commit_committer(pointer))
        message = git_commit_message_raw(pointer).map { String(cString: $0) } ?? ""
        summary = git_commit_summary(pointer).map { String(cString: $0) } ?? ""
    }
}
