import Foundation
import KGExtraction

/// A command-line failure: one line on stderr and a non-zero exit.
struct CLIError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// One input document.
struct InputDocument {
    var id: String
    var text: String
    var referenceDate: CalendarDate?
}

/// Reads the documents named on the command line: files, folders of `.txt` files, `-` for standard
/// input, and JSON Lines corpora (`.jsonl`, one `{"id", "text", "referenceDate"?}` per line).
enum InputReader {
    /// Calls `body` for each document in order, without holding more than one JSON Lines record.
    static func forEachDocument(in inputs: [String], _ body: (InputDocument) throws -> Void) throws {
        for input in inputs {
            if input == "-" {
                try forEachDocument(in: FileHandle.standardInput, name: "<stdin>", id: "stdin", body)
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) else {
                throw CLIError("\(input): no such file or folder")
            }
            if isDirectory.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: input)) ?? []
                let texts = names.filter { $0.hasSuffix(".txt") }.sorted()
                guard !texts.isEmpty else { throw CLIError("\(input): folder holds no .txt files") }
                for name in texts {
                    let path = (input as NSString).appendingPathComponent(name)
                    try body(InputDocument(id: name, text: try readText(path), referenceDate: nil))
                }
            } else {
                guard let handle = FileHandle(forReadingAtPath: input) else { throw CLIError("\(input): cannot read the file") }
                defer { try? handle.close() }
                let forced = input.hasSuffix(".jsonl") || input.hasSuffix(".ndjson")
                try forEachDocument(in: handle, name: input, id: (input as NSString).lastPathComponent, forceJSONLines: forced, body)
            }
        }
    }

    /// A stream is JSON Lines when its extension says so or when its first line is a JSON object with
    /// a "text" field; otherwise it is one plain-text document.
    private static func forEachDocument(
        in handle: FileHandle, name: String, id: String, forceJSONLines: Bool = false, _ body: (InputDocument) throws -> Void
    ) throws {
        let reader = LineReader(handle: handle)
        var head: [UInt8] = []
        repeat {
            let chunk = handle.readData(ofLength: reader.chunkSize)
            if chunk.isEmpty { break }
            head.append(contentsOf: chunk)
        } while !head.contains(0x0A) && head.count < (1 << 24)
        let firstLine = Array(head.prefix { $0 != 0x0A })
        let looksLikeJSONLines = firstLine.first(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D && $0 != 0xEF && $0 != 0xBB && $0 != 0xBF }) == UInt8(ascii: "{")
            && ((try? JSONSerialization.jsonObject(with: Data(firstLine))) as? [String: Any])?["text"] is String
        if forceJSONLines || looksLikeJSONLines {
            try forEachJSONLine(reader: reader, prefix: head, name: name, body)
        } else {
            var bytes = head
            while true {
                let chunk = handle.readData(ofLength: reader.chunkSize)
                if chunk.isEmpty { break }
                bytes.append(contentsOf: chunk)
            }
            try body(InputDocument(id: id, text: try decodeUTF8(bytes, source: name), referenceDate: nil))
        }
    }

    static func readText(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else { throw CLIError("\(path): cannot read the file") }
        return try decodeUTF8(Array(data), source: path)
    }

    /// Decodes UTF-8, naming the byte offset of the first invalid sequence.
    static func decodeUTF8(_ bytes: [UInt8], source: String, line: Int? = nil) throws -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var offset = 0
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: break loop
            case .error: break loop
            }
        }
        let place = line.map { "\(source):\($0)" } ?? source
        throw CLIError("\(place): invalid UTF-8 at byte offset \(offset)")
    }

    /// Reads a JSON Lines corpus one line at a time; `prefix` holds bytes already read from the stream.
    static func forEachJSONLine(reader: LineReader, prefix: [UInt8], name path: String, _ body: (InputDocument) throws -> Void) throws {
        var lineNumber = 0
        var sawDocument = false
        try reader.forEachLine(startingWith: prefix) { bytes in
            lineNumber += 1
            let line = try decodeUTF8(bytes, source: path, line: lineNumber)
            if line.allSatisfy(\.isWhitespace) { return }
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                throw CLIError("\(path):\(lineNumber): not a JSON object")
            }
            guard let text = object["text"] as? String else { throw CLIError("\(path):\(lineNumber): missing string field \"text\"") }
            let id: String
            switch object["id"] {
            case let string as String: id = string
            case let number as NSNumber: id = number.stringValue
            case nil: id = "\((path as NSString).lastPathComponent):\(lineNumber)"
            default: throw CLIError("\(path):\(lineNumber): \"id\" must be a string or a number")
            }
            var reference: CalendarDate?
            if let value = object["referenceDate"], !(value is NSNull) {
                guard let string = value as? String, let date = CalendarDate(iso: String(string.prefix(10))) else {
                    throw CLIError("\(path):\(lineNumber): \"referenceDate\" must be a date YYYY-MM-DD")
                }
                reference = date
            }
            sawDocument = true
            try body(InputDocument(id: id, text: text, referenceDate: reference))
        }
        if !sawDocument { throw CLIError("\(path): no documents (empty JSON Lines file)") }
    }
}

/// Splits a file into lines (without the newline) reading fixed-size chunks.
struct LineReader {
    let handle: FileHandle
    var chunkSize = 1 << 16

    func forEachLine(startingWith prefix: [UInt8] = [], _ body: ([UInt8]) throws -> Void) throws {
        var pending: [UInt8] = []
        var first: [UInt8]? = prefix
        while true {
            let chunk: [UInt8]
            if let given = first {
                chunk = given
                first = nil
                if chunk.isEmpty { continue }
            } else {
                let data = handle.readData(ofLength: chunkSize)
                if data.isEmpty { break }
                chunk = Array(data)
            }
            var start = pending.count
            pending.append(contentsOf: chunk)
            var lineStart = 0
            while let newline = pending[start...].firstIndex(of: 0x0A) {
                var end = newline
                if end > lineStart && pending[end - 1] == 0x0D { end -= 1 }
                try body(Array(pending[lineStart..<end]))
                lineStart = newline + 1
                start = lineStart
            }
            pending.removeFirst(lineStart)
        }
        if !pending.isEmpty { try body(pending) }
    }
}
