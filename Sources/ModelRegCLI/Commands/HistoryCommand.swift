import ArgumentParser
import Foundation
import Git
import JSONSchema
import ModelRegistry

/// Options shared by the commands that read history.
struct HistoryOptions: ParsableArguments {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Option(help: "text or json.")
    var format: Format = .text
}

/// `modelreg history ID`: every revision that changed an entry, newest first.
struct HistoryCommand: ToolCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Every revision that changed a model, newest first, with field-level changes (across renames).",
        discussion: """
            Works on any history: commits made by modelreg, by the git CLI, merges of pull requests, hand renames.
            Examples:
              modelreg history colbert-v2
              modelreg history colbert-v2 --field specs.embedding_dim --since 2026-01-01 --format json
            """
    )

    @Argument(help: "The model's id (as it is now, or as it was if it was removed).") var id: String
    @Option(help: "Only revisions that changed this dotted field.") var field: String?
    @Option(help: "Only revisions committed on or after this date (YYYY-MM-DD or ISO 8601).") var since: String?
    @Option(help: "Only revisions committed on or before this date.") var until: String?
    @Option(help: "At most this many revisions.") var limit: Int?

    @OptionGroup var historyOptions: HistoryOptions
    @OptionGroup var registryOptions: RegistryOptions

    func execute() throws -> Int32 {
        let history = try HistoryContext.open(registryOptions)
        let revisions = try history.revisions(
            of: id, field: field, since: try since.map { try DateArgument.parse($0, endOfDay: false) },
            until: try until.map { try DateArgument.parse($0, endOfDay: true) }, limit: limit)
        switch historyOptions.format {
        case .json:
            let items: [JSONValue] = revisions.map { revision in
                var object = HistoryContext.json(revision.commit)
                object["kind"] = .string(revision.kind.rawValue)
                if let path = revision.oldPath { object["old_path"] = .string(path) }
                if let path = revision.newPath { object["new_path"] = .string(path) }
                object["changes"] = .array(revision.changes.map(\.json))
                return .object(object)
            }
            let document = JSONObject([
                ("id", .string(id)), ("complete", .bool(!history.isShallow)), ("revisions", .array(items)),
            ])
            Terminal.writeOut(JSONValue.object(document).serialized(pretty: true) + "\n")
        case .text:
            if revisions.isEmpty { Terminal.writeError("no revision of `\(id)` matches\n") }
            for revision in revisions {
                Terminal.writeOut(HistoryContext.line(revision.commit) + "\n")
                if revision.kind == .renamed, let old = revision.oldPath, let new = revision.newPath {
                    Terminal.writeOut("    renamed \(old) → \(new)\n")
                }
                switch revision.kind {
                case .deleted:
                    Terminal.writeOut("    removed\n")
                case .added:
                    Terminal.writeOut("    created with \(revision.changes.count) fields\n")
                case .modified, .renamed:
                    for change in revision.changes { Terminal.writeOut("    \(change)\n") }
                }
            }
        }
        HistoryContext.warnIfShallow(history)
        return 0
    }
}

/// Shared plumbing of the history commands.
enum HistoryContext {
    static func open(_ options: RegistryOptions) throws(ToolError) -> RegistryHistory {
        let registry = try RegistryRepository(discoveringFrom: FileSystem.currentDirectory, registryDirectory: options.registry)
        return try RegistryHistory(registry: registry)
    }

    /// A shallow clone's history is cut: say so, every time, so it is never taken as complete.
    static func warnIfShallow(_ history: RegistryHistory) {
        guard history.isShallow else { return }
        Terminal.writeError(
            "modelreg: warning: this is a shallow clone, so the history is cut and incomplete; fetch all of it with "
                + "`git fetch --unshallow` (in GitHub Actions: `actions/checkout` with `fetch-depth: 0`)\n")
    }

    static func line(_ commit: Commit) -> String {
        "\(commit.id.shortHex)  \(DateArgument.format(commit.author.time, offsetMinutes: commit.author.offsetMinutes))  \(commit.author.name)  \(commit.summary)"
    }

    static func json(_ commit: Commit) -> JSONObject {
        JSONObject([
            ("commit", .string(commit.id.hex)),
            ("author", .string(commit.author.name)),
            ("email", .string(commit.author.email)),
            ("date", .string(DateArgument.iso(commit.author.time, offsetMinutes: commit.author.offsetMinutes))),
            ("subject", .string(commit.summary)),
        ])
    }
}

/// Dates on the command line: `YYYY-MM-DD`, ISO 8601 date-times, or seconds since the epoch.
enum DateArgument {
    static func parse(_ text: String, endOfDay: Bool) throws(ToolError) -> Int64 {
        if let seconds = Int64(text) { return seconds }
        let iso = ISO8601DateFormatter()
        if let date = iso.date(from: text) { return Int64(date.timeIntervalSince1970) }
        let day = DateFormatter()
        day.locale = Locale(identifier: "en_US_POSIX")
        day.timeZone = TimeZone(identifier: "UTC")
        day.dateFormat = "yyyy-MM-dd"
        if let date = day.date(from: text) {
            return Int64(date.timeIntervalSince1970) + (endOfDay ? 86_399 : 0)
        }
        throw ToolError("cannot read the date `\(text)`: use YYYY-MM-DD or an ISO 8601 date-time")
    }

    /// `YYYY-MM-DD HH:MM` in the commit's own time zone, as `git log --date=iso` shows it (without seconds).
    static func format(_ seconds: Int64, offsetMinutes: Int) -> String {
        let time = CivilTime(seconds: seconds + Int64(offsetMinutes) * 60)
        return "\(time.date) \(pad(time.hour)):\(pad(time.minute))"
    }

    /// An ISO 8601 date-time with the commit's offset (`Z` for UTC), as `ISO8601DateFormatter` writes it.
    static func iso(_ seconds: Int64, offsetMinutes: Int) -> String {
        let time = CivilTime(seconds: seconds + Int64(offsetMinutes) * 60)
        let zone: String
        if offsetMinutes == 0 {
            zone = "Z"
        } else {
            let size = abs(offsetMinutes)
            zone = (offsetMinutes < 0 ? "-" : "+") + pad(size / 60) + ":" + pad(size % 60)
        }
        return "\(time.date)T\(pad(time.hour)):\(pad(time.minute)):\(pad(time.second))\(zone)"
    }

    private static func pad(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }
}

/// A moment as calendar date and time of day in the proleptic Gregorian calendar, computed directly (a date
/// formatter costs milliseconds to set up, once per line of a long history).
struct CivilTime {
    var year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int

    /// The calendar time `seconds` after 1970-01-01 00:00 (negative before).
    init(seconds: Int64) {
        let days = Int((seconds >= 0 ? seconds : seconds - 86_399) / 86_400)
        let rest = Int(seconds - Int64(days) * 86_400)
        hour = rest / 3600
        minute = rest % 3600 / 60
        second = rest % 60
        // Days to a civil date, counting in 400-year eras that start on 1 March 0000.
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
        month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// `YYYY-MM-DD`.
    var date: String {
        let yearText = String(year)
        let paddedYear = String(repeating: "0", count: max(0, 4 - yearText.count)) + yearText
        return paddedYear + "-" + (month < 10 ? "0" : "") + String(month) + "-" + (day < 10 ? "0" : "") + String(day)
    }
}
