/// Left-aligned columns separated by two spaces, without trailing spaces.
public enum TextTable {
    /// The header and rows as aligned lines, each ending with a newline.
    public static func render(header: [String], rows: [[String]]) -> String {
        let all = [header] + rows
        // Widths in characters, as a terminal shows them; each cell counted once.
        let counts = all.map { $0.map(\.count) }
        let widths = header.indices.map { column in counts.map { $0[column] }.max() ?? 0 }
        var output: [UInt8] = []
        output.reserveCapacity(all.count * (widths.reduce(0, +) + 2 * widths.count + 1))
        for (cells, cellCounts) in zip(all, counts) {
            let start = output.count
            for (column, cell) in cells.enumerated() {
                output.append(contentsOf: cell.utf8)
                if column < cells.count - 1 {
                    output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: widths[column] - cellCounts[column] + 2))
                }
            }
            while output.count > start, output.last == UInt8(ascii: " ") { output.removeLast() }
            output.append(UInt8(ascii: "\n"))
        }
        return String(decoding: output, as: UTF8.self)
    }
}
