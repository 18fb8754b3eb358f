import CLibXML2

// The only file in the package that touches libxml2 pointers. Everything else sees Swift values.

/// libxml2 wants `xmlInitParser` once per process before concurrent use; a global `let` runs it once.
private let libxml2Initialized: Void = { xmlInitParser() }()

/// Calls `body` with `text` as a NUL-terminated `xmlChar` string. Callers strip U+0000 first.
private func withXMLString<Result>(_ text: String, _ body: (UnsafePointer<xmlChar>) throws -> Result) rethrows -> Result {
    var bytes = Array(text.utf8)
    bytes.append(0)
    return try bytes.withUnsafeBufferPointer { try body($0.baseAddress!) }
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

/// Parses a whole XML document with libxml2 into ``XMLElementNode`` values.
///
/// Network access and entity substitution stay off (`XML_PARSE_NONET`, no `XML_PARSE_NOENT`, no DTD
/// loading), and a document that declares entities is refused, so a file cannot make the reader fetch
/// or expand anything.
enum XMLDocumentReader {
    /// The root element of the document in `bytes`; `fileName` names the source in error messages.
    static func parse(_ bytes: [UInt8], fileName: String) throws -> XMLElementNode {
        _ = libxml2Initialized
        kgx_silenceGenericErrors()
        guard bytes.count < Int(Int32.max) else {
            throw GraphImportError.malformedXML(file: fileName, line: 0, message: "document larger than 2 GiB")
        }
        guard let context = xmlNewParserCtxt() else {
            throw GraphImportError.malformedXML(file: fileName, line: 0, message: "xmlNewParserCtxt failed")
        }
        defer { xmlFreeParserCtxt(context) }
        // libxml2 keeps only the last error, usually a consequence ("Premature end of data") of the
        // first one; a structured handler records the first. SAX2 passes the context itself as user
        // data, so the recorder travels in its `_private` slot.
        let firstError = FirstParseError()
        context.pointee._private = Unmanaged.passUnretained(firstError).toOpaque()
        context.pointee.sax.pointee.serror = { userData, error in
            guard let userData, let error, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue,
                  let recorder = userData.assumingMemoryBound(to: xmlParserCtxt.self).pointee._private
            else { return }
            let first = Unmanaged<FirstParseError>.fromOpaque(recorder).takeUnretainedValue()
            if first.error == nil { first.error = lastErrorMessage(error) }
        }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let document = withExtendedLifetime(firstError) {
            bytes.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { chars in
                    xmlCtxtReadMemory(context, chars.baseAddress, Int32(chars.count), fileName, nil, options)
                }
            }
        }
        context.pointee._private = nil
        guard let document, context.pointee.wellFormed != 0 else {
            if let document { xmlFreeDoc(document) }
            let error = firstError.error ?? lastErrorMessage(xmlCtxtGetLastError(context))
            throw GraphImportError.malformedXML(
                file: fileName, line: error?.line ?? 0, message: error?.message ?? "not well-formed")
        }
        defer { xmlFreeDoc(document) }
        // kgx never declares entities. A document that does is refused rather than read with the
        // references left out or expanded: expansion in attribute values happens after parsing, where
        // libxml2's amplification limits no longer apply (billion laughs, external files).
        if let subset = document.pointee.intSubset, subset.pointee.entities != nil || subset.pointee.pentities != nil {
            throw GraphImportError.malformedXML(
                file: fileName, line: Int(xmlGetLineNo(UnsafeMutableRawPointer(subset).assumingMemoryBound(to: xmlNode.self))),
                message: "the document declares entities in its DOCTYPE; kgx reads XML without entity declarations")
        }
        guard let root = xmlDocGetRootElement(document) else {
            throw GraphImportError.malformedXML(file: fileName, line: 0, message: "no root element")
        }
        return element(root)
    }

    private static func element(_ node: xmlNodePtr) -> XMLElementNode {
        var attributes: [String: String] = [:]
        var property = node.pointee.properties
        while let current = property {
            if let name = string(fromXML: current.pointee.name) {
                let value = xmlNodeListGetString(node.pointee.doc, current.pointee.children, 1)
                attributes[name] = string(fromXML: value) ?? ""
                if let value { kgx_xmlFree(value) }
            }
            property = current.pointee.next
        }
        var children: [XMLElementNode] = []
        var text = ""
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE: children.append(element(current))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE: text += string(fromXML: current.pointee.content) ?? ""
            default: break
            }
            child = current.pointee.next
        }
        return XMLElementNode(
            name: string(fromXML: node.pointee.name) ?? "",
            namespace: node.pointee.ns.flatMap { string(fromXML: $0.pointee.href) },
            attributes: attributes,
            children: children,
            text: text,
            line: Int(xmlGetLineNo(node)))
    }
}
