import Foundation
import KGExport
import KGExtraction

/// An input that cannot be read as given: the description names the file (and line) and what is wrong.
public struct InputError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// One input document.
public struct InputDocument: Sendable {
    public var id: String
    public var text: String
    /// The date relative expressions resolve against, when the corpus gives one.
    public var referenceDate: CalendarDate?

    public init(id: String, text: String, referenceDate: CalendarDate? = nil) {
        self.id = id
        self.text = text
        self.referenceDate = referenceDate
    }
}

/// Reads the documents named on the command line: files, folders of `.txt` files, `-` for standard
/// input, and JSON Lines corpora (`.jsonl`, one `{"id", "text", "referenceDate"?}` per line).
public enum InputReader {
    /// Calls `body` for each document in order, without holding more than one JSON Lines record.
    ///
    /// Document ids must be unique across all inputs: the graph merges facts by document, so two
    /// documents under one id would mix their offsets.
    public static func forEachDocument(in inputs: [String], _ body: (InputDocument) throws -> Void) throws {
        var seen: [String: String] = [:]  // id → where it was first read
        func accept(_ document: InputDocument, at place: String) throws {
            if let first = seen[document.id] {
                throw InputError("\(place): duplicate document id '\(document.id)' (first at \(first)); ids must be unique")
            }
            seen[document.id] = place
            try body(document)
        }
        for input in inputs {
            if input == "-" {
                try forEachDocument(in: LineReader(handle: FileHandle.standardInput), name: "<stdin>", id: "stdin", kind: .detect, accept)
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) else {
                throw InputError("\(input): no such file or folder")
            }
            if isDirectory.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: input)) ?? []
                let texts = names.filter { $0.hasSuffix(".txt") }.sorted()
                guard !texts.isEmpty else { throw InputError("\(input): folder holds no .txt files") }
                for name in texts {
                    let path = (input as NSString).appendingPathComponent(name)
                    try accept(InputDocument(id: name, text: try readText(path), referenceDate: nil), at: path)
                }
            } else {
                if let what = notText[(input as NSString).pathExtension.lowercased()] {
                    throw InputError("\(input): \(what), not text; kgx reads UTF-8 text, folders of .txt files and JSON Lines corpora")
                }
                guard let handle = FileHandle(forReadingAtPath: input) else { throw InputError("\(input): cannot read the file") }
                defer { try? handle.close() }
                let kind: StreamKind = input.hasSuffix(".jsonl") || input.hasSuffix(".ndjson") ? .jsonLines
                    : input.hasSuffix(".txt") ? .text : .detect
                try forEachDocument(in: LineReader(handle: handle), name: input, id: (input as NSString).lastPathComponent, kind: kind, accept)
            }
        }
    }

    /// Extensions of files that are certainly not text, with what they are.
    static let notText: [String: String] = [
        "graphml": "a graph (read it with kgx query)", "jsonld": "a graph (read it with kgx query)",
        "docx": "a Word document (save it as UTF-8 text)", "doc": "a Word document (save it as UTF-8 text)",
        "pdf": "a PDF (convert it to text, e.g. with pdftotext)", "xlsx": "a spreadsheet", "zip": "an archive",
    ]

    /// Refuses an output path that names one of the inputs (or a `.txt` inside an input folder):
    /// the graph would replace the text it was made from.
    public static func refuseOverwriting(_ output: String, inputs: [String]) throws {
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
                    throw InputError("\(output): is the input \((input as NSString).appendingPathComponent(name)); choose another output file")
                }
            } else if isTarget(input) {
                throw InputError("\(output): is the input \(input); choose another output file")
            }
        }
    }

    /// How a stream is read: by its extension, or (standard input, other names) by its first byte.
    public enum StreamKind { case text, jsonLines, detect }

    /// A stream whose first byte other than white space or a byte-order mark is `{` is JSON Lines, and
    /// then every line must be a record: a broken corpus is reported, never read as one text.
    /// `body` receives each document with the place it was read from (`name`, or `name:line`).
    public static func forEachDocument(
        in reader: LineReader, name: String, id: String, kind: StreamKind, _ body: (InputDocument, String) throws -> Void
    ) throws {
        var head: [UInt8] = []
        var firstByte: UInt8?
        if kind == .detect {
            while firstByte == nil {
                let chunk = reader.readChunk()
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
                let chunk = reader.readChunk()
                if chunk.isEmpty { break }
                bytes.append(contentsOf: chunk)
            }
            try body(InputDocument(id: id, text: try decodeUTF8(bytes, source: name), referenceDate: nil), name)
        }
    }

    public static func readText(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else { throw InputError("\(path): cannot read the file") }
        return try decodeUTF8(Array(data), source: path)
    }

    /// Decodes UTF-8, naming the byte offset of the first invalid sequence.
    public static func decodeUTF8(_ bytes: [UInt8], source: String, line: Int? = nil) throws -> String {
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
        throw InputError("\(place): invalid UTF-8 at byte offset \(offset)" + likelyEncodingHint(bytes))
    }

    /// What bytes that are not UTF-8 probably are, and how to convert them: GBK/GB18030 when nearly every
    /// byte above 0x80 pairs up as a GBK character, a Word or PDF file by its signature.
    static func likelyEncodingHint(_ bytes: [UInt8]) -> String {
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) || bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            return " (this looks like a Word or Office file: save it as UTF-8 text)"
        }
        if bytes.starts(with: Array("%PDF".utf8)) { return " (this looks like a PDF: convert it to text, e.g. with pdftotext)" }
        var pairs = 0, strays = 0, i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            if (0x81...0xFE).contains(b), i + 1 < bytes.count, (0x40...0xFE).contains(bytes[i + 1]), bytes[i + 1] != 0x7F {
                pairs += 1
                i += 2
            } else {
                strays += 1
                i += 1
            }
        }
        guard pairs >= 2, strays * 20 <= pairs else { return "" }
        return " (this looks like GBK/GB18030: convert it with iconv -f gb18030 -t utf-8)"
    }

    /// Reads a JSON Lines corpus one line at a time; `prefix` holds bytes already read from the stream.
    public static func forEachJSONLine(
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
                throw InputError("\(place): not a JSON object: \(reason)\(hint)")
            }
            guard case .object = record else { throw InputError("\(place): not a JSON object\(hint)") }
            guard let text = record["text"]?.stringValue else {
                throw InputError("\(place): missing string field \"text\"\(hint)")
            }
            let id: String
            switch record["id"] {
            case .string(let string)?: id = string
            case .integer(let number)?: id = String(number)
            case .number(let number)?: id = number
            case nil: id = "\((path as NSString).lastPathComponent):\(lineNumber)"
            default: throw InputError("\(place): \"id\" must be a string or a number")
            }
            var reference: CalendarDate?
            switch record["referenceDate"] {
            case nil, .null?: break
            case .string(let string)?:
                // A date, or a date-time whose time kgx ignores (2022-09-15T08:00:00+08:00).
                let day = string.count > 10 && string.dropFirst(10).first == "T" ? String(string.prefix(10)) : string
                guard let date = CalendarDate(iso: day) else {
                    throw InputError("\(place): \"referenceDate\" '\(string)' is not a date YYYY-MM-DD")
                }
                reference = date
            default: throw InputError("\(place): \"referenceDate\" must be a date YYYY-MM-DD")
            }
            sawDocument = true
            try body(InputDocument(id: id, text: text, referenceDate: reference), place)
        }
        if !sawDocument { throw InputError("\(path): no documents (empty JSON Lines file)") }
    }
}

/// Splits a stream into lines (without the newline and a CR before it), reading fixed-size chunks.
public struct LineReader {
    private let nextChunk: () -> [UInt8]
    public let chunkSize: Int

    /// Lines of a file or pipe.
    public init(handle: FileHandle, chunkSize: Int = 1 << 16) {
        self.chunkSize = chunkSize
        nextChunk = { Array(handle.readData(ofLength: chunkSize)) }
    }

    /// Lines of bytes in memory, handed over `chunkSize` bytes at a time as a file's would be.
    public init(bytes: [UInt8], chunkSize: Int = 1 << 16) {
        self.chunkSize = max(1, chunkSize)
        var offset = 0
        let size = self.chunkSize
        nextChunk = {
            let end = min(bytes.count, offset + size)
            defer { offset = end }
            return Array(bytes[offset..<end])
        }
    }

    /// The next chunk of at most ``chunkSize`` bytes; empty at the end.
    public func readChunk() -> [UInt8] { nextChunk() }

    public func forEachLine(startingWith prefix: [UInt8] = [], _ body: ([UInt8]) throws -> Void) throws {
        var pending: [UInt8] = []
        var first: [UInt8]? = prefix
        while true {
            let chunk: [UInt8]
            if let given = first {
                chunk = given
                first = nil
                if chunk.isEmpty { continue }
            } else {
                chunk = nextChunk()
                if chunk.isEmpty { break }
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
