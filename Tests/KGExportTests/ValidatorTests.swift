import Foundation
import KGModel
import Testing

import KGExport

/// Runs the project's independent validator (`../shared/validators`, Python) on the writers' output.
/// Skipped where the validator or python3 is not installed.
@Suite struct ValidatorTests {
    static let validator = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/validators/validate_graph.py")
    /// The validator's packages may live in a pyenv or virtualenv, so python3 is looked up on PATH.
    static let available: Bool = {
        guard FileManager.default.fileExists(atPath: validator.path) else { return false }
        let probe = try? run(["python3", "-c", "import lxml, networkx, igraph, rdflib, pyld"])
        return probe?.status == 0
    }()

    @Test(.enabled(if: available, "python3 with the validator's packages, or ../shared/validators, not found"))
    func sampleExportPassesWithoutWarnings() throws {
        // KGX_SAMPLE_DIR keeps the files (e.g. /tmp) for a manual look; otherwise a temporary directory.
        let keep = ProcessInfo.processInfo.environment["KGX_SAMPLE_DIR"]
        let directory = try keep.map { URL(fileURLWithPath: $0) } ?? Fixtures.temporaryDirectory()
        defer { if keep == nil { try? FileManager.default.removeItem(at: directory) } }
        let graphML = directory.appendingPathComponent("kgx-sample.graphml").path
        let jsonLD = directory.appendingPathComponent("kgx-sample.jsonld").path
        try GraphMLWriter().write(Fixtures.graph, to: graphML)
        try JSONLDWriter(sourceTexts: Fixtures.sourceTexts).write(Fixtures.graph, to: jsonLD)

        var arguments = [Self.validator.path, graphML, jsonLD]
        for (document, text) in Fixtures.sourceTexts.sorted(by: { $0.key < $1.key }) {
            let file = directory.appendingPathComponent("source-\(KGXIRI.percentEncoded(document)).txt")
            try Data(text.utf8).write(to: file)
            arguments += ["--source-text", "\(KGXIRI.document(document))=\(file.path)"]
        }
        let (status, output) = try Self.run(["python3"] + arguments)
        #expect(status == 0, "\(output)")
        #expect(output.contains("RESULT: PASS  (0 error(s), 0 warning(s))"), "\(output)")
        #expect(output.contains("verified against --source-text"), "\(output)")
        #expect(output.contains("all 8 GraphML node IRIs ('iri') are JSON-LD node @ids"), "\(output)")
    }

    private static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }
}
