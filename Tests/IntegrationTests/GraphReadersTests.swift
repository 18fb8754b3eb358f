import Foundation
import KGExport
import KGExtraction
import KGInput
import KGModel
import Testing

/// Folder of the fixtures of these tests (foreign GraphML files).
let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

/// Two paragraphs written for these tests: an issuing by two organizations, a visit, a figure.
private let article = """
    2020年4月，国家发展改革委、财政部联合印发《关于支持民营企业发展的若干措施》。
    9月10日，李强总理来到江苏苏州考察，当地已有3.6万家企业复工。
    """

@Suite struct GraphReadersTests {
    private func extracted() -> Graph {
        Extractor().extract(documentID: "news.txt", text: article, referenceDate: CalendarDate(year: 2022, month: 9, day: 15)).graph
    }

    /// The graph as files carry it: how often each written form was seen, which only picks the label
    /// while a graph is built, is not written.
    private func asWritten(_ graph: Graph) -> Graph {
        Graph(entities: graph.entities.map { var entity = $0; entity.writtenForms = [:]; return entity }, relations: graph.relations)
    }

    @Test func extractToGraphMLToJSONLDAndBackIsTheSameGraph() throws {
        let graph = asWritten(extracted())
        #expect(graph.relations.contains { $0.predicate == Predicate.issued })
        let fromGraphML = try GraphMLReader().graph(from: GraphMLWriter().data(for: graph))
        let fromJSONLD = try JSONLDReader().graph(from: JSONLDWriter().data(for: fromGraphML))
        #expect(fromGraphML.entities == graph.entities)
        #expect(fromGraphML.relations == graph.relations)
        #expect(fromJSONLD.entities == graph.entities)
        #expect(fromJSONLD.relations == graph.relations)
        // and the other way round
        let back = try GraphMLReader().graph(from: GraphMLWriter().data(for: JSONLDReader().graph(from: JSONLDWriter().data(for: graph))))
        #expect(asWritten(back) == graph)
    }

    @Test func graphMLResavedByNetworkXReadsAsTheSameGraph() throws {
        // scripts/make-foreign-graphml.py: kgx's GraphML of the sample article, read and written again by
        // NetworkX 3.2.1 (keys renumbered d0, d1, … in another order, integer types, edge ids as data).
        let original = try GraphMLReader().graph(contentsOf: fixtures.appendingPathComponent("kgx.graphml").path)
        let resaved = try GraphMLReader().graph(contentsOf: fixtures.appendingPathComponent("networkx.graphml").path)
        #expect(asWritten(resaved).entities == asWritten(original).entities)
        #expect(resaved.relations == original.relations)
    }

    @Test func graphMLEditedInYEdKeepsItsAttributesAndSkipsTheDrawing() throws {
        let graph = try GraphMLReader().graph(contentsOf: fixtures.appendingPathComponent("yed.graphml").path)
        #expect(graph.entities.map(\.name).sorted() == ["关于支持民营企业发展的若干措施", "财政部"])
        let organization = try #require(graph.entities(named: "财政部").first)
        #expect(organization.type == .organization)
        #expect(organization.attributes["reviewed"] == "yes")  // a key added in yEd is kept as an attribute
        #expect(graph.relations.map(\.predicate) == [Predicate.issued])
        #expect(graph.relations.first?.date == "2020-04")
    }

    @Test func aGraphWithoutEntityTypesIsRefusedWithTheNodeAndWhatIsMissing() throws {
        let plain = """
            <?xml version="1.0" encoding="UTF-8"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
              <key id="d0" for="node" attr.name="name" attr.type="string"/>
              <graph edgedefault="directed">
                <node id="n0"><data key="d0">国务院</data></node>
              </graph>
            </graphml>
            """
        #expect {
            try GraphMLReader().graph(from: Array(plain.utf8), fileName: "plain.graphml")
        } throws: { error in
            let message = "\(error)"
            return message.contains("plain.graphml") && message.contains("line 5") && message.contains("n0") && message.contains("type")
        }
    }

    @Test func theReaderStreamsAGraphLargerThanAnyTextNodeLimit() throws {
        // 30,000 nodes with their mentions: more than libxml2's 10 MB limit on one text node in all,
        // read one node at a time.
        let entities = (0..<30_000).map { index in
            Entity(id: EntityID(rawValue: "place-\(index)"), type: .place, name: "地名\(index)",
                   mentions: [Provenance(document: "d\(index)", start: 0, end: 2, sentence: String(repeating: "某地", count: 100), rule: "lexicon")])
        }
        let graph = Graph(entities: entities, relations: [])
        let bytes = try GraphMLWriter().data(for: graph)
        #expect(bytes.count > 10_000_000)
        #expect(try GraphMLReader().graph(from: bytes) == graph)
    }
}

@Suite struct QueryFormatTests {
    private let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func theSeedQueryAnswersTheSameFromJSONLDAndGraphML() throws {
        var answers: [Data] = []
        for file in ["Output/seed.jsonld", "Output/seed.graphml"] {
            let result = try KgxBinary.run(["query", repository.appendingPathComponent(file).path, "--relation", "issued", "--subject", "中组部", "--format", "json"])
            #expect(result.status == 0, "\(result.stderr)")
            answers.append(result.stdout)
        }
        #expect(answers[0] == answers[1])
        let rows = try #require(try JSONSerialization.jsonObject(with: answers[0]) as? [[String: Any]])
        #expect(rows.count == 3)
        #expect(rows.allSatisfy { $0["subject"] as? String == "中央组织部" && $0["predicate"] as? String == "issued" })
        #expect(rows.compactMap { $0["date"] as? String }.sorted() == ["2018", "2021-06"])
    }

    /// A graph of text written for this test, in a fresh folder, and the text.
    private func graph(in folder: URL) throws -> (path: String, text: String) {
        let input = folder.appendingPathComponent("news.txt")
        try sampleArticle.write(to: input, atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent("g.graphml")
        #expect(try KgxBinary.run(["extract", input.path, "--reference-date", "2022-09-15", "-o", output.path]).status == 0)
        return (output.path, sampleArticle)
    }

    @Test func aPipeGetsJSONLinesAndEvidencePointsIntoTheText() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (path, text) = try graph(in: folder)
        let result = try KgxBinary.run(["query", path, "--relation", "issued", "--evidence"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = String(decoding: result.stdout, as: UTF8.self).split(separator: "\n")
        #expect(lines.count == 2)
        let scalars = Array(text.unicodeScalars)
        for line in lines {
            let row = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let evidence = try #require((row["evidence"] as? [[String: Any]])?.first)
            let start = try #require(evidence["start"] as? Int), end = try #require(evidence["end"] as? Int)
            let span = String(String.UnicodeScalarView(scalars[start..<end]))
            #expect(evidence["document"] as? String == "news.txt")
            #expect(span.contains(try #require(row["subject"] as? String)), "\(span)")
            #expect((evidence["sentence"] as? String)?.contains("联合印发") == true)
        }
    }

    @Test func aTableLinesUpColumnsOfChineseText() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (path, _) = try graph(in: folder)
        let result = try KgxBinary.run(["query", path, "--format", "table"])
        let lines = String(decoding: result.stdout, as: UTF8.self).split(separator: "\n").map(String.init)
        #expect(lines.count >= 3)
        #expect(lines[0].hasPrefix("subject") && lines[1].hasPrefix("─"))
        // Where the predicate column starts, in terminal columns, is the same on every line.
        func column(of predicate: String, in line: String) -> Int? {
            guard let range = line.range(of: predicate) else { return nil }
            return line[..<range.lowerBound].unicodeScalars.reduce(0) { $0 + ($1.value >= 0x2E80 ? 2 : 1) }
        }
        let header = try #require(column(of: "predicate", in: lines[0]))
        for line in lines.dropFirst(2) {
            let predicate = ["issued", "visited", "partOf", "locatedIn", "counts", "holdsTitle"].first { line.contains(" \($0) ") }
            #expect(predicate.flatMap { column(of: " \($0) ", in: line) }.map { $0 + 1 } == header, "\(line)")
        }
    }

    @Test func tsvHasAHeaderAndJSONIsOneArray() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (path, _) = try graph(in: folder)
        let tsv = String(decoding: try KgxBinary.run(["query", path, "--type", "Organization", "--format", "tsv"]).stdout, as: UTF8.self)
        #expect(tsv.hasPrefix("type\tname\taliases\tmentions\tid\n"))
        #expect(tsv.contains("Organization\t中央组织部\t"))
        let json = try KgxBinary.run(["neighbors", path, "中组部", "--format", "json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: json.stdout) as? [[String: Any]])
        #expect(!rows.isEmpty && rows.allSatisfy { $0["subject"] != nil && $0["object"] != nil })
        let stats = try KgxBinary.run(["stats", path, "--format", "jsonl"])
        #expect(String(decoding: stats.stdout, as: UTF8.self).hasPrefix(#"{"kind":"total","name":"entities","type":null,"count":"#))
        let bad = try KgxBinary.run(["query", path, "--format", "xml"])
        #expect(bad.status == 64 || bad.status == 2, "\(bad.status)")
    }

    @Test func aYearlessDateIsTheSameInMentionsRelationsAndTheGraph() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("d.txt")
        try "9月10日，国务院办公厅印发《关于加强基层治理的意见》。".write(to: input, atomically: true, encoding: .utf8)
        let options = ["--reference-date", "2022-09-15"]
        let mentions = String(decoding: try KgxBinary.run(["mentions", input.path] + options).stdout, as: UTF8.self)
        #expect(mentions.contains(#""value":"2022-09-10""#), "\(mentions)")
        let relations = String(decoding: try KgxBinary.run(["relations", input.path] + options).stdout, as: UTF8.self)
        #expect(relations.contains(#""date":"2022-09-10""#), "\(relations)")
        let graph = folder.appendingPathComponent("d.graphml")
        #expect(try KgxBinary.run(["extract", input.path, "-o", graph.path] + options).status == 0)
        let query = String(decoding: try KgxBinary.run(["query", graph.path, "--relation", "issued", "--format", "tsv"]).stdout, as: UTF8.self)
        #expect(query.contains("\t2022-09-10\n"), "\(query)")
        // Without a reference date the year stays open everywhere.
        let open = String(decoding: try KgxBinary.run(["mentions", input.path]).stdout, as: UTF8.self)
        #expect(open.contains(#""value":"XXXX-09-10""#))
    }
}

@Suite struct ParallelExtractionTests {
    /// A corpus of `count` documents written for this test, with ids that do not sort in reading order,
    /// more documents than one batch of the parallel reader.
    private func corpus(_ count: Int, in folder: URL, badLineAt bad: Int? = nil) throws -> String {
        var lines: [String] = []
        for index in 0..<count {
            if index == bad { lines.append(#"{"id": "broken", "text": }"#); continue }
            let text = "2019年\(index % 12 + 1)月，民政部、财政部联合印发《关于加强第\(index % 40)批社区建设的意见》。"
                + "今年3月，李强总理来到江苏苏州考察，全市已有\(index + 100)个村完成换届。"
            lines.append(#"{"id": "doc:\#((index * 7919) % 100_003)", "text": "\#(text)", "referenceDate": "2022-09-15"}"#)
        }
        let file = folder.appendingPathComponent("corpus.jsonl")
        try lines.joined(separator: "\n").appending("\n").write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    @Test func oneThreadAndTwoGiveTheSameBytes() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = try corpus(700, in: folder)
        for command in [["mentions"], ["relations"], ["extract", "--format", "graphml"], ["extract", "--format", "jsonld"]] {
            let one = try KgxBinary.run(command + [input, "--jobs", "1"])
            let two = try KgxBinary.run(command + [input, "--jobs", "2"])
            #expect(one.status == 0 && two.status == 0, "\(command): \(one.stderr) \(two.stderr)")
            #expect(!one.stdout.isEmpty)
            #expect(one.stdout == two.stdout, "\(command)")
        }
        #expect(try KgxBinary.run(["mentions", input, "--jobs", "0"]).status != 0)
    }

    @Test func aBadRecordStopsAfterTheDocumentsBeforeItWithAnyNumberOfThreads() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = try corpus(700, in: folder, badLineAt: 600)
        let one = try KgxBinary.run(["mentions", input, "--jobs", "1"])
        let two = try KgxBinary.run(["mentions", input, "--jobs", "2"])
        #expect(one.status == 1 && two.status == 1)
        #expect(one.stderr.contains("corpus.jsonl:601:") && one.stderr == two.stderr, "\(one.stderr)")
        #expect(String(decoding: two.stdout, as: UTF8.self).split(separator: "\n").count == 600)
        #expect(one.stdout == two.stdout)
    }
}

@Suite struct LibraryLineFormatTests {
    @Test func theLibraryWritesTheLinesTheCommandLineWrites() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("news.txt")
        try sampleArticle.write(to: input, atomically: true, encoding: .utf8)
        let extractor = Extractor()
        let reference = CalendarDate(year: 2022, month: 9, day: 15)
        let prepared = PreparedText(documentID: "news.txt", text: sampleArticle)
        let mentions = DocumentJSON.mentions(extractor.mentions(in: prepared, referenceDate: reference), of: "news.txt", in: prepared)
        let cliMentions = try KgxBinary.run(["mentions", input.path, "--reference-date", "2022-09-15"])
        #expect(String(decoding: cliMentions.stdout, as: UTF8.self) == mentions + "\n")
        let extraction = extractor.extract(documentID: "news.txt", text: sampleArticle, referenceDate: reference)
        let relations = DocumentJSON.relations(of: extraction, document: "news.txt", lexicon: extractor.lexicon)
        let cliRelations = try KgxBinary.run(["relations", input.path, "--reference-date", "2022-09-15"])
        #expect(String(decoding: cliRelations.stdout, as: UTF8.self) == relations + "\n")
        #expect(relations.contains(#""predicate":"issued""#))
    }
}

@Suite struct ProgressLineTests {
    @Test func aTerminalSeesProgressAPipeAndQuietDoNot() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("news.txt")
        try sampleArticle.write(to: input, atomically: true, encoding: .utf8)
        let piped = try KgxBinary.run(["mentions", input.path])
        #expect(piped.status == 0 && piped.stderr.isEmpty, "\(piped.stderr)")
        // util-linux `script` gives the command a terminal, as a user at a shell has.
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { return }
        func onTerminal(_ arguments: [String]) throws -> String {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
            let command = ([KgxBinary.url.path] + arguments).map { "'\($0)'" }.joined(separator: " ") + " > /dev/null"
            process.arguments = ["-qec", command, "/dev/null"]
            let output = Pipe()
            process.standardOutput = output
            process.standardInput = FileHandle.nullDevice
            process.environment = ProcessInfo.processInfo.environment.merging(["KGX_PROGRESS_AFTER": "0"]) { $1 }
            try process.run()
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return String(decoding: data, as: UTF8.self)
        }
        let shown = try onTerminal(["mentions", input.path])
        #expect(shown.contains("kgx: 1 document, ") && shown.contains("characters/s"), "\(shown)")
        #expect(try onTerminal(["mentions", input.path, "--quiet"]).isEmpty)
    }
}
