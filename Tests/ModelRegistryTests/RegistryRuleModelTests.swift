import Foundation
import Testing
import YAML

@testable import ModelRegistry

/// The cross-file rules find what plain definitions over strings find (dictionaries keyed by the folded names, sets of
/// ids), on random registries with names that differ only in case or in how an accent is composed, shared Hub ids
/// and revisions, and lineage with chains and cycles.
@Suite struct RegistryRuleModelTests {
    static let names = ["a", "A", "b", "caf\u{E9}", "CAFE\u{301}", "\u{212A}", "k", "x-1", "X-1", "ß", "SS"]

    static func located(_ value: String, _ entry: Int, _ column: Int) -> EntryExtract.Located {
        EntryExtract.Located(value, at: SourceLocation(path: "registry/e\(entry).yaml", line: 1, column: column))
    }

    static func randomRegistry(using generator: inout SystemRandomNumberGenerator) -> RegistrySnapshot {
        let count = Int.random(in: 1...30, using: &generator)
        var entries: [EntryExtract] = []
        for entry in 0..<count {
            func name() -> String { names.randomElement(using: &generator)! + (Bool.random(using: &generator) ? "" : "\(entry % 5)") }
            let id = Int.random(in: 0..<10, using: &generator) == 0 ? nil : located(name(), entry, 1)
            let aliases = (0..<Int.random(in: 0...2, using: &generator)).map { located(name(), entry, 10 + $0) }
            let hub = Bool.random(using: &generator) ? located(["org/M", "ORG/m", "org/n"].randomElement(using: &generator)!, entry, 20) : nil
            let revision = [nil, "r1", "R1"].randomElement(using: &generator)!
            let parent = Bool.random(using: &generator) ? located(name(), entry, 30) : nil
            entries.append(
                EntryExtract(
                    path: String(format: "registry/e%03d.yaml", entry), id: id, aliases: aliases, huggingfaceID: hub,
                    revision: revision, fineTunedFrom: parent))
        }
        return RegistrySnapshot(entries: entries)
    }

    /// `id-unique` by definition: every id, then every alias, claims its folded name; a claim of a name already
    /// claimed is reported.
    static func duplicateNames(_ registry: RegistrySnapshot) -> [String] {
        var owner: [String: String] = [:]
        var reported: [String] = []
        let entries = registry.entries
        for entry in entries { if let id = entry.id { claim(id) } }
        for entry in entries where entry.id != nil { entry.aliases.forEach(claim) }
        func claim(_ name: EntryExtract.Located) {
            let key = name.value.lowercased()
            if owner[key] != nil { reported.append(name.location.description) } else { owner[key] = name.value }
        }
        return reported.sorted()
    }

    /// `huggingface-id-unique` by definition: the same folded Hub id with the same revision twice.
    static func duplicateHubIDs(_ registry: RegistrySnapshot) -> [String] {
        var seen = Set<[String]>()
        var reported: [String] = []
        for entry in registry.entries {
            guard let hub = entry.huggingfaceID else { continue }
            if !seen.insert([hub.value.lowercased(), entry.revision ?? ""]).inserted { reported.append(hub.location.description) }
        }
        return reported.sorted()
    }

    /// `lineage-acyclic` by definition: an id is on a cycle when following parents from it comes back to it; each
    /// cycle is reported once, at the smallest of its ids.
    static func cycleStarts(_ registry: RegistrySnapshot) -> [String] {
        var parentOf: [String: String] = [:]
        for (position, entry) in registry.entries.enumerated() {
            if let id = entry.id?.value, let parent = entry.fineTunedFrom?.value, registry.position(ofID: id) == position {
                parentOf[id] = parent
            }
        }
        var starts: Set<String> = []
        for id in parentOf.keys {
            var cycle = [id]
            var current = parentOf[id]
            while let next = current, next != id, cycle.count <= parentOf.count {
                cycle.append(next)
                current = parentOf[next]
            }
            if current == id, let smallest = cycle.min(), let location = registry[id: smallest]?.fineTunedFrom?.location {
                starts.insert(location.description)
            }
        }
        return starts.sorted()
    }

    static func found(_ rule: some RegistryRule, _ registry: RegistrySnapshot) -> [String] {
        var findings: [Finding] = []
        rule.check(registry, into: &findings)
        return findings.map(\.location.description).sorted()
    }

    @Test func theRulesFindWhatTheirDefinitionsFind() {
        var generator = SystemRandomNumberGenerator()
        var seenEach = (names: false, hubs: false, cycles: false)
        for _ in 0..<500 {
            let registry = Self.randomRegistry(using: &generator)
            let names = Self.duplicateNames(registry), hubs = Self.duplicateHubIDs(registry), cycles = Self.cycleStarts(registry)
            #expect(Self.found(IDUniqueRule(), registry) == names)
            #expect(Self.found(HuggingFaceIDUniqueRule(), registry) == hubs)
            #expect(Self.found(LineageAcyclicRule(), registry) == cycles)
            seenEach = (seenEach.names || !names.isEmpty, seenEach.hubs || !hubs.isEmpty, seenEach.cycles || !cycles.isEmpty)
        }
        #expect(seenEach.names && seenEach.hubs && seenEach.cycles, "the random registries exercise every rule")
    }

    @Test func foldedHashesAgreeWhereTheFoldedNamesAreEqual() {
        for first in Self.names {
            for second in Self.names where first.caseFolded == second.caseFolded {
                #expect(FoldedNameTable<Int>.hash(first) == FoldedNameTable<Int>.hash(second), "\(first) \(second)")
            }
        }
        #expect(FoldedNameTable<Int>.hash("caf\u{E9}") == FoldedNameTable<Int>.hash("CAFE\u{301}"))
        #expect(FoldedNameTable<Int>.hash("R1", folding: false) != FoldedNameTable<Int>.hash("r1", folding: false))
    }
}
