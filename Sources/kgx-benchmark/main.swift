// Throughput benchmark for the kgx pipeline. Prints figures; asserts nothing.
//
//   swift run -c release kgx-benchmark [FILE ...] [--repeat N]
//
// Each FILE (default: Examples/example.txt) is repeated until the input holds about 2 million
// characters, then every stage is timed on it: preprocessing, the number scanner, the date scanner,
// all mention rules, the whole extraction, and the GraphML and JSON-LD writers.
import Foundation
import KGExport
import KGExtraction
import KGModel
import KGStore

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func peakResidentMegabytes() -> Double? {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
        let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
    else { return nil }
    let kilobytes = line.split(separator: " ").compactMap { Double($0) }.first ?? 0
    return kilobytes / 1024
}

var arguments = Array(CommandLine.arguments.dropFirst())

/// A synthetic graph of a fixed shape: organizations with an alias, an attribute and a mention, and
/// `issued` edges with a date and a piece of evidence (the shape scripts/bench-compare.sh also writes).
func syntheticGraph(nodes: Int, edges: Int) -> Graph {
    var synthetic = Graph()
    for n in 0..<nodes {
        synthetic.add(Entity(type: .organization, name: "组织\(n)", aliases: ["别名\(n)"], attributes: ["unit": "个"],
                             mentions: [Provenance(document: "d", start: n, end: n + 3, sentence: "第\(n)句话。", rule: "lexicon")]))
    }
    let ids = synthetic.entities.map(\.id)
    for e in 0..<edges {
        synthetic.add(Relation(predicate: "issued", subject: ids[e % nodes], object: ids[(e * 7 + 1 + e / nodes) % nodes],
                               attributes: ["date": "2021-06"],
                               provenance: [Provenance(document: "d", start: e, end: e + 9, sentence: "第\(e)条证据。", rule: "relation.issued")]))
    }
    return synthetic
}

// `kgx-benchmark --store FILE NAME`: opening a corpus store, and looking up the relations of the entity
// named NAME through its indexes (what `kgx query FILE --subject NAME` does without --evidence), best of 20.
if arguments.first == "--store", arguments.count == 3 {
    do {
        var open = Double.infinity, lookup = Double.infinity
        var found = 0
        for _ in 0..<20 {
            var store: CorpusStore?
            open = min(open, seconds { store = try? CorpusStore(path: arguments[1]) })
            guard let store else { throw StoreError("\(arguments[1]): cannot open") }
            try lookup = min(lookup, seconds {
                let ids = try store.entities(named: arguments[2])
                found = try store.subgraph(entities: ids, predicate: nil, type: nil, mentions: false, evidence: false).relationsByID.count
            })
        }
        print("store open " + String(format: "%.1f ms", open * 1000) + ", relations of \(arguments[2]) by name "
            + String(format: "%.2f ms", lookup * 1000) + " (\(found) relations)")
    } catch {
        FileHandle.standardError.write(Data("kgx-benchmark: \(error)\n".utf8))
        exit(1)
    }
    exit(0)
}

// `kgx-benchmark --graphml NODES EDGES FILE`: the GraphML writer alone on a synthetic graph of that size,
// written to FILE (which scripts/bench-corpus.sh has a bare libxml2 program write again, byte for byte).
if arguments.first == "--graphml", arguments.count == 4, let nodes = Int(arguments[1]), let edges = Int(arguments[2]) {
    let graph = syntheticGraph(nodes: nodes, edges: edges)
    let start = DispatchTime.now().uptimeNanoseconds
    do { try GraphMLWriter().write(graph, to: arguments[3]) } catch {
        FileHandle.standardError.write(Data("kgx-benchmark: \(error)\n".utf8))
        exit(1)
    }
    let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    print(String(format: "kgx GraphMLWriter: %d nodes + %d edges in %.2f s", nodes, graph.relationsByID.count, elapsed))
    exit(0)
}
var repeats = 3
if let index = arguments.firstIndex(of: "--repeat"), index + 1 < arguments.count, let n = Int(arguments[index + 1]) {
    repeats = n
    arguments.removeSubrange(index...(index + 1))
}
let files = arguments.isEmpty ? ["Examples/example.txt"] : arguments
var base = ""
for file in files {
    guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
        FileHandle.standardError.write(Data("kgx-benchmark: cannot read \(file)\n".utf8))
        exit(1)
    }
    base += text + "\n\n"
}
let targetCharacters = Int(ProcessInfo.processInfo.environment["KGX_BENCH_CHARACTERS"] ?? "") ?? 2_000_000
var corpus = base
while corpus.unicodeScalars.count < targetCharacters { corpus += base }
let characters = corpus.unicodeScalars.count

let repeatCount = repeats
/// `String(format:)` pads by UTF-16 units and mangles `%@` on Linux; pad in Swift.
func padded(_ label: String, to width: Int = 32) -> String {
    label.count >= width ? label : label + String(repeating: " ", count: width - label.count)
}
let corpusBytes = corpus.utf8.count
@MainActor func report(_ stage: String, _ body: () throws -> Void) rethrows {
    var best = Double.infinity
    for _ in 0..<repeatCount { best = min(best, try seconds(body)) }
    let rate = Double(characters) / best
    print(padded(stage) + String(format: " %9.1f ms  %12.0f chars/s  %7.2f MB/s", best * 1000, rate, Double(corpusBytes) / best / 1e6))
}

func residentMegabytes() -> Double? {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
        let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") })
    else { return nil }
    return (line.split(separator: " ").compactMap { Double($0) }.first ?? 0) / 1024
}

print("kgx-benchmark: \(characters) characters (\(corpus.utf8.count) UTF-8 bytes) from \(files.joined(separator: ", ")), best of \(repeats)")
// The bundled lexicon: general dictionary, gazetteers and name lists compiled into one automaton.
let residentBefore = residentMegabytes() ?? 0
var lexicon = Lexicon()
let loadTime = seconds { lexicon = Lexicon.standard }
print(String(format: "lexicon load                 %9.1f ms  %d words in the automaton, %.1f MB resident", loadTime * 1000,
             lexicon.automaton.count, (residentMegabytes() ?? 0) - residentBefore))
@MainActor func rules(_ ids: Set<String>) -> Extractor {
    Extractor(lexicon: lexicon, mentionRules: RuleRegistry.mentionRules.filter { ids.contains($0.id) }, relationRules: [])
}
var prepared = PreparedText(documentID: "bench", text: corpus)
report("preprocess") { prepared = PreparedText(documentID: "bench", text: corpus) }
report("lexical analysis (segmentation)") { _ = LexicalAnalysis(scalars: prepared.scalars, automaton: lexicon.automaton) }
let numbers = rules(["figure"])
report("number scanner (figures)") { _ = numbers.mentions(in: prepared) }
let dates = rules(["date"])
let reference = CalendarDate(year: 2022, month: 9, day: 15)
report("date scanner") { _ = dates.mentions(in: prepared, referenceDate: reference) }
for rule in RuleRegistry.mentionRules where ProcessInfo.processInfo.environment["KGX_BENCH_PER_RULE"] != nil {
    let single = rules([rule.id])
    report("rule \(rule.id)") { _ = single.mentions(in: prepared, referenceDate: reference) }
}
let all = Extractor(lexicon: lexicon)
report("all mention rules") { _ = all.mentions(in: prepared, referenceDate: reference) }
var graph = Graph()
report("extract (text → graph)") { graph = all.extract(documentID: "bench", text: corpus, referenceDate: reference).graph }
print("graph: \(graph.entities.count) entities, \(graph.relations.count) relations")
report("GraphML writer (libxml2)") { _ = try! GraphMLWriter().data(for: graph) }
report("JSON-LD writer") { _ = try! JSONLDWriter().data(for: graph) }
// A synthetic graph of a fixed shape, the same one scripts/bench-compare.sh writes with raw libxml2.
let syntheticNodes = 20_000, syntheticEdges = 40_000
let synthetic = syntheticGraph(nodes: syntheticNodes, edges: syntheticEdges)
var best = Double.infinity
var size = 0
for _ in 0..<repeatCount { best = min(best, seconds { size = (try! GraphMLWriter().data(for: synthetic)).count }) }
print(String(format: "GraphML writer, synthetic    %9.1f ms  %d nodes + %d edges  %.1f MB  %.0f elements/s", best * 1000,
             syntheticNodes, synthetic.relations.count, Double(size) / 1e6, Double(syntheticNodes + synthetic.relations.count) / best))
// Hostile shapes (issue: reliability): inputs of the same size as ordinary text whose shape once made a
// stage grow with the square of a run. Each is timed through preprocessing and every mention rule, and
// compared with the same number of characters of the ordinary text above.
let shapeCharacters = Int(ProcessInfo.processInfo.environment["KGX_BENCH_SHAPE_CHARACTERS"] ?? "") ?? 30_000
func sized(_ piece: String, separator: String = "") -> String {
    var parts: [String] = []
    var count = 0
    while count < shapeCharacters {
        parts.append(piece)
        count += piece.unicodeScalars.count + separator.unicodeScalars.count
    }
    return String(String.UnicodeScalarView(parts.joined(separator: separator).unicodeScalars.prefix(shapeCharacters)))
}
let shapes: [(String, String)] = [
    ("ordinary text", String(String.UnicodeScalarView(corpus.unicodeScalars.prefix(shapeCharacters)))),
    ("a run of 亿", sized("亿")),
    ("a list of names joined by 、", sized("国务院、外交部、北京大学、中国人民银行、上海市人民政府")),
    ("clauses without a full stop", sized("国务院召开常务会议，研究部署2022年经济工作，")),
    ("one character repeated", sized("一")),
]
print("hostile shapes, \(shapeCharacters) characters each (preprocess + all mention rules, best of \(repeats)):")
var ordinaryTime = 0.0
for (name, text) in shapes {
    var best = Double.infinity
    for _ in 0..<repeatCount {
        best = min(best, seconds { _ = all.mentions(in: PreparedText(documentID: "shape", text: text), referenceDate: reference) })
    }
    if ordinaryTime == 0 { ordinaryTime = best }
    print(padded("  " + name) + String(format: " %9.1f ms  %5.2f× ordinary", best * 1000, best / ordinaryTime))
}
// Runs of one numeral character: the number scanner reads each once, so ten times the run is about
// ten times the time.
print("runs of one numeral (number scanner, best of \(repeats)):")
for character in ["亿", "万", "十"] {
    var times: [Double] = []
    for length in [1_000, 10_000] {
        let run = PreparedText(documentID: "run", text: String(repeating: character, count: length))
        var best = Double.infinity
        for _ in 0..<repeatCount { best = min(best, seconds { _ = numbers.mentions(in: run) }) }
        times.append(best)
    }
    print(padded("  \(character) × 1,000 / × 10,000") + String(format: " %9.2f ms  %9.2f ms  ratio %5.1f", times[0] * 1000, times[1] * 1000, times[1] / times[0]))
}
if let peak = peakResidentMegabytes() { print(String(format: "peak resident memory: %.1f MB", peak)) }
