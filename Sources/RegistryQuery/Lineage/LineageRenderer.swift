/// Draws a lineage: a text tree, a Mermaid flowchart, or a Graphviz graph.
public enum LineageRenderer {
    /// The output formats of `modelreg lineage`.
    public enum Format: String, Sendable, CaseIterable {
        /// An indented tree, base model at the top.
        case text
        /// A Mermaid `graph TD` flowchart.
        case mermaid
        /// A Graphviz `digraph`.
        case dot
    }

    /// The lineage in `format`, ending with a newline.
    public static func render(_ lineage: Lineage, format: Format) -> String {
        switch format {
        case .text: return text(lineage)
        case .mermaid: return mermaid(lineage)
        case .dot: return dot(lineage)
        }
    }

    /// ```
    /// qwen2.5-0.5b-instruct
    /// └── vikhr-qwen-2.5-0.5b-instruct  ← this model
    /// ```
    public static func text(_ lineage: Lineage) -> String {
        var lines: [String] = []
        var indent = ""
        if let missing = lineage.missingAncestor {
            lines.append("\(missing)  (not in the registry)")
            lines.append("└── " + label(lineage.tree.entry, lineage))
            indent = "    "
        } else {
            lines.append(label(lineage.tree.entry, lineage))
        }
        appendChildren(of: lineage.tree, indent: indent, lineage: lineage, into: &lines)
        return lines.joined(separator: "\n") + "\n"
    }

    private static func appendChildren(of node: LineageNode, indent: String, lineage: Lineage, into lines: inout [String]) {
        for (index, child) in node.children.enumerated() {
            let last = index == node.children.count - 1
            lines.append(indent + (last ? "└── " : "├── ") + label(child.entry, lineage))
            appendChildren(of: child, indent: indent + (last ? "    " : "│   "), lineage: lineage, into: &lines)
        }
    }

    private static func label(_ entry: ModelEntry, _ lineage: Lineage) -> String {
        var text = entry.id
        if entry.isDeprecated { text += " (deprecated)" }
        if entry.id == lineage.subject.id { text += "  ← this model" }
        return text
    }

    /// A Mermaid flowchart: one node per model labelled with its id, an arrow from each model to its
    /// fine-tunes; the subject drawn bold, deprecated models dashed.
    public static func mermaid(_ lineage: Lineage) -> String {
        let nodes = orderedNodes(lineage)
        var lines = ["graph TD"]
        for (index, node) in nodes.enumerated() {
            lines.append("    n\(index)[\"\(mermaidEscaped(node.label))\"]")
        }
        for (index, node) in nodes.enumerated() {
            if let parent = node.parent { lines.append("    n\(parent) --> n\(index)") }
        }
        let deprecated = nodes.indices.filter { nodes[$0].deprecated }
        lines.append("    classDef subject stroke-width:3px")
        if !deprecated.isEmpty { lines.append("    classDef deprecated stroke-dasharray:5 5") }
        if let subject = nodes.firstIndex(where: \.isSubject) { lines.append("    class n\(subject) subject") }
        if !deprecated.isEmpty { lines.append("    class " + deprecated.map { "n\($0)" }.joined(separator: ",") + " deprecated") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A Graphviz graph: one box per model, an edge from each model to its fine-tunes; the subject
    /// bold, deprecated models dashed.
    public static func dot(_ lineage: Lineage) -> String {
        let nodes = orderedNodes(lineage)
        var lines = ["digraph lineage {", "    node [shape=box];"]
        for node in nodes {
            var styles: [String] = []
            if node.isSubject { styles.append("bold") }
            if node.deprecated { styles.append("dashed") }
            if node.missing { styles.append("dotted") }
            let suffix = styles.isEmpty ? "" : " [style=\"" + styles.joined(separator: ",") + "\"]"
            lines.append("    \(dotQuoted(node.label))\(suffix);")
        }
        for node in nodes {
            if let parent = node.parent { lines.append("    \(dotQuoted(nodes[parent].label)) -> \(dotQuoted(node.label));") }
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    private struct DrawnNode {
        var label: String
        var parent: Int?
        var isSubject = false
        var deprecated = false
        var missing = false
    }

    /// Nodes top-down, depth first, each with the index of its parent.
    private static func orderedNodes(_ lineage: Lineage) -> [DrawnNode] {
        var nodes: [DrawnNode] = []
        var top: Int?
        if let missing = lineage.missingAncestor {
            nodes.append(DrawnNode(label: missing, parent: nil, missing: true))
            top = 0
        }
        func visit(_ node: LineageNode, parent: Int?) {
            nodes.append(
                DrawnNode(
                    label: node.entry.id, parent: parent, isSubject: node.entry.id == lineage.subject.id,
                    deprecated: node.entry.isDeprecated))
            let me = nodes.count - 1
            for child in node.children { visit(child, parent: me) }
        }
        visit(lineage.tree, parent: top)
        return nodes
    }

    private static func mermaidEscaped(_ text: String) -> String {
        text.replacingAll("\"", with: "#quot;")
    }

    private static func dotQuoted(_ text: String) -> String {
        "\"" + text.replacingAll("\\", with: "\\\\").replacingAll("\"", with: "\\\"") + "\""
    }
}

extension String {
    /// Every occurrence of `target` replaced (without Foundation).
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        for character in self {
            if character == target { result += replacement } else { result.append(character) }
        }
        return result
    }
}
