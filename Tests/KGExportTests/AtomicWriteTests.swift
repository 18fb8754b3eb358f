import Foundation
import KGModel
import Testing

@testable import KGExport

@Suite struct AtomicWriteTests {
    private func entries(_ directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    }

    @Test(arguments: ["graphml", "jsonld"])
    func missingDirectoryThrowsAndCreatesNothing(format: String) throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let missing = directory.appendingPathComponent("does-not-exist")
        let path = missing.appendingPathComponent("out.\(format)").path
        #expect {
            if format == "graphml" { try GraphMLWriter().write(Fixtures.graph, to: path) } else { try JSONLDWriter().write(Fixtures.graph, to: path) }
        } throws: { error in
            guard case .cannotWrite(let errorPath, let reason) = error as? GraphExportError else { return false }
            return errorPath == path && reason.contains("No such file")
        }
        #expect(!FileManager.default.fileExists(atPath: missing.path))
        #expect(try entries(directory).isEmpty)
    }

    @Test func failedWriteKeepsTheOldFileAndLeavesNoTemporaryFile() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("out.graphml").path
        try Data("old".utf8).write(to: URL(fileURLWithPath: path))

        struct Interrupted: Error {}
        #expect(throws: Interrupted.self) {
            try FileIO.writeAtomically(to: path) { descriptor in
                try FileIO.writeAll(Array("partial".utf8), to: descriptor, path: path)
                throw Interrupted()
            }
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old")
        #expect(try entries(directory) == ["out.graphml"])

        let a = Entity(id: EntityID(rawValue: "a"), type: .person, name: "A")
        let dangling = Graph(entities: [a], relations: [Relation(predicate: "visited", subject: a.id, object: EntityID(rawValue: "b"))])
        #expect(throws: GraphExportError.self) { try GraphMLWriter().write(dangling, to: path) }
        #expect(throws: GraphExportError.self) { try JSONLDWriter().write(dangling, to: path) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old")
        #expect(try entries(directory) == ["out.graphml"])
    }

    @Test func replacesAnExistingFile() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let graphML = directory.appendingPathComponent("out.graphml").path
        let jsonLD = directory.appendingPathComponent("out.jsonld").path
        try Data("old".utf8).write(to: URL(fileURLWithPath: graphML))
        try GraphMLWriter().write(Fixtures.graph, to: graphML)
        try JSONLDWriter().write(Fixtures.graph, to: jsonLD)
        #expect(try entries(directory) == ["out.graphml", "out.jsonld"])
        #expect(try GraphMLReader().graph(contentsOf: graphML) == Fixtures.graph)
        #expect(try JSONLDReader().graph(contentsOf: jsonLD) == Fixtures.graph)
    }

    @Test func rejectsDirectoryPaths() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(throws: GraphExportError.self) { try GraphMLWriter().write(Fixtures.graph, to: directory.path + "/") }
        #expect(throws: GraphExportError.self) { try GraphMLWriter().write(Fixtures.graph, to: directory.path) }
        #expect(try entries(directory).isEmpty)
    }
}
