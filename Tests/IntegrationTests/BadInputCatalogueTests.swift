import Foundation
import KGExport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The reliability catalogue: hostile or odd inputs and outputs, each with the exit status, message and
/// files it must leave. Cases that merely need a message live in `badInputGetsOneClearLineAndANonZeroExit`.
@Suite struct BadInputCatalogueTests {
    /// Runs kgx with standard output sent to `stdout` (a file handle the test opened).
    private static func run(_ arguments: [String], stdin: Data? = nil, stdout: FileHandle) throws -> (Process, String) {
        let process = Process()
        process.executableURL = KgxBinary.url
        process.arguments = arguments
        let err = Pipe(), input = Pipe()
        process.standardOutput = stdout
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process, String(decoding: stderr, as: UTF8.self))
    }

    private static func corpus(documents: Int) -> Data {
        Data((0..<documents).map { #"{"id":"d\#($0)","text":"\#(sampleArticle.replacingOccurrences(of: "\n", with: ""))"}"# + "\n" }
            .joined().utf8)
    }

    @Test func aFullDiskOnStandardOutputIsAnErrorNotACrash() throws {
        guard let full = FileHandle(forWritingAtPath: "/dev/full") else { return }  // no /dev/full on this system
        let (process, stderr) = try Self.run(["mentions", "-"], stdin: Self.corpus(documents: 50), stdout: full)
        #expect(process.terminationReason == .exit && process.terminationStatus == 1, "\(stderr)")
        #expect(stderr.contains("cannot write to standard output"), "\(stderr)")
        #expect(!stderr.contains("Fatal error"))
    }

    @Test func aClosedPipeEndsKgxQuietlyAsItEndsAnyUnixTool() throws {
        let pipe = Pipe()
        try pipe.fileHandleForReading.close()  // the reader went away, as `head` does
        let (process, stderr) = try Self.run(["mentions", "-"], stdin: Self.corpus(documents: 50), stdout: pipe.fileHandleForWriting)
        #expect(stderr.isEmpty, "\(stderr)")
        let diedOfSIGPIPE = process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGPIPE
        #expect(diedOfSIGPIPE || process.terminationStatus == 141)
    }

    @Test func aDeviceIsNeverReplacedByAnOutputFile() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("a.txt")
        try sampleArticle.write(to: input, atomically: true, encoding: .utf8)
        let result = try KgxBinary.run(["extract", input.path, "-o", "/dev/null", "--format", "graphml"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("not a regular file"), "\(result.stderr)")
        var status = stat()
        #expect(stat("/dev/null", &status) == 0 && status.st_mode & S_IFMT == S_IFCHR)
        let folderOutput = try KgxBinary.run(["extract", input.path, "-o", folder.path, "--format", "graphml"])
        #expect(folderOutput.status == 1 && folderOutput.stderr.contains("folder"), "\(folderOutput.stderr)")
    }

    @Test func anOutputThatIsAnInputIsRefusedAndTheInputKept() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("a.txt")
        try sampleArticle.write(to: input, atomically: true, encoding: .utf8)
        let result = try KgxBinary.run(["extract", input.path, "-o", input.path, "--format", "graphml"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("is the input"), "\(result.stderr)")
        #expect(try String(contentsOf: input, encoding: .utf8) == sampleArticle)
        let inFolder = try KgxBinary.run(["extract", folder.path, "-o", input.path, "--format", "jsonld"])
        #expect(inFolder.status == 1 && inFolder.stderr.contains("is the input"), "\(inFolder.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["a.txt"])
    }

    @Test func anOutputNameNearNAMEMAXIsWritten() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("a.txt")
        try sampleArticle.write(to: input, atomically: true, encoding: .utf8)
        let name = String(repeating: "图", count: 80) + ".graphml"  // 248 bytes: the temporary name must be shortened
        let result = try KgxBinary.run(["extract", input.path, "-o", folder.appendingPathComponent(name).path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: folder.path)) == ["a.txt", name])
    }

    @Test(arguments: [
        (#"{"id":"a","text":"一"}"# + "\n" + #"{"id":"a","text":"二"}"#, "<stdin>:2: duplicate document id 'a' (first at <stdin>:1)"),
        (#"{"id":"a","text":"一""#, "<stdin>:1: not a JSON object"),
        (#"{"id":"a"}"#, "<stdin>:1: missing string field \"text\""),
        (#"{"id":"a","text":"一","referenceDate":"2022-09-15garbage"}"#, "\"referenceDate\" '2022-09-15garbage' is not a date"),
        (#"{"id":["a"],"text":"一"}"#, "\"id\" must be a string or a number"),
    ])
    func aBrokenCorpusOnStandardInputIsReportedNotReadAsText(input: String, message: String) throws {
        let result = try KgxBinary.run(["mentions", "-"], stdin: Data(input.utf8))
        #expect(result.status == 1)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stdout.isEmpty || !String(decoding: result.stdout, as: UTF8.self).contains(#""id":"stdin""#))
    }

    @Test func aByteOrderMarkInsideAJSONStringKeepsItsOffset() throws {
        // U+FEFF at the start of the text and after an escape: both are characters of the text as given.
        let line = "{\"id\":\"a\",\"text\":\"\u{FEFF}\\n\u{FEFF}国务院办公厅印发《通知》。\"}\n"
        let result = try KgxBinary.run(["mentions", "-"], stdin: Data(line.utf8))
        #expect(result.status == 0, "\(result.stderr)")
        let record = try JSONSerialization.jsonObject(with: result.stdout) as! [String: Any]
        let mentions = record["mentions"] as! [[String: Any]]
        let office = mentions.first { $0["text"] as? String == "国务院办公厅" }
        #expect(office?["start"] as? Int == 3)
    }

    @Test func anInterruptedWriteLeavesNoTemporaryFile() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let corpus = folder.appendingPathComponent("c.jsonl")
        try Self.corpus(documents: 400).write(to: corpus)
        let output = folder.appendingPathComponent("g.jsonld")
        let process = Process()
        process.executableURL = KgxBinary.url
        process.arguments = ["extract", corpus.path, "-o", output.path]
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait for the temporary file to appear, then interrupt: whenever the signal lands, nothing may stay.
        let deadline = Date().addingTimeInterval(120)
        while process.isRunning && Date() < deadline {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            if names.contains(where: { $0.contains(".tmp-") }) { break }
            usleep(200)
        }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".tmp-") }
        #expect(left.isEmpty, "temporary files left: \(left)")
    }

    @Test(arguments: [
        // Billion laughs: each level multiplies the one before.
        """
        <!DOCTYPE graphml [
        <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
        <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
        <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
        ]>
        """,
        // XXE: an external file named as an entity.
        #"<!DOCTYPE graphml [ <!ENTITY c SYSTEM "file:///etc/passwd"> ]>"#,
        // A parameter entity that would pull a DTD from the network.
        #"<!DOCTYPE graphml [ <!ENTITY % p SYSTEM "http://example.invalid/x.dtd"> %p; <!ENTITY c "x"> ]>"#,
    ])
    func aGraphThatDeclaresEntitiesIsRefusedAndNothingIsExpanded(doctype: String) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let graph = folder.appendingPathComponent("g.graphml")
        let body = #"<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><key id="name" for="node" attr.name="name" attr.type="string"/>"#
            + #"<graph edgedefault="directed"><node id="n" name="&c;"><data key="name">&c;</data></node></graph></graphml>"#
        try ("<?xml version=\"1.0\"?>\n" + doctype + "\n" + body).write(to: graph, atomically: true, encoding: .utf8)
        let result = try KgxBinary.run(["query", graph.path, "--entities"])
        #expect(result.status == 1)
        // libxml2 refuses some of these itself (a reference loop, an external entity in an attribute);
        // the rest kgx refuses because they declare entities. Either way: a message and no content.
        #expect(result.stderr.contains("malformed XML"), "\(result.stderr)")
        #expect(!result.stderr.contains("root:"))
        #expect(result.stdout.isEmpty)
    }

    @Test func hostileShapesGiveBoundedEvidence() throws {
        // No full stop in 30,000 characters, a run of 3,000 亿 and a list of 5,000 names: each sentence
        // (and so each piece of evidence) stays within the bound, and the run of scales is no figure.
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let clauses = Array(repeating: "国务院召开常务会议，研究部署经济工作", count: 1_500).joined(separator: "，")
        let list = Array(repeating: ["外交部", "教育部", "商务部", "财政部"], count: 1_250).flatMap { $0 }.joined(separator: "、")
        let text = clauses + "\n" + String(repeating: "亿", count: 3_000) + "\n" + list + "等部门参加。"
        let input = folder.appendingPathComponent("hostile.txt")
        try text.write(to: input, atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent("g.jsonld")
        let result = try KgxBinary.run(["extract", input.path, "-o", output.path])
        #expect(result.status == 0, "\(result.stderr)")
        let graph = try String(contentsOf: output, encoding: .utf8)
        #expect(graph.contains("国务院") && graph.contains("教育部"))
        let sentences = graph.components(separatedBy: #""sentence": ""#).dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(!sentences.isEmpty)
        #expect(sentences.allSatisfy { $0.unicodeScalars.count <= 600 })
        #expect(!graph.contains("亿亿"))
    }

    @Test(arguments: ["text", "jsonl", "graphml", "jsonld"])
    func everyInputTheFuzzersKeptStillPasses(target: String) throws {
        // Tests/FuzzCorpus holds what libFuzzer found (scripts/fuzz.sh), crashes it once found included;
        // the plain build of the harness replays it with every check the harness makes.
        let fuzz = KgxBinary.url.deletingLastPathComponent().appendingPathComponent("kgx-fuzz")
        try #require(FileManager.default.isExecutableFile(atPath: fuzz.path), "kgx-fuzz is built with the tests")
        let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("FuzzCorpus/\(target)")
        let process = Process()
        process.executableURL = fuzz
        process.arguments = [target, corpus.path]
        let err = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = err
        try process.run()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0 && process.terminationReason == .exit, "\(stderr.prefix(2000))")
    }

    @Test func concurrentWritersLeaveOneCompleteGraphAndNoTemporaryFile() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let corpus = folder.appendingPathComponent("c.jsonl")
        try Self.corpus(documents: 60).write(to: corpus)
        let output = folder.appendingPathComponent("g.graphml")
        let writers = (0..<4).map { _ -> Process in
            let process = Process()
            process.executableURL = KgxBinary.url
            process.arguments = ["extract", corpus.path, "-o", output.path]
            process.standardError = FileHandle.nullDevice
            return process
        }
        for writer in writers { try writer.run() }
        for writer in writers { writer.waitUntilExit() }
        #expect(writers.allSatisfy { $0.terminationStatus == 0 })
        // Each rename replaced the whole file: what is there is one writer's complete graph.
        let graph = try GraphMLReader().graph(contentsOf: output.path)
        #expect(!graph.entities.isEmpty)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(Set(names) == ["c.jsonl", "g.graphml"], "left: \(names)")
    }

    @Test func aFullDiskKeepsTheOldFileAndLeavesNoTemporaryOne() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let small = folder.appendingPathComponent("small")
        try FileManager.default.createDirectory(at: small, withIntermediateDirectories: true)
        // A 64 KB tmpfs, where the machine lets the tests mount one (root on Linux); elsewhere /dev/full
        // on standard output (aFullDiskOnStandardOutputIsAnErrorNotACrash) covers the write error.
        let mount = Process()
        mount.executableURL = URL(fileURLWithPath: "/bin/mount")
        mount.arguments = ["-t", "tmpfs", "-o", "size=64k", "tmpfs", small.path]
        mount.standardError = FileHandle.nullDevice
        guard (try? mount.run()) != nil else { return }
        mount.waitUntilExit()
        guard mount.terminationStatus == 0 else { return }
        defer {
            let umount = Process()
            umount.executableURL = URL(fileURLWithPath: "/bin/umount")
            umount.arguments = [small.path]
            try? umount.run()
            umount.waitUntilExit()
        }
        let output = small.appendingPathComponent("g.jsonld")
        try Data("the old graph".utf8).write(to: output)
        let corpus = folder.appendingPathComponent("c.jsonl")
        try Self.corpus(documents: 40).write(to: corpus)
        let result = try KgxBinary.run(["extract", corpus.path, "-o", output.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("cannot write") && result.stderr.contains(output.path), "\(result.stderr)")
        #expect(String(decoding: try Data(contentsOf: output), as: UTF8.self) == "the old graph")
        #expect(try FileManager.default.contentsOfDirectory(atPath: small.path) == ["g.jsonld"])
    }
}
