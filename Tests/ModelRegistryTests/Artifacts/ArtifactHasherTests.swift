import Foundation
import Testing

@testable import ModelRegistry

@Suite struct ArtifactHasherTests {
    // MARK: Known vectors

    @Test func knownVectors() throws {
        let folder = try ArtifactFolder()
        defer { folder.remove() }
        try folder.write("empty", "")
        try folder.write("one-byte", "a")
        try folder.write("abc", "abc")
        try folder.write("million-a", String(repeating: "a", count: 1_000_000))
        var hasher = folder.hasher(useCache: false)
        hasher.blockSize = 4096  // the million-byte file spans 245 blocks, the last one partial
        let files = try hasher.hash(directory: folder.path)
        #expect(files.map(\.path) == ["abc", "empty", "million-a", "one-byte"])
        let byPath = Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0) })
        #expect(byPath["empty"]?.sha256 == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(byPath["one-byte"]?.sha256 == "ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb")
        #expect(byPath["abc"]?.sha256 == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(byPath["million-a"]?.sha256 == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        #expect(byPath["million-a"]?.size == 1_000_000)
        #expect(byPath["empty"]?.size == 0)
    }

    @Test func aFileLargerThanTheDefaultBlockMatchesSha256sum() throws {
        let folder = try ArtifactFolder()
        defer { folder.remove() }
        var generator = SystemRandomNumberGenerator()
        let size = 3 * (1 << 20) + 12_345
        try folder.write("weights.bin", bytes: (0..<size).map { _ in UInt8.random(in: 0...255, using: &generator) })
        let files = try folder.hasher(useCache: false).hash(directory: folder.path)
        let expected = try shell("sha256sum weights.bin", in: folder.path).prefix(64)
        #expect(files.count == 1)
        #expect(files.first?.sha256 == String(expected))
        #expect(files.first?.size == Int64(size))
    }

    /// The aggregate is `sha256sum FILES | LC_ALL=C sort | sha256sum`, and every line is what sha256sum prints.
    @Test func aggregateMatchesCoreutilsOnRealFiles() throws {
        let folder = try ArtifactFolder()
        defer { folder.remove() }
        try folder.write("config.json", "{\"hidden_size\": 384}\n")
        try folder.write("1_Pooling/config.json", "{}\n")
        try folder.write("onnx/model.onnx", String(repeating: "w", count: 70_000))
        try folder.write("README.md", "# model\n")
        try folder.write("Zeta.txt", "")
        try folder.write("é-unicode.txt", "ü")
        let run = try folder.hasher().run(directory: folder.path)
        let names = run.files.map { "'\($0.path)'" }.joined(separator: " ")
        let lines = try shell("sha256sum \(names)", in: folder.path)
        #expect(lines == run.files.map { $0.sha256sumLine + "\n" }.joined())
        let aggregate = try shell("sha256sum \(names) | LC_ALL=C sort | sha256sum", in: folder.path)
        #expect(run.aggregateSHA256 == String(aggregate.prefix(64)))
        #expect(run.files.map(\.path) == ["1_Pooling/config.json", "README.md", "Zeta.txt", "config.json", "onnx/model.onnx", "é-unicode.txt"])
    }

    @Test func manyFilesOnSeveralWorkersGiveTheSameResultAsOne() throws {
        let folder = try ArtifactFolder()
        defer { folder.remove() }
        for index in 0..<40 { try folder.write("shard-\(index).bin", String(repeating: "x", count: index * 1000)) }
        var single = folder.hasher(useCache: false)
        single.workerCount = 1
        var many = folder.hasher(useCache: false)
        many.workerCount = 4
        #expect(try single.hash(directory: folder.path) == many.hash(directory: folder.path))
    }

    // MARK: What is skipped and selected

    @Test func gitAndModelregFoldersAreSkipped() throws {
        let folder = try ArtifactFolder()
        defer { folder.remove() }
        try folder.write("model.bin", "m")
        try folder.write(".git/HEAD", "ref: refs/heads/main\n")
        try folder.write("sub/.git/config", "x")
        try folder.write(".modelreg/hash-cache/x", "x")
        try folder.write(".gitattributes", "*.bin filter=lfs\n")
        let files = try folder.hasher().hash(directory: folder.path)
        #expect(files.map(\.path) == [".gitattributes", "model.bin"])
    }

    @Test func includeAndExcludeSelectFiles() throws {
        let folder = try ArtifactFolder()
        defer { folder.remove() }
        for path in ["config.json", "model.safetensors", "onnx/model.onnx", "onnx/config.json", "pytorch_model.bin", "sub/x.bin"] {
            try folder.write(path, path)
        }
        #expect(try folder.hasher(include: ["*.json"]).hash(directory: folder.path).map(\.path) == ["config.json", "onnx/config.json"])
        #expect(try folder.hasher(exclude: ["*.bin", "onnx/"]).hash(directory: folder.path).map(\.path) == ["config.json", "model.safetensors"])
        #expect(try folder.hasher(exclude: ["onnx"]).hash(directory: folder.path).map(\.path).contains("onnx/model.onnx") == false)
        #expect(try folder.hasher(include: ["onnx/**"], exclude: ["**/config.json"]).hash(directory: folder.path).map(\.path) == ["onnx/model.onnx"])
    }

    // MARK: Refusals

    @Test func symbolicLinksInsideAreFollowedAndLinksOutsideRefused() throws {
        let folder = try ArtifactFolder()
        let outside = try ArtifactFolder()
        defer {
            folder.remove()
            outside.remove()
        }
        try folder.write("blobs/abc", "weights")
        try folder.link("model.bin", to: "blobs/abc")
        try folder.link("alias", to: "blobs")
        let inside = try folder.hasher().hash(directory: folder.path)
        #expect(inside.map(\.path) == ["alias/abc", "blobs/abc", "model.bin"])
        #expect(Set(inside.map(\.sha256)).count == 1)

        try outside.write("secret", "s")
        try folder.link("escape", to: outside.path + "/secret")
        let message = toolErrorMessage { _ = try folder.hasher().hash(directory: folder.path) }
        #expect(message?.contains("\(folder.path)/escape: a symbolic link to") == true, "\(message ?? "no error")")
        #expect(message?.contains("outside") == true)
        // Excluding it is the way out.
        #expect(try folder.hasher(exclude: ["escape"]).hash(directory: folder.path).count == 3)
    }

    @Test func danglingLinksAndLoopsAreRefused() throws {
        let folder = try ArtifactFolder()
        defer { folder.remove() }
        try folder.write("a/file", "x")
        try folder.link("a/up", to: "..")
        try folder.link("gone", to: "nothing-here")
        let message = try #require(toolErrorMessage { _ = try folder.hasher().hash(directory: folder.path) })
        #expect(message.contains("\(folder.path)/a/up: a symbolic link loop"), "\(message)")
        #expect(message.contains("\(folder.path)/gone: a dangling symbolic link"), "\(message)")
        #expect(message.contains("(2 problems)"))
    }

    @Test func fifosAreRefused() throws {
        let folder = try ArtifactFolder()
        defer { folder.remove() }
        try folder.write("model.bin", "m")
        #expect(mkfifo(folder.path + "/pipe", 0o644) == 0)
        let message = toolErrorMessage { _ = try folder.hasher().hash(directory: folder.path) }
        #expect(message?.contains("\(folder.path)/pipe: is a FIFO") == true, "\(message ?? "no error")")
    }

    @Test func deviceFilesAreRefused() throws {
        let folder = try ArtifactFolder()
        defer { folder.remove() }
        try folder.link("null", to: "/dev/null")
        let message = toolErrorMessage { _ = try folder.hasher().hash(directory: folder.path) }
        // /dev/null is outside the folder, so the link is refused before its kind matters.
        #expect(message?.contains("\(folder.path)/null: a symbolic link to /dev/null") == true, "\(message ?? "no error")")
        let device = toolErrorMessage { _ = try folder.hasher().hash(file: "/dev/null") }
        #expect(device?.contains("character device") == true, "\(device ?? "no error")")
    }

    @Test func namesThatAreNotUTF8OrNotAcceptablePathsAreRefused() throws {
        let folder = try ArtifactFolder()
        defer { folder.remove() }
        let name: [UInt8] = Array("bad-".utf8) + [0xff, 0xfe] + Array(".bin".utf8) + [0]
        let raw = Array((folder.path + "/").utf8) + name
        let created = raw.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_CREAT | O_WRONLY, 0o644) }
        }
        #expect(created >= 0)
        close(created)
        try folder.write("line\nbreak", "x")
        let message = try #require(toolErrorMessage { _ = try folder.hasher().hash(directory: folder.path) })
        #expect(message.contains("\(folder.path)/bad-\\xff\\xfe.bin: the name is not valid UTF-8"), "\(message)")
        #expect(message.contains("contains a control character"), "\(message)")
    }

    @Test func aMissingFolderOrAFileIsAToolError() throws {
        let folder = try ArtifactFolder()
        defer { folder.remove() }
        try folder.write("model.bin", "m")
        #expect(toolErrorMessage { _ = try folder.hasher().hash(directory: folder.path + "/nope") }?.contains("No such file") == true)
        #expect(toolErrorMessage { _ = try folder.hasher().hash(directory: folder.path + "/model.bin") }?.contains("not a folder") == true)
        let single = try folder.hasher().hash(file: folder.path + "/model.bin")
        #expect(single.path == "model.bin" && single.size == 1)
    }

    // MARK: Files that change while they are hashed

    @Test func aFileGrowingWhileHashedIsReportedAndNotRecorded() throws {
        let folder = try ArtifactFolder()
        defer { folder.remove() }
        try folder.write("stable.bin", "s")
        try folder.write("growing.bin", String(repeating: "g", count: 100_000))
        settle()
        var hasher = folder.hasher()
        hasher.blockSize = 4096
        let target = folder.path + "/growing.bin"
        hasher.afterBlock = { path in
            // Once: appending after every block would keep the file growing for ever.
            var raw = stat()
            guard path == "growing.bin", stat(target, &raw) == 0, raw.st_size == 100_000 else { return }
            let handle = FileHandle(forWritingAtPath: target)!
            handle.seekToEndOfFile()
            handle.write(Data("more".utf8))
            handle.closeFile()
        }
        let message = try #require(toolErrorMessage { _ = try hasher.hash(directory: folder.path) })
        #expect(message.contains("\(folder.path)/growing.bin: changed while it was being hashed"), "\(message)")
        #expect(!message.contains("stable.bin"))
        // Not recorded: the next run reads it again (the stable file comes from the cache).
        let again = try folder.hasher().run(directory: folder.path)
        #expect(again.cachedCount == 1 && again.hashedCount == 1)
    }

    @Test func aSameSizeRewriteWhileHashedIsReported() throws {
        let folder = try ArtifactFolder()
        defer { folder.remove() }
        try folder.write("model.bin", String(repeating: "a", count: 50_000))
        // An old modification time, so that the rewrite surely changes it.
        var times = [timespec(tv_sec: 1_000_000_000, tv_nsec: 0), timespec(tv_sec: 1_000_000_000, tv_nsec: 0)]
        #expect(utimensat(AT_FDCWD, folder.path + "/model.bin", &times, 0) == 0)
        var hasher = folder.hasher(useCache: false)
        hasher.blockSize = 4096
        let target = folder.path + "/model.bin"
        hasher.afterBlock = { _ in
            let handle = FileHandle(forWritingAtPath: target)!
            handle.write(Data("b".utf8))
            handle.closeFile()
        }
        let message = toolErrorMessage { _ = try hasher.hash(directory: folder.path) }
        #expect(message?.contains("changed while it was being hashed (it was modified)") == true, "\(message ?? "no error")")
    }

    // MARK: The stat cache

    @Test func theCacheSkipsUnchangedFilesAndRehashesChangedOnes() throws {
        let folder = try ArtifactFolder()
        defer { folder.remove() }
        try folder.write("a.bin", "aaaa")
        try folder.write("b.bin", "bbbb")
        settle()
        let first = try folder.hasher().run(directory: folder.path)
        #expect(first.hashedCount == 2 && first.cachedCount == 0)
        let second = try folder.hasher().run(directory: folder.path)
        #expect(second.hashedCount == 0 && second.cachedCount == 2)
        #expect(second.files == first.files)
        #expect(second.bytesHashed == 0)

        // A different size.
        try folder.write("a.bin", "aaaaa")
        settle()
        let third = try folder.hasher().run(directory: folder.path)
        #expect(third.hashedCount == 1 && third.cachedCount == 1)
        #expect(third.files.first { $0.path == "a.bin" }?.sha256 != first.files.first { $0.path == "a.bin" }?.sha256)

        // --no-cache reads everything.
        let forced = try folder.hasher(useCache: false).run(directory: folder.path)
        #expect(forced.hashedCount == 2 && forced.cachedCount == 0)
        #expect(forced.files == third.files)
    }

    /// Same size, and the modification time put back to the same second and nanosecond: only the ctime (which
    /// no one can set) tells, and it does.
    @Test func aSameSizeRewriteWithTheSameMtimeIsRehashed() throws {
        let folder = try ArtifactFolder()
        defer { folder.remove() }
        let path = folder.path + "/model.bin"
        try folder.write("model.bin", "hello")
        var times = [timespec(tv_sec: 1_700_000_000, tv_nsec: 0), timespec(tv_sec: 1_700_000_000, tv_nsec: 0)]
        #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
        settle()
        let first = try folder.hasher().run(directory: folder.path)
        #expect(first.hashedCount == 1)
        #expect(try folder.hasher().run(directory: folder.path).cachedCount == 1)

        settle()
        try folder.write("model.bin", "world")
        #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
        var raw = stat()
        #expect(stat(path, &raw) == 0 && raw.st_mtim.tv_sec == 1_700_000_000 && raw.st_size == 5)
        settle()
        let after = try folder.hasher().run(directory: folder.path)
        #expect(after.hashedCount == 1 && after.cachedCount == 0)
        #expect(after.files.first?.sha256 == "486ea46224d1bb4fb680f34f7c9ad96a8f24ec88be73ea8e5a6c65260e9cb8a7")
    }

    @Test func aFileChangedJustBeforeHashingIsNotCached() throws {
        let folder = try ArtifactFolder()
        defer { folder.remove() }
        try folder.write("fresh.bin", "new")
        var hasher = folder.hasher()
        hasher.racyWindowNanoseconds = 60_000_000_000  // everything is "just changed"
        _ = try hasher.run(directory: folder.path)
        #expect(try hasher.run(directory: folder.path).cachedCount == 0)
    }

    @Test func theCacheFolderIsIgnoredByGit() throws {
        let folder = try ArtifactFolder()
        defer { folder.remove() }
        try folder.write("model.bin", "m")
        settle()
        _ = try folder.hasher().run(directory: folder.path)
        let ignore = try String(contentsOfFile: folder.path + "/.modelreg/.gitignore", encoding: .utf8)
        #expect(ignore.split(separator: "\n").contains("*"))
        let caches = try FileManager.default.contentsOfDirectory(atPath: folder.path + "/.modelreg/hash-cache")
        #expect(caches.count == 1 && caches[0].count == 32)
    }

    @Test func aDamagedCacheIsIgnored() throws {
        let folder = try ArtifactFolder()
        defer { folder.remove() }
        try folder.write("model.bin", "m")
        settle()
        _ = try folder.hasher().run(directory: folder.path)
        let caches = folder.path + "/.modelreg/hash-cache/"
        let file = try #require(FileManager.default.contentsOfDirectory(atPath: caches).first)
        let text = try String(contentsOfFile: caches + file, encoding: .utf8)
        let damaged = text.replacingOccurrences(of: "\tmodel.bin", with: "\tmodel.bin\nnot a line\n1\t2")
            .replacingOccurrences(of: "9a", with: "zz")
        try damaged.write(toFile: caches + file, atomically: true, encoding: .utf8)
        let run = try folder.hasher().run(directory: folder.path)
        #expect(run.files.first?.sha256 == "62c66a7a5dd70c3146618063c344e531e6d4b59e379808443ce962b3abd63c5a")
    }

    // MARK: Progress

    @Test func progressLineShowsBytesRateAndETA() {
        let line = HashProgress.line(total: 4 << 30, done: 1 << 30, elapsed: 1_000_000_000)
        #expect(line.hasPrefix("hashing  1.00 GiB / 4.00 GiB  25% [#####---------------]  1.07 GB/s  ETA 0:03"), "\(line)")
    }
}
