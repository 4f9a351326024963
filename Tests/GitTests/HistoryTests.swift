import Foundation
import Git
import Testing

/// History walks and ancestry, with `git rev-list` and `git merge-base` as witnesses.
@Suite struct HistoryTests {
    /// c1 ─ m2 ─ m3 ─ M ─ m4   (the default branch; M is `git merge --no-ff side`)
    ///   └─ s1 ─ s2 ─┘         (side)
    /// Each commit is 100 s after the previous one, interleaving the two branches.
    func makeHistory() throws -> Scratch {
        let scratch = try Scratch()
        try scratch.write("registry/c1.yaml", "1\n")
        try scratch.commitAll("c1")
        try scratch.git(["branch", "side"])
        func commit(_ name: String, on branch: String) throws {
            try scratch.git(["checkout", "-q", branch])
            try scratch.write("registry/\(name).yaml", "\(name)\n")
            try scratch.commitAll(name)
        }
        let main = try scratch.git(["symbolic-ref", "--short", "HEAD"])
        try commit("s1", on: "side")
        try commit("m2", on: main)
        try commit("s2", on: "side")
        try commit("m3", on: main)
        try scratch.git(["merge", "-q", "--no-ff", "-m", "M", "side"], environment: scratch.identity())
        try commit("m4", on: main)
        return scratch
    }

    func ids(_ text: String) -> [String] { text.split(separator: "\n").map(String.init) }

    @Test func walksLikeRevList() throws {
        let scratch = try makeHistory()
        let repository = try Repository(path: scratch.root)
        let head = try repository.resolveCommit("HEAD")
        let side = try repository.resolveCommit("side")

        let all = try repository.walk(from: [head])
        #expect(all.map(\.hex) == ids(try scratch.git(["rev-list", "--date-order", "HEAD"])))
        #expect(all.count == 7)
        #expect(try repository.commit(all[1]).parentIDs.count == 2)  // the merge made by git merge --no-ff

        let firstParent = try repository.walk(from: [head], firstParentOnly: true)
        #expect(firstParent.map(\.hex) == ids(try scratch.git(["rev-list", "--first-parent", "HEAD"])))
        #expect(firstParent.count == 5)

        let hidden = try repository.walk(from: [head], hiding: [side])
        #expect(hidden.map(\.hex) == ids(try scratch.git(["rev-list", "--date-order", "HEAD", "^side"])))
        #expect(hidden.count == 4)

        let twoTips = try repository.walk(from: [side, try repository.resolveCommit("HEAD~2")])
        #expect(twoTips.map(\.hex) == ids(try scratch.git(["rev-list", "--date-order", "side", "HEAD~2"])))

        #expect(try repository.walk(from: []).isEmpty)
        #expect(try repository.walk(from: [head], hiding: [head]).isEmpty)
    }

    /// libgit2 1.5 cannot walk past a shallow clone's cut: the walk stops there as git's does.
    @Test(arguments: [1, 2, 3, 4])
    func walksAShallowCloneLikeRevList(depth: Int) throws {
        let scratch = try makeHistory()
        let place = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: place) }
        let clone = place + "/shallow"
        try runGit(["clone", "-q", "--no-single-branch", "--depth", "\(depth)", "file://" + scratch.root, clone], in: place)
        let repository = try Repository(path: clone)
        #expect(repository.isShallow)
        let head = try repository.resolveCommit("HEAD")
        #expect(try repository.walk(from: [head]).map(\.hex) == ids(try runGit(["rev-list", "--date-order", "HEAD"], in: clone)))
        #expect(try repository.walk(from: [head], firstParentOnly: true).map(\.hex)
                    == ids(try runGit(["rev-list", "--first-parent", "HEAD"], in: clone)))
        let side = try repository.resolveCommit("origin/side")
        #expect(try repository.walk(from: [head], hiding: [side]).map(\.hex)
                    == ids(try runGit(["rev-list", "--date-order", "HEAD", "^origin/side"], in: clone)))
        for revision in ["origin/side", "HEAD~1", "HEAD"] {
            guard let ancestor = try? repository.resolveCommit(revision) else { continue }
            let expected = try runGitProcess(["merge-base", "--is-ancestor", revision, "HEAD"], in: clone).status == 0
            #expect(repository.isAncestor(ancestor, of: head) == expected, "\(revision)")
        }
    }

    @Test func streamingWalkStopsWhenAsked() throws {
        let scratch = try makeHistory()
        let repository = try Repository(path: scratch.root)
        let head = try repository.resolveCommit("HEAD")
        var seen = [ObjectID]()
        try repository.walk(from: [head]) { id in
            seen.append(id)
            return seen.count < 3
        }
        #expect(seen == Array(try repository.walk(from: [head]).prefix(3)))

        // The streamed walk and the collected walk agree, and registry/ tree ids can be read
        // for every commit to find the ones that changed it.
        var changed = [ObjectID]()
        try repository.walk(from: [head], firstParentOnly: true) { id in
            let tree = repository.treeID(at: "registry", inCommit: id)
            let parent = try? repository.commit(id).parentIDs.first
            if tree != parent.flatMap({ repository.treeID(at: "registry", inCommit: $0) }) { changed.append(id) }
            return true
        }
        #expect(changed.count == 5)
    }

    @Test func walkingFromAMissingCommitFails() throws {
        let scratch = try makeHistory()
        let repository = try Repository(path: scratch.root)
        let missing = try #require(ObjectID(hex: String(repeating: "1", count: 40)))
        #expect(throws: GitError.self) { try repository.walk(from: [missing]) }
    }

    @Test func findsMergeBasesAndAncestorsLikeMergeBase() throws {
        let scratch = try makeHistory()
        let repository = try Repository(path: scratch.root)
        let revisions = ["HEAD", "HEAD~1", "HEAD~2", "side", "side~1", "HEAD~3"]
        let resolved = try revisions.map { try repository.resolveCommit($0) }
        for (a, revisionA) in zip(resolved, revisions) {
            for (b, revisionB) in zip(resolved, revisions) {
                let base = try scratch.git(["merge-base", revisionA, revisionB])
                #expect(repository.mergeBase(a, b)?.hex == base, "\(revisionA) \(revisionB)")
                let isAncestor = try scratch.gitRun(["merge-base", "--is-ancestor", revisionA, revisionB]).status == 0
                #expect(repository.isAncestor(a, of: b) == isAncestor, "\(revisionA) \(revisionB)")
            }
        }
        // Unrelated histories have no merge base.
        try scratch.git(["checkout", "-q", "--orphan", "lonely"])
        try scratch.commitAll("unrelated")
        let lonely = try repository.resolveCommit("lonely")
        #expect(repository.mergeBase(lonely, resolved[0]) == nil)
        #expect(repository.isAncestor(lonely, of: resolved[0]) == false)
    }
}
