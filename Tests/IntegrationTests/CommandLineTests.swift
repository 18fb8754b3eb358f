import Foundation
import KGExport
import KGModel
import Testing

/// Runs the built `kgx` binary the way users do.
enum KgxBinary {
    static let url: URL = {
        let candidates = [
            Bundle.main.executableURL?.deletingLastPathComponent(),
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent(".build/debug"),
        ].compactMap { $0 }
        for folder in candidates {
            let binary = folder.appendingPathComponent("kgx")
            if FileManager.default.isExecutableFile(atPath: binary.path) { return binary }
        }
        return candidates.last!.appendingPathComponent("kgx")
    }()

    struct Result {
        var status: Int32
        var stdout: Data
        var stderr: String
    }

    static func run(_ arguments: [String], stdin: Data? = nil) throws -> Result {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: stdout, stderr: String(decoding: stderr, as: UTF8.self))
    }
}

func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("kgx-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

let sampleArticle = """
    2019年5月,中央组织部、民政部联合印发《关于加强社区党建工作的意见》,部署全年任务。
    今年3月,习近平总书记来到福建宁德福鼎市考察,全市已有1200多个村党组织完成换届。
    """

@Suite struct CommandLineTests {
    @Test func extractWritesGraphMLThatReadsBackAndIsDeterministic() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("news.txt")
        try sampleArticle.write(to: input, atomically: true, encoding: .utf8)
        let first = folder.appendingPathComponent("a.graphml"), second = folder.appendingPathComponent("b.graphml")
        for output in [first, second] {
            let result = try KgxBinary.run(["extract", input.path, "--reference-date", "2022-09-15", "-o", output.path])
            #expect(result.status == 0, "\(result.stderr)")
        }
        let bytes = try Data(contentsOf: first)
        #expect(bytes == (try Data(contentsOf: second)))
        let graph = try GraphMLReader().graph(contentsOf: first.path)
        let issued = graph.relations.filter { $0.predicate == Predicate.issued }
        #expect(Set(issued.map { graph[$0.subject]!.name }) == ["中央组织部", "民政部"])
        #expect(issued.allSatisfy { $0.date == "2019-05" })
        let visited = graph.relations.first { $0.predicate == Predicate.visited }
        #expect(visited.map { graph[$0.object]!.name } == "福鼎市")
        #expect(visited?.date == "2022-03")
    }

    @Test func formatFollowsTheExtensionAndStandardInputWorks() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("g.jsonld")
        let result = try KgxBinary.run(["extract", "-", "-o", output.path], stdin: Data(sampleArticle.utf8))
        #expect(result.status == 0, "\(result.stderr)")
        let graph = try JSONLDReader().graph(contentsOf: output.path)
        #expect(graph.entities.contains { $0.name == "中央组织部" })
    }

    @Test func mentionsStreamsOneLinePerRecordWithScalarOffsets() throws {
        let lines = #"{"id":"a","text":"𠀀今年8月,选派第一书记51.8万人。","referenceDate":"2022-09-15"}"# + "\n" + #"{"id":"b","text":"没有数字"}"# + "\n"
        // JSON Lines are recognized by their content too: on standard input and under any file name.
        let result = try KgxBinary.run(["mentions", "-"], stdin: Data(lines.utf8))
        #expect(result.status == 0)
        #expect(String(decoding: result.stdout, as: UTF8.self).split(separator: "\n").count == 2)
        let plain = try KgxBinary.run(["mentions", "-"], stdin: Data("今年8月,选派第一书记51.8万人。".utf8))
        #expect(String(decoding: plain.stdout, as: UTF8.self).hasPrefix(#"{"id":"stdin","mentions":["#))
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let corpus = folder.appendingPathComponent("c.input")
        try lines.write(to: corpus, atomically: true, encoding: .utf8)
        let jsonl = try KgxBinary.run(["mentions", corpus.path])
        #expect(jsonl.status == 0, "\(jsonl.stderr)")
        let records = String(decoding: jsonl.stdout, as: UTF8.self).split(separator: "\n")
        #expect(records.count == 2)
        let first = try JSONSerialization.jsonObject(with: Data(records[0].utf8)) as! [String: Any]
        let mentions = first["mentions"] as! [[String: Any]]
        let date = mentions.first { $0["type"] as? String == "Date" }
        #expect(date?["value"] as? String == "2022-08")
        #expect(date?["start"] as? Int == 1)  // the astral 𠀀 counts as one scalar
        let figure = mentions.first { $0["type"] as? String == "Figure" }
        #expect(figure?["value"] as? String == "518000")
        #expect(figure?["unit"] as? String == "人")
        #expect(mentions.allSatisfy { ($0["rule"] as? String)?.isEmpty == false })
    }

    @Test func mentionsNestNamesInsideATitleUnderIt() throws {
        let result = try KgxBinary.run(["mentions", "-"], stdin: Data("新华书店推出《邓小平与江苏省经济建设》一书。".utf8))
        #expect(result.status == 0)
        let record = try JSONSerialization.jsonObject(with: result.stdout) as! [String: Any]
        let mentions = record["mentions"] as! [[String: Any]]
        let title = try #require(mentions.first { $0["type"] as? String == "Document" })
        let person = try #require(mentions.first { $0["type"] as? String == "Person" })
        #expect(person["text"] as? String == "邓小平")
        #expect(person["containerStart"] as? Int == title["start"] as? Int)
        #expect(person["containerEnd"] as? Int == title["end"] as? Int)
        #expect(title["containerStart"] == nil)
    }

    @Test func relationsStreamsOneLinePerDocumentWithNamesDatesAndOffsets() throws {
        let lines = #"{"id":"a","text":"𠀀2019年5月,王建国部长来到江西赣州于都县考察。","referenceDate":"2022-09-15"}"# + "\n"
            + #"{"id":"b","text":"今天天气很好。"}"# + "\n"
        let result = try KgxBinary.run(["relations", "-"], stdin: Data(lines.utf8))
        #expect(result.status == 0, "\(result.stderr)")
        let records = String(decoding: result.stdout, as: UTF8.self).split(separator: "\n")
        #expect(records.count == 2)
        let first = try JSONSerialization.jsonObject(with: Data(records[0].utf8)) as! [String: Any]
        #expect(first["id"] as? String == "a")
        let relations = first["relations"] as! [[String: Any]]
        let visit = relations.first { $0["predicate"] as? String == "visited" }
        #expect(visit?["subject"] as? String == "王建国")
        #expect(visit?["object"] as? String == "于都县")
        #expect(visit?["objectType"] as? String == "Place")
        #expect(visit?["date"] as? String == "2019-05")
        #expect(visit?["subjectStart"] as? Int == 9)  // the astral 𠀀 counts as one scalar
        #expect(visit?["rule"] as? String == "relation.visited")
        #expect(relations.contains { $0["predicate"] as? String == "holdsTitle" && $0["object"] as? String == "部长" })
        let second = try JSONSerialization.jsonObject(with: Data(records[1].utf8)) as! [String: Any]
        #expect((second["relations"] as! [Any]).isEmpty)
        let missing = try KgxBinary.run(["relations", "/nonexistent/input.txt"])
        #expect(missing.status != 0)
    }

    @Test func tokensPrintsTheSegmentationEveryRuleReads() throws {
        let text = "𠀀国务院总理会见了来访的客人。\n"
        let json = try KgxBinary.run(["tokens", "-"], stdin: Data(text.utf8))
        #expect(json.status == 0, "\(json.stderr)")
        let record = try JSONSerialization.jsonObject(with: json.stdout) as! [String: Any]
        let tokens = record["tokens"] as! [[String: Any]]
        let state = tokens.first { $0["text"] as? String == "国务院" }
        #expect(state?["start"] as? Int == 1)  // the astral 𠀀 counts as one scalar
        #expect(state?["end"] as? Int == 4)
        #expect(state?["tag"] as? String == "nt")
        #expect(!tokens.contains { ($0["text"] as? String)?.allSatisfy(\.isWhitespace) == true })
        let plain = try KgxBinary.run(["tokens", "--format", "text", "-"], stdin: Data(text.utf8))
        let line = String(decoding: plain.stdout, as: UTF8.self)
        #expect(line.contains("国务院/nt 总理/n"))
        #expect(line.hasSuffix("。/x\n"))
    }

    @Test(arguments: [
        (["extract", "/nonexistent/input.txt"], "no such file"),
        (["extract", "EMPTY"], "empty input"),
        (["extract", "BADUTF8"], "invalid UTF-8 at byte offset 6"),
        (["extract", "NOTXT"], "no .txt"),
        (["extract", "GOOD", "--format", "rdf"], "unknown format"),
        (["extract", "GOOD", "-o", "OUT.svg"], "extension"),
        (["extract", "GOOD", "-o", "OUT.json"], "JSON-LD is written as .jsonld"),
        (["extract", "GOOD", "-o", "/nonexistent-folder/out.graphml"], "nonexistent-folder"),
        (["extract", "GOOD", "--reference-date", "2022-13-01"], "reference-date"),
        (["mentions", "BADJSONL"], ":2:"),
        (["mentions", "GRAPH"], "a graph (read it with kgx query)"),
        (["mentions", "GBK"], "iconv -f gb18030 -t utf-8"),
    ])
    func badInputGetsOneClearLineAndANonZeroExit(arguments: [String], message: String) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let empty = folder.appendingPathComponent("empty.txt")
        try Data("  \n".utf8).write(to: empty)
        let bad = folder.appendingPathComponent("bad.txt")
        try Data([0xE4, 0xB8, 0xAD, 0xE5, 0x9B, 0xBD, 0xFF, 0x41]).write(to: bad)
        let noText = folder.appendingPathComponent("notext")
        try FileManager.default.createDirectory(at: noText, withIntermediateDirectories: true)
        let good = folder.appendingPathComponent("good.txt")
        try sampleArticle.write(to: good, atomically: true, encoding: .utf8)
        let badJSONL = folder.appendingPathComponent("bad.jsonl")
        try #"{"id":"a","text":"一"}"#.appending("\n{not json}\n").write(to: badJSONL, atomically: true, encoding: .utf8)
        let graph = folder.appendingPathComponent("g.jsonld")
        try Data("{}".utf8).write(to: graph)
        let gbk = folder.appendingPathComponent("gbk.txt")
        try Data([0xB9, 0xFA, 0xCE, 0xF1, 0xD4, 0xBA, 0xB0, 0xEC, 0xB9, 0xAB, 0xCC, 0xFC]).write(to: gbk)  // 国务院办公厅 in GBK
        let substitutions = ["EMPTY": empty.path, "BADUTF8": bad.path, "NOTXT": noText.path, "GOOD": good.path,
                             "OUT.svg": folder.appendingPathComponent("out.svg").path, "OUT.json": folder.appendingPathComponent("out.json").path, "BADJSONL": badJSONL.path,
                             "GRAPH": graph.path, "GBK": gbk.path]
        let result = try KgxBinary.run(arguments.map { substitutions[$0] ?? $0 })
        #expect(result.status != 0)
        #expect(result.stderr.contains(message), "stderr: \(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1, "stderr: \(result.stderr)")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains("graphml") || $0.contains("out") }
        #expect(leftovers.isEmpty, "partial output left: \(leftovers)")
    }
}

@Suite struct ExtractReportTests {
    @Test func extractSaysWhatItWroteAndWhichDatesStayedUnresolved() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("news.txt")
        try "今年8月,民政部印发《关于加强村务公开的通知》。".write(to: input, atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent("g.jsonld")
        let bare = try KgxBinary.run(["extract", input.path, "-o", output.path])
        #expect(bare.status == 0, "\(bare.stderr)")
        #expect(bare.stderr.contains("1 relative date") && bare.stderr.contains("--reference-date"), "\(bare.stderr)")
        #expect(bare.stderr.contains("wrote \(output.path): ") && bare.stderr.contains("from 1 document"), "\(bare.stderr)")
        let dated = try KgxBinary.run(["extract", input.path, "--reference-date", "2022-09-15", "-o", output.path])
        #expect(!dated.stderr.contains("relative date"), "\(dated.stderr)")
    }
}

@Suite struct QueryCommandTests {
    @Test func queryFiltersRelationsByPredicateAndAlias() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("news.txt")
        try sampleArticle.write(to: input, atomically: true, encoding: .utf8)
        let graphFile = folder.appendingPathComponent("g.graphml")
        #expect(try KgxBinary.run(["extract", input.path, "--reference-date", "2022-09-15", "-o", graphFile.path]).status == 0)
        let issued = try KgxBinary.run(["query", graphFile.path, "--predicate", "issued", "--subject", "中组部", "--format", "tsv", "--evidence"])
        #expect(issued.status == 0, "\(issued.stderr)")
        let lines = String(decoding: issued.stdout, as: UTF8.self).split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first == "subject\tpredicate\tobject\tdate\tevidence")
        #expect(lines.last?.hasPrefix("中央组织部\tissued\t关于加强社区党建工作的意见\t2019-05\tnews.txt:") == true)
        let missing = try KgxBinary.run(["query", folder.appendingPathComponent("none.graphml").path])
        #expect(missing.status != 0)
    }

    /// The sample article as a JSON-LD graph in a fresh folder.
    private func sampleGraph(in folder: URL) throws -> String {
        let input = folder.appendingPathComponent("news.txt")
        try sampleArticle.write(to: input, atomically: true, encoding: .utf8)
        let graphFile = folder.appendingPathComponent("g.jsonld")
        #expect(try KgxBinary.run(["extract", input.path, "--reference-date", "2022-09-15", "-o", graphFile.path]).status == 0)
        return graphFile.path
    }

    @Test func relationsFilterByDateRangeAndUnknownYearsNeverMatch() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let graph = try sampleGraph(in: folder)
        let inRange = try KgxBinary.run(["query", graph, "--relation", "issued", "--from", "2019", "--to", "2019-06", "--format", "tsv"])
        #expect(inRange.status == 0, "\(inRange.stderr)")
        #expect(String(decoding: inRange.stdout, as: UTF8.self).contains("关于加强社区党建工作的意见\t2019-05"))
        let outside = try KgxBinary.run(["query", graph, "--relation", "issued", "--from", "2019-06"])
        #expect(outside.status == 1)
        #expect(outside.stdout.isEmpty)
        #expect(outside.stderr.contains("no match"))
    }

    @Test func anUnknownNameIsReportedWithTheClosestNames() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let graph = try sampleGraph(in: folder)
        let result = try KgxBinary.run(["query", graph, "--subject", "中央组织"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("no entity named '中央组织'") && result.stderr.contains("中央组织部"), "\(result.stderr)")
    }

    @Test func anUnknownPredicateOrTypeIsAUsageErrorWithSuggestions() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let graph = try sampleGraph(in: folder)
        let predicate = try KgxBinary.run(["query", graph, "--relation", "issues"])
        #expect(predicate.status == 2)
        #expect(predicate.stderr.contains("did you mean issued?"), "\(predicate.stderr)")
        let type = try KgxBinary.run(["query", graph, "--type", "Organisation"])
        #expect(type.status == 2)
        let date = try KgxBinary.run(["query", graph, "--from", "2019年"])
        #expect(date.status == 2)
    }

    @Test func aTypeOrANameListsEntitiesWithoutEntitiesFlag() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let graph = try sampleGraph(in: folder)
        let places = try KgxBinary.run(["query", graph, "--type", "Place", "--format", "tsv"])
        #expect(places.status == 0, "\(places.stderr)")
        let lines = String(decoding: places.stdout, as: UTF8.self).split(separator: "\n").dropFirst()
        #expect(!lines.isEmpty && lines.allSatisfy { $0.hasPrefix("Place\t") })
        let named = try KgxBinary.run(["query", graph, "--name", "中组部", "--json"])
        #expect(String(decoding: named.stdout, as: UTF8.self).contains(#""name":"中央组织部""#))
    }

    @Test func pathNeighborsAndStatsAnswerAboutTheGraph() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let graph = try sampleGraph(in: folder)
        // 中央组织部 and 民政部 issued the same document: a path of two relations through it.
        let path = try KgxBinary.run(["path", graph, "中组部", "民政部", "--format", "tsv"])
        #expect(path.status == 0, "\(path.stderr)")
        let steps = String(decoding: path.stdout, as: UTF8.self).split(separator: "\n").dropFirst()
        #expect(steps.count == 2)
        #expect(steps.first?.hasPrefix("中央组织部\tissued\t关于加强社区党建工作的意见") == true)
        #expect(steps.last?.hasPrefix("民政部\tissued\t关于加强社区党建工作的意见") == true)
        let neighbors = try KgxBinary.run(["neighbors", graph, "中组部", "--relation", "issued", "--format", "tsv"])
        #expect(String(decoding: neighbors.stdout, as: UTF8.self).contains("中央组织部\tissued\t关于加强社区党建工作的意见\t2019-05"))
        let stats = try KgxBinary.run(["stats", graph, "--format", "tsv"])
        let summary = String(decoding: stats.stdout, as: UTF8.self)
        #expect(summary.contains("predicate\tissued\t\t2") && summary.contains("type\tOrganization\t"), "\(summary)")
        let unknown = try KgxBinary.run(["path", graph, "中组部", "国防部"])
        #expect(unknown.status == 1 && unknown.stderr.contains("no entity named '国防部'"))
    }

    @Test func extractDrawsTheGraphAsGraphvizDOT() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("news.txt")
        try sampleArticle.write(to: input, atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent("g.dot")
        let result = try KgxBinary.run(["extract", input.path, "--reference-date", "2022-09-15", "-o", output.path])
        #expect(result.status == 0, "\(result.stderr)")
        let dot = try String(contentsOf: output, encoding: .utf8)
        #expect(dot.hasPrefix("digraph kgx {") && dot.hasSuffix("}\n"))
        #expect(dot.contains(#"label="中央组织部", shape=box"#))
        #expect(dot.contains(#"[label="issued 2019-05"]"#))
        let again = try KgxBinary.run(["extract", input.path, "--reference-date", "2022-09-15", "--format", "dot"])
        #expect(again.stdout == (try Data(contentsOf: output)))
        let query = try KgxBinary.run(["query", output.path])
        #expect(query.status == 1 && query.stderr.contains("not read back"))
    }

    @Test func rulesListsEveryRuleAndTheLexiconIncludingAUserFile() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let rules = folder.appendingPathComponent("mine.tsv")
        try "relation\thired\tOrganization\t聘请|聘用\tPerson\n".write(to: rules, atomically: true, encoding: .utf8)
        let result = try KgxBinary.run(["rules", "--examples", "--rules", rules.path])
        #expect(result.status == 0, "\(result.stderr)")
        let text = String(decoding: result.stdout, as: UTF8.self)
        for id in ["document.quoted", "person", "relation.issued", "relation.visited"] { #expect(text.contains("\n\(id)\t") || text.hasPrefix("\(id)\t")) }
        #expect(text.contains("  + ") && text.contains("  - "))
        #expect(text.contains("relation\thired\tOrganization\tPerson"))
        #expect(text.contains("trigger\tissued\t"))
    }

    @Test func helpHasNoStrayBackslashesAndVersionIsPrinted() throws {
        let help = try KgxBinary.run(["query", "--help"])
        #expect(!String(decoding: help.stdout, as: UTF8.self).contains("\\"))
        let version = try KgxBinary.run(["--version"])
        #expect(String(decoding: version.stdout, as: UTF8.self).hasPrefix("kgx "))
    }
}

@Suite struct UserRuleFileTests {
    @Test func aRuleFileAddsNamesAndTriggersWithoutRecompiling() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let rules = folder.appendingPathComponent("mine.tsv")
        try "# my additions\nentity\tOrganization\t青山市数据局\t青山数据局\ntrigger\tissued\t推出\n"
            .write(to: rules, atomically: true, encoding: .utf8)
        let input = folder.appendingPathComponent("n.txt")
        try "今年4月,青山数据局推出《公共数据开放管理办法》。".write(to: input, atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent("g.graphml")
        let run = try KgxBinary.run(["extract", input.path, "--rules", rules.path, "--reference-date", "2024-06-01", "-o", output.path])
        #expect(run.status == 0, "\(run.stderr)")
        let graph = try GraphMLReader().graph(contentsOf: output.path)
        let issued = graph.relations.first { $0.predicate == Predicate.issued }
        #expect(issued.map { graph[$0.subject]!.name } == "青山市数据局")
        #expect(issued?.date == "2024-04")
    }

    @Test func aMalformedRuleFileNamesTheLine() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let rules = folder.appendingPathComponent("bad.tsv")
        try "entity\tOrganization\t甲局\nentity\tCompany\t乙公司\n".write(to: rules, atomically: true, encoding: .utf8)
        let input = folder.appendingPathComponent("n.txt")
        try "甲局发布通知。".write(to: input, atomically: true, encoding: .utf8)
        let run = try KgxBinary.run(["extract", input.path, "--rules", rules.path])
        #expect(run.status != 0)
        #expect(run.stderr.contains("bad.tsv:2: unknown entity type 'Company'"), "\(run.stderr)")
    }
}
