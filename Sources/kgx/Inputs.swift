import Foundation
import KGExport
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
    ///
    /// Document ids must be unique across all inputs: the graph merges facts by document, so two
    /// documents under one id would mix their offsets.
    static func forEachDocument(in inputs: [String], _ body: (InputDocument) throws -> Void) throws {
        var seen: [String: String] = [:]  // id → where it was first read
        func accept(_ document: InputDocument, at place: String) throws {
            if let first = seen[document.id] {
                throw CLIError("\(place): duplicate document id '\(document.id)' (first at \(first)); ids must be unique")
            }
            seen[document.id] = place
            try body(document)
        }
        for input in inputs {
            if input == "-" {
                try forEachDocument(in: FileHandle.standardInput, name: "<stdin>", id: "stdin", kind: .detect, accept)
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
                    try accept(InputDocument(id: name, text: try readText(path), referenceDate: nil), at: path)
                }
            } else {
                guard let handle = FileHandle(forReadingAtPath: input) else { throw CLIError("\(input): cannot read the file") }
                defer { try? handle.close() }
                let kind: StreamKind = input.hasSuffix(".jsonl") || input.hasSuffix(".ndjson") ? .jsonLines
                    : input.hasSuffix(".txt") ? .text : .detect
                try forEachDocument(in: handle, name: input, id: (input as NSString).lastPathComponent, kind: kind, accept)
            }
        }
    }

    /// Refuses an output path that names one of the inputs (or a `.txt` inside an input folder):
    /// the graph would replace the text it was made from.
    static func refuseOverwriting(_ output: String, inputs: [String]) throws {
        var target = stat()
        guard stat(output, &target) == 0 else { return }  // a new file replaces nothing
        func isTarget(_ path: String) -> Bool {
            var status = stat()
            return stat(path, &status) == 0 && status.st_dev == target.st_dev && status.st_ino == target.st_ino
        }
        for input in inputs where input != "-" {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory), isDirectory.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: input)) ?? []
                if let name = names.first(where: { $0.hasSuffix(".txt") && isTarget((input as NSString).appendingPathComponent($0)) }) {
                    throw CLIError("\(output): is the input \((input as NSString).appendingPathComponent(name)); choose another output file")
                }
            } else if isTarget(input) {
                throw CLIError("\(output): is the input \(input); choose another output file")
            }
        }
    }

    /// How a stream is read: by its extension, or (standard input, other names) by its first byte.
    enum StreamKind { case text, jsonLines, detect }

    /// A stream whose first byte other than white space or a byte-order mark is `{` is JSON Lines, and
    /// then every line must be a record: a broken corpus is reported, never read as one text.
    private static func forEachDocument(
        in handle: FileHandle, name: String, id: String, kind: StreamKind, _ body: (InputDocument, String) throws -> Void
    ) throws {
        let reader = LineReader(handle: handle)
        var head: [UInt8] = []
        var firstByte: UInt8?
        if kind == .detect {
            while firstByte == nil {
                let chunk = handle.readData(ofLength: reader.chunkSize)
                if chunk.isEmpty { break }
                head.append(contentsOf: chunk)
                firstByte = head.first { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }
            }
        }
        if kind == .jsonLines || (kind == .detect && firstByte == UInt8(ascii: "{")) {
            try forEachJSONLine(reader: reader, prefix: head, name: name, detected: kind == .detect, body)
        } else {
            var bytes = head
            while true {
                let chunk = handle.readData(ofLength: reader.chunkSize)
                if chunk.isEmpty { break }
                bytes.append(contentsOf: chunk)
            }
            try body(InputDocument(id: id, text: try decodeUTF8(bytes, source: name), referenceDate: nil), name)
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
    static func forEachJSONLine(
        reader: LineReader, prefix: [UInt8], name path: String, detected: Bool = false,
        _ body: (InputDocument, String) throws -> Void
    ) throws {
        var lineNumber = 0
        var sawDocument = false
        let hint = detected ? " (the input starts with '{', so it is read as JSON Lines)" : ""
        try reader.forEachLine(startingWith: prefix) { bytes in
            lineNumber += 1
            let place = "\(path):\(lineNumber)"
            _ = try decodeUTF8(bytes, source: path, line: lineNumber)
            if bytes.allSatisfy({ [0x20, 0x09, 0x0D].contains($0) }) { return }
            let record: JSONValue
            do {
                record = try JSONValue.parse(bytes)
            } catch let error as JSONValue.ParseError {
                let reason = error.message.replacingOccurrences(of: "line 1: ", with: "")
                throw CLIError("\(place): not a JSON object: \(reason)\(hint)")
            }
            guard case .object = record else { throw CLIError("\(place): not a JSON object\(hint)") }
            guard let text = record["text"]?.stringValue else {
                throw CLIError("\(place): missing string field \"text\"\(hint)")
            }
            let id: String
            switch record["id"] {
            case .string(let string)?: id = string
            case .integer(let number)?: id = String(number)
            case .number(let number)?: id = number
            case nil: id = "\((path as NSString).lastPathComponent):\(lineNumber)"
            default: throw CLIError("\(place): \"id\" must be a string or a number")
            }
            var reference: CalendarDate?
            switch record["referenceDate"] {
            case nil, .null?: break
            case .string(let string)?:
                // A date, or a date-time whose time kgx ignores (2022-09-15T08:00:00+08:00).
                let day = string.count > 10 && string.dropFirst(10).first == "T" ? String(string.prefix(10)) : string
                guard let date = CalendarDate(iso: day) else {
                    throw CLIError("\(place): \"referenceDate\" '\(string)' is not a date YYYY-MM-DD")
                }
                reference = date
            default: throw CLIError("\(place): \"referenceDate\" must be a date YYYY-MM-DD")
            }
            sawDocument = true
            try body(InputDocument(id: id, text: text, referenceDate: reference), place)
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
