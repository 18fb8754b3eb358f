#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import ArgumentParser
import KGInput
import KGModel

/// How `query`, `neighbors`, `path` and `stats` print their answers.
enum AnswerFormat: String, ExpressibleByArgument, CaseIterable {
    /// Columns aligned for the terminal (CJK characters count two columns).
    case table
    /// One JSON array of objects.
    case json
    /// One JSON object per line.
    case jsonl
    /// Tab-separated values with a header line.
    case tsv

    /// A table for a person at a terminal, JSON Lines for a program reading a pipe or a file.
    static var automatic: AnswerFormat { isatty(STDOUT_FILENO) != 0 ? .table : .jsonl }
}

/// A value of an answer: text, a number, nothing, or where it was found, kept apart so each format
/// writes it in its own way.
enum AnswerValue {
    case text(String)
    case number(Int)
    case none
    case list([String])
    case evidence([Provenance])

    /// The value in a table or TSV cell: evidence shows its first record as `document:start-end sentence`
    /// and how many more there are.
    var cell: String {
        switch self {
        case .text(let text): return text.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\t", with: " ")
        case .number(let number): return String(number)
        case .none: return ""
        case .list(let items): return AnswerValue.text(items.joined(separator: "|")).cell
        case .evidence(let records):
            guard let first = records.first else { return "" }
            let more = records.count > 1 ? " (+\(records.count - 1))" : ""
            return AnswerValue.text("\(first.document):\(first.start)-\(first.end)\(more) \(first.sentence)").cell
        }
    }

    var json: String {
        switch self {
        case .text(let text): return JSONText.string(text)
        case .number(let number): return String(number)
        case .none: return "null"
        case .list(let items): return "[" + items.map(JSONText.string).joined(separator: ",") + "]"
        case .evidence(let records):
            return "[" + records.map {
                JSONText.object([("document", JSONText.string($0.document)), ("start", String($0.start)), ("end", String($0.end)),
                                 ("rule", JSONText.string($0.rule)), ("sentence", JSONText.string($0.sentence))])
            }.joined(separator: ",") + "]"
        }
    }
}

/// Rows of named columns, rendered in any ``AnswerFormat``.
struct AnswerTable {
    var columns: [String]
    var rows: [[AnswerValue]] = []

    init(columns: [String]) { self.columns = columns }

    mutating func append(_ row: [AnswerValue]) {
        precondition(row.count == columns.count, "a row of \(row.count) values for \(columns.count) columns")
        rows.append(row)
    }

    func rendered(as format: AnswerFormat) -> String {
        switch format {
        case .jsonl: return rows.map { object($0) + "\n" }.joined()
        case .json: return rows.isEmpty ? "[]\n" : "[\n" + rows.map { "  " + object($0) }.joined(separator: ",\n") + "\n]\n"
        case .tsv: return ([columns] + rows.map { $0.map(\.cell) }).map { $0.joined(separator: "\t") + "\n" }.joined()
        case .table: return table()
        }
    }

    private func object(_ row: [AnswerValue]) -> String {
        JSONText.object(zip(columns, row).map { ($0, $1.json) })
    }

    /// Left-aligned columns two spaces apart, a rule under the header; long cells (sentences) are cut
    /// with `…` so a row stays on one line of a wide terminal.
    private func table() -> String {
        let limit = 60
        let cells = [columns] + rows.map { $0.map { Self.cut($0.cell, to: limit) } }
        var widths = [Int](repeating: 0, count: columns.count)
        for row in cells { for (index, cell) in row.enumerated() { widths[index] = max(widths[index], Self.width(cell)) } }
        func line(_ row: [String]) -> String {
            var out = ""
            for (index, cell) in row.enumerated() {
                out += cell
                if index < row.count - 1 { out += String(repeating: " ", count: widths[index] - Self.width(cell) + 2) }
            }
            while out.last == " " { out.removeLast() }
            return out + "\n"
        }
        let rule = widths.map { String(repeating: "─", count: $0) }
        return line(cells[0]) + line(rule) + cells.dropFirst().map(line).joined()
    }

    /// Terminal columns of `text`: East Asian wide and full-width characters take two.
    static func width(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + width(of: $1) }
    }

    static func width(of scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x20 || (0x300...0x36F).contains(value) || value == 0x200B { return 0 }
        let wide: [ClosedRange<UInt32>] = [
            0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
            0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
        ]
        return wide.contains { $0.contains(value) } ? 2 : 1
    }

    static func cut(_ text: String, to limit: Int) -> String {
        guard width(text) > limit else { return text }
        var out = ""
        var used = 0
        for scalar in text.unicodeScalars {
            let next = width(of: scalar)
            if used + next > limit - 1 { break }
            out.unicodeScalars.append(scalar)
            used += next
        }
        return out + "…"
    }
}

/// The `--format` and `--evidence` options of the commands that answer questions about a graph.
struct AnswerOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Output format: table, json, jsonl or tsv (default: table on a terminal, jsonl otherwise).", valueName: "FORMAT"))
    var format: AnswerFormat?

    @Flag(name: .customLong("json"), help: ArgumentHelp("Same as --format jsonl.", visibility: .hidden))
    var jsonLines = false

    @Flag(help: "Add where each answer was found: document, offsets, rule and sentence.")
    var evidence = false

    var resolvedFormat: AnswerFormat { format ?? (jsonLines ? .jsonl : .automatic) }
}

extension AnswerTable {
    /// Relations as subject, predicate, object, date (and evidence).
    static func relations(_ relations: [Relation], in graph: Graph, evidence: Bool) -> AnswerTable {
        var table = AnswerTable(columns: ["subject", "predicate", "object", "date"] + (evidence ? ["evidence"] : []))
        for relation in relations {
            var row: [AnswerValue] = [
                .text(graph[relation.subject]?.name ?? relation.subject.rawValue), .text(relation.predicate),
                .text(graph[relation.object]?.name ?? relation.object.rawValue), relation.date.map { .text($0) } ?? .none,
            ]
            if evidence { row.append(.evidence(relation.provenance)) }
            table.append(row)
        }
        return table
    }
}

extension AnswerTable {
    /// Entities as type, name, aliases (`|`-joined in cells, a list in JSON) and mention count (and evidence).
    static func entities(_ entities: [Entity], evidence: Bool) -> AnswerTable {
        var table = AnswerTable(columns: ["type", "name", "aliases", "mentions", "id"] + (evidence ? ["evidence"] : []))
        for entity in entities {
            var row: [AnswerValue] = [
                .text(entity.type.rawValue), .text(entity.name), .list(entity.aliases.sorted()), .number(entity.mentions.count),
                .text(entity.id.rawValue),
            ]
            if evidence { row.append(.evidence(entity.mentions)) }
            table.append(row)
        }
        return table
    }
}
