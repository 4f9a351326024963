import CGit2
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The history walk for shallow clones, where the commits listed in `shallow` count as having no
/// parents (as git treats them). Same order as the libgit2 walk: children before parents,
/// otherwise newest commit time first.
struct ShallowWalk {
    let repository: Repository
    let firstParentOnly: Bool
    let boundary: Set<ObjectID>
    private var parents: [ObjectID: [ObjectID]] = [:]
    private var times: [ObjectID: Int64] = [:]

    init(repository: Repository, firstParentOnly: Bool) throws(GitError) {
        self.repository = repository
        self.firstParentOnly = firstParentOnly
        boundary = try repository.shallowBoundary()
    }

    private mutating func parents(of id: ObjectID, all: Bool = false) throws(GitError) -> [ObjectID] {
        if let known = parents[id] { return all || !firstParentOnly ? known : Array(known.prefix(1)) }
        let commit = try repository.lookupCommit(id)
        let found: [ObjectID] = boundary.contains(id) ? [] : withExtendedLifetime(commit) {
            (0..<git_commit_parentcount(commit.pointer)).map { ObjectID(git_commit_parent_id(commit.pointer, $0).pointee) }
        }
        parents[id] = found
        times[id] = withExtendedLifetime(commit) { git_commit_time(commit.pointer) }
        return all || !firstParentOnly ? found : Array(found.prefix(1))
    }

    consuming func walk(from tips: [ObjectID], hiding: [ObjectID], visit: (ObjectID) -> Bool) throws(GitError) {
        // Everything reachable from a hidden commit (through all its parents) is left out.
        var hidden = Set<ObjectID>()
        var stack = hiding
        while let id = stack.popLast() {
            guard hidden.insert(id).inserted else { continue }
            stack += try parents(of: id, all: true)
        }
        var included = Set<ObjectID>()
        stack = tips
        while let id = stack.popLast() {
            guard !hidden.contains(id), included.insert(id).inserted else { continue }
            stack += try parents(of: id)
        }
        // Kahn's topological sort, taking the newest ready commit first.
        var children = [ObjectID: Int]()
        for id in included {
            for parent in try parents(of: id) where included.contains(parent) { children[parent, default: 0] += 1 }
        }
        var ready = included.filter { children[$0, default: 0] == 0 }.sorted(by: newerFirst)
        while !ready.isEmpty {
            let id = ready.removeFirst()
            guard visit(id) else { return }
            for parent in try parents(of: id) where included.contains(parent) {
                children[parent]! -= 1
                if children[parent] == 0 {
                    let position = ready.firstIndex { newerFirst(parent, $0) } ?? ready.endIndex
                    ready.insert(parent, at: position)
                }
            }
        }
    }

    private func newerFirst(_ a: ObjectID, _ b: ObjectID) -> Bool {
        let timeA = times[a] ?? 0, timeB = times[b] ?? 0
        return timeA != timeB ? timeA > timeB : a < b
    }
}

extension Repository {
    /// The commits a shallow clone was cut at (the `shallow` file in the common git directory).
    func shallowBoundary() throws(GitError) -> Set<ObjectID> {
        guard let commonDirectory = git_repository_commondir(handle).map({ String(cString: $0) }) else { return [] }
        let path = commonDirectory + "shallow"
        guard let file = fopen(path, "r") else { return [] }
        defer { fclose(file) }
        var ids = Set<ObjectID>()
        var line = [CChar](repeating: 0, count: 128)
        while fgets(&line, Int32(line.count), file) != nil {
            let text = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
                .split(whereSeparator: \.isWhitespace).first.map(String.init) ?? ""
            guard !text.isEmpty else { continue }
            guard let id = ObjectID(hex: text) else {
                throw GitError(operation: "reading \(path)", code: GIT_ERROR.rawValue, message: "'\(text)' is not a commit id")
            }
            ids.insert(id)
        }
        return ids
    }
}
