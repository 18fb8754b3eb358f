import CLibXML2

// The only file in the package that touches libxml2 pointers. Everything else sees Swift values.

/// libxml2 wants `xmlInitParser` once per process before concurrent use; a global `let` runs it once.
private let libxml2Initialized: Void = { xmlInitParser() }()

/// Calls `body` with `text` as a NUL-terminated `xmlChar` string. Callers strip U+0000 first.
private func withXMLString<Result>(_ text: String, _ body: (UnsafePointer<xmlChar>) throws -> Result) rethrows -> Result {
    // A native string is already NUL-terminated UTF-8: no copy.
    try text.withCString { pointer in
        try pointer.withMemoryRebound(to: xmlChar.self, capacity: 1) { try body($0) }
    }
}

private func string(fromXML pointer: UnsafePointer<xmlChar>?) -> String? {
    guard let pointer else { return nil }
    return String(decoding: UnsafeBufferPointer(start: pointer, count: strlenXML(pointer)), as: UTF8.self)
}

private func strlenXML(_ pointer: UnsafePointer<xmlChar>) -> Int {
    var length = 0
    while pointer[length] != 0 { length += 1 }
    return length
}

private func lastErrorMessage(_ error: UnsafeMutablePointer<xmlError>?) -> (message: String, line: Int)? {
    guard let error, error.pointee.code != 0 else { return nil }
    let message = error.pointee.message.map { String(cString: $0) } ?? "error \(error.pointee.code)"
    return (message.trimmingTrailingWhitespace(), Int(error.pointee.line))
}

extension String {
    fileprivate func trimmingTrailingWhitespace() -> String {
        var scalars = unicodeScalars[...]
        while let last = scalars.last, last.properties.isWhitespace { scalars = scalars.dropLast() }
        return String(scalars)
    }
}

/// A forward-only XML writer over libxml2's `xmlTextWriter`: UTF-8, two-space indentation.
///
/// Every string is stripped of XML-illegal characters before libxml2 sees it. The document is complete
/// only after ``finish()``, which frees the libxml2 writer (a flush alone leaves it unterminated).
final class XMLStreamWriter {
    private var writer: xmlTextWriterPtr?
    private let buffer: xmlBufferPtr?

    /// A writer that collects the document in memory; ``finish()`` returns the bytes.
    init() throws {
        _ = libxml2Initialized
        guard let buffer = xmlBufferCreate() else { throw GraphExportError.xmlWriter("xmlBufferCreate failed") }
        guard let writer = xmlNewTextWriterMemory(buffer, 0) else {
            xmlBufferFree(buffer)
            throw GraphExportError.xmlWriter("xmlNewTextWriterMemory failed")
        }
        self.buffer = buffer
        self.writer = writer
        try configure()
    }

    /// A writer that streams to an open file descriptor, which stays open (the caller syncs and closes it).
    init(fileDescriptor: Int32) throws {
        _ = libxml2Initialized
        guard let output = xmlOutputBufferCreateFd(fileDescriptor, nil) else {
            throw GraphExportError.xmlWriter("xmlOutputBufferCreateFd failed")
        }
        guard let writer = xmlNewTextWriter(output) else {
            xmlOutputBufferClose(output)
            throw GraphExportError.xmlWriter("xmlNewTextWriter failed")
        }
        self.buffer = nil
        self.writer = writer
        try configure()
    }

    deinit {
        if let writer { xmlFreeTextWriter(writer) }
        if let buffer { xmlBufferFree(buffer) }
    }

    private func configure() throws {
        try check(xmlTextWriterSetIndent(writer, 1), "xmlTextWriterSetIndent")
        try withXMLString("  ") { try check(xmlTextWriterSetIndentString(writer, $0), "xmlTextWriterSetIndentString") }
    }

    private func check(_ status: Int32, _ operation: @autoclosure () -> String) throws {
        guard status >= 0 else {
            let detail = lastErrorMessage(xmlGetLastError()).map { ": \($0.message)" } ?? ""
            throw GraphExportError.xmlWriter("\(operation()) failed\(detail)")
        }
    }

    private func activeWriter() throws -> xmlTextWriterPtr {
        guard let writer else { throw GraphExportError.xmlWriter("the document is already finished") }
        return writer
    }

    /// Writes the XML declaration (`version="1.0" encoding="UTF-8"`).
    func startDocument() throws {
        try check(xmlTextWriterStartDocument(try activeWriter(), "1.0", "UTF-8", nil), "startDocument")
    }

    func startElement(_ name: String) throws {
        let writer = try activeWriter()
        try withXMLString(XMLText.removingIllegalCharacters(name)) {
            try check(xmlTextWriterStartElement(writer, $0), "startElement <\(name)>")
        }
    }

    /// Writes an attribute of the element just started; libxml2 escapes `&<>"` and tab/newline/CR.
    func attribute(_ name: String, _ value: String) throws {
        let writer = try activeWriter()
        try withXMLString(XMLText.removingIllegalCharacters(name)) { name in
            try withXMLString(XMLText.removingIllegalCharacters(value)) { value in
                try check(xmlTextWriterWriteAttribute(writer, name, value), "attribute \(String(cString: name))")
            }
        }
    }

    /// Writes character data; libxml2 escapes `&<>` and carriage returns.
    func text(_ content: String) throws {
        let writer = try activeWriter()
        try withXMLString(XMLText.removingIllegalCharacters(content)) {
            try check(xmlTextWriterWriteString(writer, $0), "text")
        }
    }

    func endElement() throws {
        try check(xmlTextWriterEndElement(try activeWriter()), "endElement")
    }

    /// Writes `<name attributes…>text</name>` on one line, the shape of a GraphML `<data>` element.
    func element(_ name: String, attributes: [(String, String)] = [], text content: String? = nil) throws {
        try startElement(name)
        for (attributeName, value) in attributes { try attribute(attributeName, value) }
        if let content { try text(content) }
        try endElement()
    }

    /// Closes open elements, flushes and frees the libxml2 writer. Returns the document for an
    /// in-memory writer and an empty array for a file-descriptor writer.
    func finish() throws -> [UInt8] {
        let writer = try activeWriter()
        try check(xmlTextWriterEndDocument(writer), "endDocument")
        try check(xmlTextWriterFlush(writer), "flush")
        xmlFreeTextWriter(writer)
        self.writer = nil
        guard let buffer, let content = xmlBufferContent(buffer) else { return [] }
        return Array(UnsafeBufferPointer(start: content, count: Int(xmlBufferLength(buffer))))
    }
}

/// An element of a parsed XML document, copied out of libxml2 into plain Swift values.
struct XMLElementNode: Sendable {
    /// Local name, without prefix.
    var name: String
    /// Namespace URI, or nil for an element in no namespace.
    var namespace: String?
    /// Attributes by local name (namespaced attributes such as `xsi:schemaLocation` by local name too).
    var attributes: [String: String]
    var children: [XMLElementNode]
    /// The element's own character data (text and CDATA children, concatenated).
    var text: String
    /// Line of the start tag in the source, for error messages.
    var line: Int

    func children(named name: String) -> [XMLElementNode] { children.filter { $0.name == name } }
}

private final class FirstParseError {
    var error: (message: String, line: Int)?
}

/// Reads XML forward with libxml2's streaming `xmlTextReader`: no document tree is built, so memory
/// stays with what the caller keeps, whatever the size of the file.
///
/// Elements the caller asks to `collect` arrive whole, as an ``XMLElementNode`` subtree (a GraphML
/// `<node>` with its `<data>`); the others arrive as `open` (without children) and `close` events.
/// Network access and entity substitution stay off (`XML_PARSE_NONET`, no `XML_PARSE_NOENT`, no DTD
/// loading), and a document that declares entities is refused, so a file cannot make the reader fetch
/// or expand anything.
enum XMLStreamReader {
    enum Event {
        /// The start of an element that is not collected; `depth` 0 is the root.
        case open(XMLElementNode, depth: Int)
        /// A collected element with everything inside it.
        case element(XMLElementNode, depth: Int)
        /// The end of an element that is not collected.
        case close(name: String, depth: Int)
    }

    /// Reads the document in `bytes`; `fileName` names the source in error messages.
    /// - Throws: ``GraphImportError/malformedXML(file:line:message:)``, or what `handle` throws.
    static func read(
        _ bytes: [UInt8], fileName: String, collect: (_ name: String, _ depth: Int) -> Bool, _ handle: (Event) throws -> Void
    ) throws {
        _ = libxml2Initialized
        kgx_silenceGenericErrors()
        func malformed(_ line: Int, _ message: String) -> GraphImportError {
            .malformedXML(file: fileName, line: line, message: message)
        }
        guard bytes.count < Int(Int32.max) else { throw malformed(0, "document larger than 2 GiB") }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        try bytes.withUnsafeBufferPointer { buffer in
            try buffer.withMemoryRebound(to: CChar.self) { chars in
                guard let reader = xmlReaderForMemory(chars.baseAddress, Int32(chars.count), fileName, nil, options) else {
                    throw malformed(0, "xmlReaderForMemory failed")
                }
                defer { xmlFreeTextReader(reader) }
                // libxml2 keeps only the last error, usually a consequence ("Premature end of data") of
                // the first one; a structured handler records the first.
                let firstError = FirstParseError()
                let recorder = Unmanaged.passRetained(firstError)
                defer { recorder.release() }
                xmlTextReaderSetStructuredErrorHandler(reader, { userData, error in
                    guard let userData, let error, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
                    let first = Unmanaged<FirstParseError>.fromOpaque(userData).takeUnretainedValue()
                    if first.error == nil { first.error = lastErrorMessage(error) }
                }, recorder.toOpaque())
                try readEvents(reader, fileName: fileName, firstError: firstError, collect: collect, handle)
            }
        }
    }

    private static func readEvents(
        _ reader: xmlTextReaderPtr, fileName: String, firstError: FirstParseError,
        collect: (String, Int) -> Bool, _ handle: (Event) throws -> Void
    ) throws {
        func malformed(_ line: Int, _ message: String) -> GraphImportError {
            .malformedXML(file: fileName, line: line, message: message)
        }
        func line() -> Int { xmlTextReaderCurrentNode(reader).map { Int(xmlGetLineNo($0)) } ?? 0 }
        // kgx never declares entities. A document that does is refused rather than read with the
        // references left out or expanded: expansion in attribute values happens after parsing, where
        // libxml2's amplification limits no longer apply (billion laughs, external files).
        // The document is reached through the current node: xmlTextReaderCurrentDoc would make the
        // reader keep the whole tree (and leak it unless freed by hand).
        func refuseEntityDeclarations() throws {
            if let subset = xmlTextReaderCurrentNode(reader)?.pointee.doc?.pointee.intSubset,
               subset.pointee.entities != nil || subset.pointee.pentities != nil {
                throw malformed(line(), "the document declares entities in its DOCTYPE; kgx reads XML without entity declarations")
            }
        }
        var open: [XMLElementNode] = []  // the collected subtree being built, outermost first
        var sawRoot = false
        while true {
            let status = xmlTextReaderRead(reader)
            if status == 0 { break }
            if status < 0 || firstError.error != nil {
                let error = firstError.error ?? lastErrorMessage(xmlGetLastError())
                throw malformed(error?.line ?? line(), error?.message ?? "not well-formed")
            }
            let depth = Int(xmlTextReaderDepth(reader))
            switch xmlTextReaderNodeType(reader) {
            case Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue):
                try refuseEntityDeclarations()
            case Int32(XML_READER_TYPE_ENTITY_REFERENCE.rawValue):
                throw malformed(line(), "entity reference in the document; kgx reads XML without entities")
            case Int32(XML_READER_TYPE_ELEMENT.rawValue):
                if !sawRoot {
                    try refuseEntityDeclarations()
                    sawRoot = true
                }
                var element = XMLElementNode(
                    name: string(fromXML: xmlTextReaderConstLocalName(reader)) ?? "",
                    namespace: string(fromXML: xmlTextReaderConstNamespaceUri(reader)),
                    attributes: [:], children: [], text: "", line: line())
                let isEmpty = xmlTextReaderIsEmptyElement(reader) == 1
                while xmlTextReaderMoveToNextAttribute(reader) == 1 {
                    if xmlTextReaderIsNamespaceDecl(reader) == 1 { continue }
                    if let name = string(fromXML: xmlTextReaderConstLocalName(reader)) {
                        element.attributes[name] = string(fromXML: xmlTextReaderConstValue(reader)) ?? ""
                    }
                }
                xmlTextReaderMoveToElement(reader)
                if open.isEmpty && !collect(element.name, depth) {
                    try handle(.open(element, depth: depth))
                    if isEmpty { try handle(.close(name: element.name, depth: depth)) }
                } else {
                    open.append(element)
                    if isEmpty { try closeCollected(&open, depth: depth, handle) }
                }
            case Int32(XML_READER_TYPE_END_ELEMENT.rawValue):
                if open.isEmpty {
                    try handle(.close(name: string(fromXML: xmlTextReaderConstLocalName(reader)) ?? "", depth: depth))
                } else {
                    try closeCollected(&open, depth: depth, handle)
                }
            case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue),
                 Int32(XML_READER_TYPE_WHITESPACE.rawValue), Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue):
                if !open.isEmpty { open[open.count - 1].text += string(fromXML: xmlTextReaderConstValue(reader)) ?? "" }
            default:
                break
            }
        }
        if !sawRoot { throw malformed(0, "no root element") }
    }

    /// Ends the innermost collected element: into its parent, or to the caller when it is the outermost.
    private static func closeCollected(_ open: inout [XMLElementNode], depth: Int, _ handle: (Event) throws -> Void) throws {
        let element = open.removeLast()
        if open.isEmpty {
            try handle(.element(element, depth: depth))
        } else {
            open[open.count - 1].children.append(element)
        }
    }
}

/// Reads a whole XML document into one ``XMLElementNode`` tree (for small documents and tests; the
/// GraphML reader streams).
enum XMLDocumentReader {
    /// The root element of the document in `bytes`; `fileName` names the source in error messages.
    static func parse(_ bytes: [UInt8], fileName: String) throws -> XMLElementNode {
        var root: XMLElementNode?
        try XMLStreamReader.read(bytes, fileName: fileName, collect: { _, _ in true }) { event in
            if case .element(let element, _) = event { root = element }
        }
        guard let root else { throw GraphImportError.malformedXML(file: fileName, line: 0, message: "no root element") }
        return root
    }
}
