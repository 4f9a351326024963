/// Artifact paths stay inside the model's folder and name each file once.
public struct ArtifactPathsRule: DocumentRule {
    public static let description = RuleDescription(
        id: "artifact-paths",
        summary: "Artifact paths are relative, `/`-separated and normalized: no `..`, no absolute paths, no duplicates, no backslash or control characters.",
        rationale: """
            Paths are joined to an artifacts folder when files are hashed; a path that climbs out of it could make \
            modelreg read (and vouch for) files that are not the model's. A normalized form also makes the aggregate \
            hash reproducible with `sha256sum`.
            """,
        valid: [
            RuleExample(
                """
                schema_version: 1
                id: tiny-embedder
                name: Tiny Embedder
                type: dense
                license: mit
                description: Two files in a subfolder.
                artifacts:
                  files:
                    - path: onnx/model.onnx
                      sha256: 2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824
                      size: 5
                    - path: config.json
                      sha256: 486ea46224d1bb4fb680f34f7c9ad96a8f24ec88be73ea8e5a6c65260e9cb8a7
                      size: 5
                  aggregate_sha256: 99b729f1df594da78b8c9b3e7c826028910875316b467dd6d8eeb9399a356a80
                """)
        ],
        invalid: [
            RuleExample(
                """
                schema_version: 1
                id: tiny-embedder
                name: Tiny Embedder
                type: dense
                license: mit
                description: Paths that escape, are absolute, not normalized or repeated.
                artifacts:
                  files:
                    - path: ↓../secrets.txt
                      sha256: 2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824
                      size: 5
                    - path: ↓/etc/passwd
                      sha256: 2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824
                      size: 5
                    - path: ↓onnx//./model.onnx
                      sha256: 2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824
                      size: 5
                    - path: ↓'weights\\model.bin'
                      sha256: 2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824
                      size: 5
                    - path: config.json
                      sha256: 2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824
                      size: 5
                    - path: ↓config.json
                      sha256: 2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824
                      size: 5
                """)
        ]
    )

    public init() {}

    /// Why `path` is not an acceptable artifact path, or nil when it is.
    public static func problem(with path: String) -> String? {
        if path.isEmpty { return "is empty" }
        // One pass over the bytes: a control character or a backslash is a single byte in UTF-8, and a segment is
        // `.` or `..` when all its bytes are dots.
        var control = false, backslash = false, climbs = false, unnormalized = false
        var segmentLength = 0, segmentDots = 0
        func endSegment() {
            if segmentLength == 0 {
                unnormalized = true
            } else if segmentDots == segmentLength {
                if segmentLength == 2 { climbs = true } else if segmentLength == 1 { unnormalized = true }
            }
            segmentLength = 0
            segmentDots = 0
        }
        for byte in path.utf8 {
            switch byte {
            case 0..<0x20, 0x7f: control = true
            case UInt8(ascii: "\\"): backslash = true
            case UInt8(ascii: "/"): endSegment(); continue
            case UInt8(ascii: "."): segmentDots += 1
            default: break
            }
            segmentLength += 1
        }
        endSegment()
        if control { return "contains a control character" }
        if backslash { return "contains a backslash; use `/` to separate folders" }
        if path.utf8.first == UInt8(ascii: "/") { return "is absolute; paths are relative to the model's artifact folder" }
        if climbs { return "climbs out of the artifact folder with `..`" }
        if unnormalized { return "is not normalized (empty or `.` segments)" }
        return nil
    }

    public func check(_ document: ModelDocument, context: LintContext, into findings: inout [Finding]) {
        guard let files = document.value.member(path: "artifacts.files")?.asArray else { return }
        var seen: [String: Int] = [:]
        for (index, file) in files.enumerated() {
            guard let path = file.member("path")?.asString else { continue }
            // Located only when there is something to report.
            var location: SourceLocation {
                document.location(of: [.key("artifacts"), .key("files"), .index(index), .key("path")])
            }
            if let problem = Self.problem(with: path) {
                findings.append(document.finding(Self.self, at: location, "artifact path `\(path)` \(problem)"))
            } else if let first = seen[path] {
                let firstLocation = document.location(
                    of: [.key("artifacts"), .key("files"), .index(first), .key("path")])
                findings.append(
                    document.finding(
                        Self.self, at: location, "artifact path `\(path)` is listed twice",
                        notes: [FindingNote(location: firstLocation, message: "first listed here")]))
            } else {
                seen[path] = index
            }
        }
    }
}
