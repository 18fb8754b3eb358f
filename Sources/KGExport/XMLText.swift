/// Character rules of XML 1.0 that the GraphML writer must respect before handing strings to libxml2.
enum XMLText {
    /// Whether `scalar` may appear in an XML 1.0 document. Swift strings hold no surrogates, so only
    /// the C0 controls other than tab, line feed and carriage return, and U+FFFE/U+FFFF are excluded.
    static func isLegal(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: true
        case 0x00...0x1F: false
        case 0xFFFE, 0xFFFF: false
        default: true
        }
    }

    /// `text` without the characters XML 1.0 forbids. libxml2 writes them verbatim, and the resulting
    /// file no longer parses, so every string passes through here on its way to libxml2.
    static func removingIllegalCharacters(_ text: String) -> String {
        guard mayHoldIllegalCharacters(text), text.unicodeScalars.contains(where: { !isLegal($0) }) else { return text }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.lazy.filter(isLegal))
        return String(scalars)
    }

    /// A scan of the UTF-8 bytes that rules out every character XML forbids (controls other than tab, line
    /// feed and carriage return, U+FFFE, U+FFFF) without decoding scalars: the writers call this for every
    /// string they write.
    static func mayHoldIllegalCharacters(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { bytes in
            for (index, byte) in bytes.enumerated() {
                if byte < 0x20, byte != 0x09, byte != 0x0A, byte != 0x0D { return true }
                if byte == 0xEF, index + 2 < bytes.count, bytes[index + 1] == 0xBF, bytes[index + 2] >= 0xBE { return true }
            }
            return false
        }
    }

    /// Whether `scalar` may start an XML name (XML 1.0 fifth edition, production 4).
    static func isNameStartCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3A, 0x5F, 0x41...0x5A, 0x61...0x7A: true  // : _ A-Z a-z
        case 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x2FF, 0x370...0x37D, 0x37F...0x1FFF: true
        case 0x200C...0x200D, 0x2070...0x218F, 0x2C00...0x2FEF, 0x3001...0xD7FF: true
        case 0xF900...0xFDCF, 0xFDF0...0xFFFD, 0x10000...0xEFFFF: true
        default: false
        }
    }

    /// Whether `scalar` may appear in an XML name or name token (production 4a).
    static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2D, 0x2E, 0x30...0x39, 0xB7, 0x300...0x36F, 0x203F...0x2040: true
        default: isNameStartCharacter(scalar)
        }
    }

    /// Whether `text` is an `xs:NMTOKEN`, the type GraphML gives node ids, edge ids, key ids and
    /// `attr.name`.
    static func isNameToken(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy(isNameCharacter)
    }
}
