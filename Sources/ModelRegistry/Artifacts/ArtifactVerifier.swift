import JSONSchema

/// What `verify --artifacts` found for each locked entry.
public struct ArtifactVerification: Sendable {
    public enum Outcome: Sendable, Hashable {
        /// Every file is there with its recorded hash, and there are no others.
        case verified
        /// This many differences.
        case drifted(Int)
        /// The files are not on this machine.
        case notChecked
        /// The folder could not be hashed faithfully.
        case failed
    }

    public struct Check: Sendable, Hashable {
        public var modelID: String
        /// Where the files were looked for.
        public var place: ArtifactLocator.Place
        public var outcome: Outcome
    }

    public var checks: [Check] = []
    /// `artifact-drift` errors and `artifacts-not-checked` warnings, sorted.
    public var findings: [Finding] = []

    /// `3 locked models: 1 verified, 1 drifted, 1 not checked`.
    public var summary: String {
        var parts: [String] = []
        let verified = checks.count { $0.outcome == .verified }
        let drifted = checks.count { if case .drifted = $0.outcome { true } else { false } }
        let notChecked = checks.count { $0.outcome == .notChecked }
        let failed = checks.count { $0.outcome == .failed }
        parts.append("\(verified) verified")
        if drifted > 0 { parts.append("\(drifted) drifted") }
        if failed > 0 { parts.append("\(failed) could not be hashed") }
        if notChecked > 0 { parts.append("\(notChecked) not checked (files absent)") }
        let models = checks.count == 1 ? "1 locked model" : "\(checks.count) locked models"
        return "artifacts: \(models): " + parts.joined(separator: ", ")
    }
}

/// Re-hashes the files of locked entries and compares them, file by file, with what the entries record.
public struct ArtifactVerifier: Sendable {
    public var hasher: ArtifactHasher
    public var locator: ArtifactLocator

    public init(hasher: ArtifactHasher, locator: ArtifactLocator) {
        self.hasher = hasher
        self.locator = locator
    }

    /// Checks every locked entry that records files; entries whose files are absent are reported as not checked.
    public func verify(_ documents: [ModelDocument]) -> ArtifactVerification {
        var result = ArtifactVerification()
        for document in documents where Self.isLocked(document) {
            guard let recorded = document.value.member(path: "artifacts.files")?.asArray, !recorded.isEmpty else {
                continue  // `lock-consistency` already reports a lock with nothing to lock.
            }
            let id = document.id ?? document.fileStem
            let place = locator.place(for: document)
            let lockLocation = document.location(of: "version_lock.locked")
            switch place.kind {
            case .absent:
                result.findings.append(
                    document.finding(
                        ArtifactsNotCheckedRule.self, at: lockLocation,
                        "not checked: the files of `\(id)` are not on this machine (nothing at \(place.path), from \(place.origin))"))
                result.checks.append(.init(modelID: id, place: place, outcome: .notChecked))
            case .directory, .file:
                let actual: [HashedFile]
                do {
                    actual = try hasher.hash(place)
                } catch {
                    let reason = error.message.replacingOccurrences(of: "\n  ", with: "; ").replacingOccurrences(of: ":\n", with: ": ")
                    result.findings.append(
                        document.finding(ArtifactDriftRule.self, at: lockLocation, "the files of `\(id)` could not be verified: \(reason)"))
                    result.checks.append(.init(modelID: id, place: place, outcome: .failed))
                    continue
                }
                let findings = Self.compare(document, with: actual, place: place.path)
                result.findings.append(contentsOf: findings)
                result.checks.append(.init(modelID: id, place: place, outcome: findings.isEmpty ? .verified : .drifted(findings.count)))
            }
        }
        result.findings.sort()
        return result
    }

    public static func isLocked(_ document: ModelDocument) -> Bool {
        document.value.member(path: "version_lock.locked")?.asBool == true
    }

    /// The differences between the files an entry records and the files found at `place`, one finding per file:
    /// a changed file at its `sha256`, a missing one at its `path`, an extra one at `artifacts.files`.
    public static func compare(_ document: ModelDocument, with actual: [HashedFile], place: String) -> [Finding] {
        let recorded = document.value.member(path: "artifacts.files")?.asArray ?? []
        var found: [String: HashedFile] = [:]
        for file in actual { found[file.path] = file }
        var listed = Set<String>()
        var findings: [Finding] = []
        func at(_ index: Int, _ key: String) -> SourceLocation {
            document.location(of: [.key("artifacts"), .key("files"), .index(index), .key(key)])
        }
        for (index, entry) in recorded.enumerated() {
            guard let path = entry.member("path")?.asString else { continue }
            listed.insert(path)
            let expected = entry.member("sha256")?.asString ?? "?"
            let expectedSize = entry.member("size")?.asInt
            guard let file = found[path] else {
                findings.append(
                    document.finding(
                        ArtifactDriftRule.self, at: at(index, "path"),
                        "`\(path)` is missing from \(place) (locked with sha256 \(expected))"))
                continue
            }
            if file.sha256 != expected {
                let sizes = expectedSize.map { Int64($0) != file.size ? "; \($0) → \(file.size) bytes" : "" } ?? ""
                findings.append(
                    document.finding(
                        ArtifactDriftRule.self, at: at(index, "sha256"),
                        "`\(path)` changed: expected sha256 \(expected), found \(file.sha256)\(sizes)"))
            } else if let expectedSize, Int64(expectedSize) != file.size {
                findings.append(
                    document.finding(
                        ArtifactDriftRule.self, at: at(index, "size"),
                        "`\(path)` has \(file.size) bytes, but the lock records \(expectedSize)"))
            }
        }
        let filesKey = document.location(of: [.key("artifacts"), .key("files")], atKey: true)
        for file in actual where !listed.contains(file.path) {
            findings.append(
                document.finding(
                    ArtifactDriftRule.self, at: filesKey,
                    "`\(file.path)` in \(place) is not in the lock (an extra file: sha256 \(file.sha256), \(file.size) bytes)"))
        }
        return findings
    }
}
