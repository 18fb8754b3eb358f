import Foundation
import Testing

/// `kgx extract … -o corpus.kgx`, `--append`, `kgx export`, `kgx merge` and `kgx query` on a store.
@Suite struct CorpusStoreCommandTests {
    /// Documents written for this test, with ids that do not sort in reading order.
    private func corpus(_ range: Range<Int>, in folder: URL, name: String, variant: String = "") throws -> String {
        var lines: [String] = []
        for index in range {
            let text = "2019年\(index % 12 + 1)月，民政部、财政部联合印发《关于加强第\(index % 40)批社区建设的意见\(variant)》。"
                + "今年3月，李强总理来到江苏苏州考察，全市已有\(index + 100)个村完成换届。"
            lines.append(#"{"id": "doc:\#((index * 7919) % 100_003)", "text": "\#(text)", "referenceDate": "2022-09-15"}"#)
        }
        let file = folder.appendingPathComponent(name)
        try lines.joined(separator: "\n").appending("\n").write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    private func run(_ arguments: [String]) throws -> KgxBinary.Result {
        let result = try KgxBinary.run(arguments)
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        return result
    }

    @Test func aStoreExportsTheGraphThatOneRunWrites() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let all = try corpus(0..<300, in: folder, name: "all.jsonl")
        let store = folder.appendingPathComponent("c.kgx").path
        for format in ["graphml", "jsonld"] {
            let direct = try run(["extract", all, "--format", format]).stdout
            _ = try run(["extract", all, "-o", store, "--jobs", "2"])
            #expect(try run(["export", store, "--format", format]).stdout == direct, "\(format)")
        }
        // One thread or two: the same store contents.
        let one = folder.appendingPathComponent("one.kgx").path
        _ = try run(["extract", all, "-o", one, "--jobs", "1"])
        #expect(try run(["export", one]).stdout == run(["export", store]).stdout)
    }

    @Test func appendingTheSameDocumentsTwiceChangesNothing() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try corpus(0..<100, in: folder, name: "first.jsonl")
        let second = try corpus(100..<200, in: folder, name: "second.jsonl")
        let store = folder.appendingPathComponent("c.kgx").path
        _ = try run(["extract", first, "-o", store])
        _ = try run(["extract", second, "-o", store, "--append"])
        let once = try run(["export", store]).stdout
        let again = try run(["extract", second, "-o", store, "--append"])
        #expect(again.stderr.contains("100 replaced"), "\(again.stderr)")
        #expect(try run(["export", store]).stdout == once)
        let both = try corpus(0..<200, in: folder, name: "both.jsonl")
        #expect(try run(["extract", both, "--format", "graphml"]).stdout == once)
        // A revised document replaces its earlier version.
        let revised = try corpus(100..<200, in: folder, name: "revised.jsonl", variant: "（修订）")
        _ = try run(["extract", revised, "-o", store, "--append"])
        let expected = folder.appendingPathComponent("expected.jsonl")
        try (String(contentsOfFile: first, encoding: .utf8) + String(contentsOfFile: revised, encoding: .utf8)).write(to: expected, atomically: true, encoding: .utf8)
        #expect(try run(["export", store]).stdout == run(["extract", expected.path, "--format", "graphml"]).stdout)
    }

    @Test func aBadRecordLeavesTheStoreAsItWas() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("c.kgx").path
        _ = try run(["extract", try corpus(0..<50, in: folder, name: "good.jsonl"), "-o", store])
        let before = try run(["export", store]).stdout
        let bad = folder.appendingPathComponent("bad.jsonl")
        try (String(contentsOfFile: try corpus(50..<80, in: folder, name: "more.jsonl"), encoding: .utf8) + #"{"id": "x", "text": }"# + "\n")
            .write(to: bad, atomically: true, encoding: .utf8)
        let failed = try KgxBinary.run(["extract", bad.path, "-o", store, "--append"])
        #expect(failed.status != 0 && failed.stderr.contains("bad.jsonl:31"), "\(failed.stderr)")
        #expect(try run(["export", store]).stdout == before)
        // A new store is not created at all.
        let fresh = folder.appendingPathComponent("fresh.kgx").path
        #expect(try KgxBinary.run(["extract", bad.path, "-o", fresh]).status != 0)
        #expect(!FileManager.default.fileExists(atPath: fresh))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).allSatisfy { !$0.contains(".tmp-") })
    }

    @Test func mergedStoresAndQueriesAnswerAsTheGraphDoes() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let a = folder.appendingPathComponent("a.kgx").path, b = folder.appendingPathComponent("b.kgx").path
        // JSON-LD keeps every provenance record (GraphML the first 1,000 per node or edge), so its
        // answers are the whole graph's.
        let all = folder.appendingPathComponent("all.kgx").path, graph = folder.appendingPathComponent("all.jsonld").path
        _ = try run(["extract", try corpus(0..<120, in: folder, name: "a.jsonl"), "-o", a])
        _ = try run(["extract", try corpus(120..<250, in: folder, name: "b.jsonl"), "-o", b])
        _ = try run(["merge", a, b, "-o", all])
        _ = try run(["extract", try corpus(0..<250, in: folder, name: "ab.jsonl"), "-o", graph])
        #expect(try run(["export", all, "--format", "jsonld"]).stdout == Data(contentsOf: URL(fileURLWithPath: graph)))
        for query in [["--relation", "issued"], ["--subject", "民政部", "--evidence"], ["--relation", "visited", "--subject", "李强"],
                      ["--type", "Place"], ["--entities", "--name", "苏州"]] {
            let fromStore = try run(["query", all, "--format", "tsv"] + query).stdout
            #expect(!fromStore.isEmpty)
            #expect(fromStore == (try run(["query", graph, "--format", "tsv"] + query).stdout), "\(query)")
        }
        let unknown = try KgxBinary.run(["query", all, "--subject", "民政布"])
        #expect(unknown.status == 1 && unknown.stderr.contains("民政部"), "\(unknown.stderr)")
        // Not a store, and an output that is an input.
        let text = folder.appendingPathComponent("notes.kgx")
        try Data("笔记".utf8).write(to: text)
        #expect(try KgxBinary.run(["export", text.path]).status != 0)
        #expect(try KgxBinary.run(["merge", a, b, "-o", a]).status != 0)
    }
}
