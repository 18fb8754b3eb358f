import Foundation
import KGModel

/// Lexical knowledge the rules use, loaded from tab-separated rule files.
///
/// Every line is `kind<TAB>field<TAB>field…`; `#` starts a comment. Kinds:
/// - `entity  TYPE  NAME  [ALIAS|ALIAS…]  [key=value;…]`: a known entity and its aliases.
/// - `suffix  TYPE  SUFFIX  [subtype]`: a name ending that marks an entity of TYPE (`部`, `县 县`).
/// - `doctype  SUFFIX`: a document title ending (`意见`, `条例`) that is also its document type.
/// - `trigger  PREDICATE  WORD|WORD…`: verbs that signal a relation (`issued 印发|出台`).
/// - `title  WORD`: a person's title (`总书记`).
/// - `surname  CHARACTERS`: single-character family names.
/// - `stop  TYPE  WORD|WORD…`: words that are not names of TYPE although they look like one.
/// The bundled files live in `Resources/lexicon`; users add their own with `kgx extract --rules FILE`.
public struct Lexicon: Sendable {
    /// A gazetteer entry.
    public struct Entry: Sendable, Hashable {
        public var type: EntityType
        /// Canonical name.
        public var name: String
        /// Known aliases of the canonical name.
        public var aliases: [String]
        public var attributes: [String: String]
    }

    /// Surface form → entry (canonical names and aliases both).
    public private(set) var entries: [String: Entry] = [:]
    /// Canonical name → entry.
    public private(set) var canonical: [String: Entry] = [:]
    public private(set) var suffixes: [EntityType: [String: String]] = [:]
    public private(set) var documentTypes: Set<String> = []
    public private(set) var triggers: [String: Set<String>] = [:]
    public private(set) var titles: Set<String> = []
    /// Titles (`总书记`, `部长`), as a word set.
    public private(set) var titleWords = WordSet()
    /// Titles and honorifics (`同志`): the words that mark the name before them as a person.
    public private(set) var personMarkers = WordSet()
    public private(set) var stopWords: [EntityType: Set<String>] = [:]
    /// Single-character family names, for recognizing persons before a title.
    public private(set) var surnames: Set<Unicode.Scalar> = []
    /// Length in scalars of the longest surface form in ``entries``.
    public var longestEntry: Int { entrySurfaces.longest }
    /// Every surface form in ``entries``, for the gazetteer scan.
    private var entrySurfaces = WordSet()
    /// Word sets derived from the fields above, rebuilt after every load.
    private var triggerSets: [String: WordSet] = [:]
    private var stopSets: [EntityType: WordSet] = [:]
    private var suffixSets: [String: WordSet] = [:]
    /// `Type/subtype` → endings; an ending may belong to several subtypes (党委 is a unit and generic).
    private var suffixesBySubtype: [String: Set<String>] = [:]

    public init() {}

    /// The bundled lexicon.
    public static let standard: Lexicon = {
        var lexicon = Lexicon()
        guard let directory = Bundle.module.url(forResource: "lexicon", withExtension: nil),
            let files = try? FileManager.default.contentsOfDirectory(atPath: directory.path)
        else { return lexicon }
        for file in files.sorted() where file.hasSuffix(".tsv") {
            let path = directory.appendingPathComponent(file).path
            do { try lexicon.load(contentsOf: path) } catch { preconditionFailure("bundled lexicon: \(error)") }
        }
        return lexicon
    }()

    /// Adds the lines of a rule file.
    public mutating func load(contentsOf path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LexiconError(file: path, line: 0, message: "cannot read the file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw LexiconError(file: path, line: 0, message: "not valid UTF-8")
        }
        try load(text: text, file: path)
    }

    /// Adds rule lines given as text; `file` names the source in errors.
    public mutating func load(text: String, file: String = "<rules>") throws {
        defer { rebuildWordSets() }
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = rawLine.split(separator: "\t", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespacesAndNewlines)
            }
            func fail(_ message: String) -> LexiconError { LexiconError(file: file, line: lineNumber, message: message) }
            func entityType(_ field: String) throws -> EntityType {
                guard let type = EntityType(rawValue: field) else {
                    throw fail("unknown entity type '\(field)' (expected one of \(EntityType.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                return type
            }
            func words(_ field: String) -> [String] { field.split(separator: "|").map(String.init).filter { !$0.isEmpty } }
            switch fields[0] {
            case "entity":
                guard fields.count >= 3, !fields[2].isEmpty else { throw fail("entity needs TYPE and NAME") }
                let type = try entityType(fields[1])
                var attributes: [String: String] = [:]
                if fields.count >= 5 {
                    for pair in fields[4].split(separator: ";") {
                        let kv = pair.split(separator: "=", maxSplits: 1).map(String.init)
                        guard kv.count == 2 else { throw fail("attribute '\(pair)' is not key=value") }
                        attributes[kv[0]] = kv[1]
                    }
                }
                addEntry(Entry(type: type, name: fields[2], aliases: fields.count >= 4 ? words(fields[3]) : [], attributes: attributes))
            case "suffix":
                guard fields.count >= 3, !fields[2].isEmpty else { throw fail("suffix needs TYPE and SUFFIX") }
                let type = try entityType(fields[1])
                let subtype = fields.count >= 4 && !fields[3].isEmpty ? fields[3] : fields[2]
                if suffixes[type]?[fields[2]] == nil { suffixes[type, default: [:]][fields[2]] = subtype }
                suffixesBySubtype["\(type.rawValue)/\(subtype)", default: []].insert(fields[2])
            case "doctype":
                guard fields.count >= 2 else { throw fail("doctype needs a SUFFIX") }
                documentTypes.formUnion(words(fields[1]))
            case "trigger":
                guard fields.count >= 3 else { throw fail("trigger needs PREDICATE and WORDS") }
                triggers[fields[1], default: []].formUnion(words(fields[2]))
            case "title":
                guard fields.count >= 2 else { throw fail("title needs a WORD") }
                titles.formUnion(words(fields[1]))
            case "surname":
                guard fields.count >= 2 else { throw fail("surname needs CHARACTERS") }
                surnames.formUnion(fields[1].unicodeScalars)
            case "stop":
                guard fields.count >= 3 else { throw fail("stop needs TYPE and WORDS") }
                stopWords[try entityType(fields[1]), default: []].formUnion(words(fields[2]))
            default:
                throw fail("unknown kind '\(fields[0])' (expected entity, suffix, doctype, trigger, title, surname or stop)")
            }
        }
    }

    /// Adds or extends a gazetteer entry.
    public mutating func addEntry(_ entry: Entry) {
        var merged = canonical[entry.name] ?? Entry(type: entry.type, name: entry.name, aliases: [], attributes: [:])
        merged.aliases = Array(Set(merged.aliases + entry.aliases)).sorted()
        merged.attributes.merge(entry.attributes) { old, _ in old }
        canonical[entry.name] = merged
        for surface in [entry.name] + merged.aliases {
            entries[surface] = merged
            entrySurfaces.insert(surface)
        }
    }

    private mutating func rebuildWordSets() {
        triggerSets = triggers.mapValues(WordSet.init)
        titleWords = WordSet(titles)
        personMarkers = WordSet(titles.union(triggers["honorific"] ?? []))
        stopSets = stopWords.mapValues(WordSet.init)
        suffixSets = [:]
        for (type, map) in suffixes { suffixSets[type.rawValue] = WordSet(map.keys) }
        for (key, words) in suffixesBySubtype { suffixSets[key] = WordSet(words) }
    }

    /// The canonical name for a surface form of the given type, or the form itself.
    public func canonicalName(of surface: String, type: EntityType) -> String {
        if let entry = entries[surface], entry.type == type { return entry.name }
        return surface
    }

    /// Trigger words of a predicate or role (`issued`, `locatedAt`, …).
    public func triggerWords(_ predicate: String) -> WordSet { triggerSets[predicate] ?? [] }

    /// Stop words of a type.
    public func stops(_ type: EntityType) -> WordSet { stopSets[type] ?? [] }

    /// Name endings of a type, or only those of one subtype (`committee`, `unit`, `县`).
    public func suffixWords(_ type: EntityType, subtype: String? = nil) -> WordSet {
        suffixSets[subtype.map { "\(type.rawValue)/\($0)" } ?? type.rawValue] ?? []
    }

    /// The longest entry of `type` starting at `start` in `scalars`: its end and the entry.
    public func longestEntry(in scalars: [Unicode.Scalar], at start: Int, type: EntityType? = nil) -> (end: Int, entry: Entry)? {
        guard start < scalars.count, var end = entrySurfaces.longestMatch(in: scalars, startingAt: start) else { return nil }
        // The longest surface may be of another type; shorter ones are rare, so step down by length.
        while end > start {
            if let entry = entries[scalars.text(start..<end)], type == nil || entry.type == type { return (end, entry) }
            guard let shorter = entrySurfaces.longestMatch(in: scalars, startingAt: start, maxLength: end - start - 1) else { return nil }
            end = shorter
        }
        return nil
    }
}

/// A malformed rule file line.
public struct LexiconError: Error, CustomStringConvertible, Sendable {
    public var file: String
    public var line: Int
    public var message: String
    public var description: String { line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)" }
}
