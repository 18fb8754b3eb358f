// libFuzzer harnesses for the four ways bytes enter kgx: text through the whole pipeline, JSON Lines
// corpora, GraphML and JSON-LD graphs. Each harness also checks what must hold for any input (offsets
// inside the text, a graph read back as it was written) and traps when it does not, so libFuzzer
// records the input as a crash.
//
//   scripts/fuzz.sh TARGET [RUNS]           fuzz (TARGET: text, jsonl, graphml, jsonld)
//   kgx-fuzz TARGET FILE|FOLDER ...         replay inputs in a plain build (what CI and tests do)
//
// Built with `-sanitize=fuzzer,address -DFUZZING`, libFuzzer supplies `main` and reads the target from
// KGX_FUZZ_TARGET.
import Foundation
import KGExport
import KGExtraction
import KGInput
import KGModel

enum Harness: String, CaseIterable {
    case text, jsonl, graphml, jsonld

    /// The bundled lexicon, loaded once per process rather than once per input.
    nonisolated(unsafe) static let extractor = Extractor()

    func run(_ bytes: [UInt8]) {
        switch self {
        case .text: Self.text(bytes)
        case .jsonl: Self.jsonLines(bytes)
        case .graphml: Self.graph(bytes, read: { try GraphMLReader().graph(from: $0) }, write: { try GraphMLWriter().data(for: $0) })
        case .jsonld: Self.graph(bytes, read: { try JSONLDReader().graph(from: $0) }, write: { try JSONLDWriter().data(for: $0) })
        }
    }

    private static func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
        if !condition() { fatalError("kgx-fuzz: \(message())") }
    }

    /// Any text through the whole extraction: mentions, sentences and provenance inside the text.
    private static func text(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        let length = text.unicodeScalars.count
        let result = extractor.extract(documentID: "fuzz", text: text, referenceDate: CalendarDate(year: 2022, month: 9, day: 15))
        for mention in result.mentions {
            require(mention.range.lowerBound >= 0 && mention.range.upperBound <= result.text.scalars.count, "mention \(mention.range) outside the text")
        }
        for sentence in result.text.sentences { require(sentence.count <= 600, "a sentence of \(sentence.count) scalars") }
        for entity in result.graph.entities {
            for provenance in entity.mentions {
                require(provenance.start >= 0 && provenance.start <= provenance.end && provenance.end <= length,
                        "provenance \(provenance.start)..<\(provenance.end) outside a text of \(length)")
            }
        }
        // Writing and reading graphs back is the graphml and jsonld harnesses' work (they write every graph
        // they read, names of any bytes included); here it would cost more than the extraction itself.
    }

    /// A graph kgx wrote reads back with the same entities and relations.
    private static func roundTrip(_ graph: Graph, write: (Graph) throws -> [UInt8], read: ([UInt8]) throws -> Graph) {
        let bytes: [UInt8]
        do { bytes = try write(graph) } catch { fatalError("kgx-fuzz: cannot write a graph: \(error)") }
        let back: Graph
        do { back = try read(bytes) } catch { fatalError("kgx-fuzz: cannot read back what was written: \(error)") }
        require(Set(back.entitiesByID.keys) == Set(graph.entitiesByID.keys), "entities differ after a round trip")
        require(back.relations.count == graph.relations.count, "relations differ after a round trip")
    }

    /// Any bytes as a JSON Lines stream, in chunks of a size the input chooses, and as one JSON value.
    private static func jsonLines(_ bytes: [UInt8]) {
        let chunk = 1 + Int(bytes.first ?? 0) % 13
        var ids = Set<String>()
        do {
            try InputReader.forEachDocument(in: LineReader(bytes: bytes, chunkSize: chunk), name: "fuzz", id: "fuzz", kind: .detect) { document, _ in
                ids.insert(document.id)
            }
        } catch is InputError {
            // a clear error is a right answer
        } catch {
            fatalError("kgx-fuzz: unexpected error \(error)")
        }
        _ = try? JSONValue.parse(bytes)
    }

    /// Any bytes as a graph; a graph that reads must write and read back the same.
    private static func graph(_ bytes: [UInt8], read: ([UInt8]) throws -> Graph, write: (Graph) throws -> [UInt8]) {
        guard let graph = try? read(bytes) else { return }
        roundTrip(graph, write: write, read: read)
    }
}

#if FUZZING
nonisolated(unsafe) private let selected: Harness = {
    guard let name = ProcessInfo.processInfo.environment["KGX_FUZZ_TARGET"], let harness = Harness(rawValue: name) else {
        fatalError("kgx-fuzz: set KGX_FUZZ_TARGET to one of \(Harness.allCases.map(\.rawValue).joined(separator: ", "))")
    }
    return harness
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    selected.run(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
}

/// libFuzzer's entry point for programs that own `main`.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// SwiftPM links an executable target with `main` defined as `<module>_main`; this one hands the
/// command line to libFuzzer.
@_cdecl("kgx_fuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments, fuzzOneInput)
}
#else
@main
enum Replay {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard let name = arguments.first, let harness = Harness(rawValue: name), arguments.count > 1 else {
            FileHandle.standardError.write(Data("usage: kgx-fuzz text|jsonl|graphml|jsonld FILE|FOLDER ...\n".utf8))
            exit(2)
        }
        var count = 0
        for path in arguments.dropFirst() {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                FileHandle.standardError.write(Data("kgx-fuzz: \(path): no such file or folder\n".utf8))
                exit(1)
            }
            let files = isFolder.boolValue
                ? ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted().map { (path as NSString).appendingPathComponent($0) }
                : [path]
            for file in files {
                guard let data = FileManager.default.contents(atPath: file) else { continue }
                harness.run(Array(data))
                count += 1
            }
        }
        print("kgx-fuzz \(name): \(count) inputs replayed, no failure")
    }
}
#endif
