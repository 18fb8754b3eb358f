import Foundation
import KGModel

/// Lexical knowledge the rules use, loaded from tab-separated rule files.
///
/// Every line is `kind<TAB>field<TAB>field…`; `#` starts a comment. Kinds:
/// - `entity  TYPE  NAME  [ALIAS|ALIAS…]  [key=value;…]`: a known entity and its aliases.
/// - `suffix  TYPE  SUFFIX|SUFFIX…  [subtype]`: a name ending that marks an entity of TYPE (`部`, `县 县`).
/// - `doctype  SUFFIX`: a document title ending (`意见`, `条例`) that is also its document type.
/// - `trigger  PREDICATE  WORD|WORD…`: verbs that signal a relation (`issued 印发|出台`).
/// - `title  WORD`: a person's title (`总书记`).
/// - `surname  NAME  [PER_MILLION]`: a family name, single (`王`) or compound (`欧阳`), with how common it is.
/// - `given  CHARACTER  COUNT`: how often a character occurs in given names.
/// - `translit  CHARACTERS`: characters of transliterated foreign names (`克`, `林`, `顿`).
/// - `japaneseSurname  NAME`, `japaneseGiven  NAME`: a Japanese family name (`桥本`) or given name (`龙太郎`).
/// - `word  WORD  FREQUENCY  [TAG]`: a general word for segmentation, with a jieba part-of-speech tag.
/// - `stop  TYPE  WORD|WORD…`: words that are not names of TYPE although they look like one.
/// - `abbreviation  CHARACTER  NAME  [run|verb|both]`: a one-character abbreviation of a place (`美  美国`),
///   read in runs (`中美`), after verbs of going (`访华`), or both.
/// - `notname  WORD|WORD…`: words that are never names of any type (`我国`, `全省`, `有关部门`).
/// The bundled files live in `Resources/lexicon` (`words.txt` is the general dictionary in jieba's
/// format); users add their own with `kgx extract --rules FILE`. The full format is `Schemas/rule-file.md`.
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
    /// Family names (single and compound) with their frequency per million people.
    public private(set) var surnames: [String: Double] = [:]
    /// Given-name character counts.
    public private(set) var givenNameCounts: [Unicode.Scalar: Int] = [:]
    /// Characters of transliterated foreign names.
    public private(set) var transliterationCharacters: Set<Unicode.Scalar> = []
    /// Japanese family names (`桥本`, `佐佐木`) and given names (`龙太郎`), in simplified characters.
    public private(set) var japaneseSurnames: Set<String> = []
    public private(set) var japaneseGivenNames: Set<String> = []
    /// The two as word sets, rebuilt after every load.
    public private(set) var japaneseSurnameWords = WordSet()
    public private(set) var japaneseGivenNameWords = WordSet()
    /// Words that are never names.
    public private(set) var notNames: Set<String> = []
    /// One-character abbreviations of places (`美` → 美国), read only in runs and after verbs of going.
    public private(set) var placeAbbreviations: [Unicode.Scalar: String] = [:]
    /// The abbreviations read in runs (`中美`) and those read after verbs (`访华`).
    public private(set) var runAbbreviations: Set<Unicode.Scalar> = []
    public private(set) var verbAbbreviations: Set<Unicode.Scalar> = []
    /// Relations a rule file declares: a predicate stated by verbs between a subject and an object type.
    public struct RelationPattern: Sendable {
        public var predicate: String
        public var subjectTypes: Set<EntityType>
        public var verbs: WordSet
        public var objectTypes: Set<EntityType>
    }
    /// `relation` lines, read by the `relation.declared` rule (`relation	signed	Organization|Place	签订|签署	Document`).
    public private(set) var relationPatterns: [RelationPattern] = []
    /// General words added by rule files (`word` lines), on top of the bundled dictionary.
    private var addedWords: [String: (frequency: UInt32, tag: UInt8)] = [:]
    /// The bundled general dictionary.
    private var general = GeneralDictionary()
    private var tagTable = TagTable()
    /// Every word of every kind in one automaton; rebuilt after every load.
    public private(set) var automaton = WordAutomaton()
    /// Per-character name evidence, for the name grammars.
    public private(set) var nameCharacters = NameCharacterTable()
    /// Length in scalars of the longest surface form in ``entries``.
    public private(set) var longestEntry = 0
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
        do {
            for file in files.sorted() where file.hasSuffix(".tsv") || file == "words.txt" {
                let path = directory.appendingPathComponent(file).path
                if file == "words.txt" {
                    try lexicon.loadDictionary(contentsOf: path, rebuild: false)
                } else {
                    try lexicon.load(contentsOf: path, rebuild: false)
                }
            }
        } catch {
            preconditionFailure("bundled lexicon: \(error)")
        }
        lexicon.rebuildWordSets()
        return lexicon
    }()

    /// Trigger roles the rules read; a `trigger` line with another role is an error (a typo would
    /// otherwise load silently and do nothing).
    public static let knownTriggerRoles: Set<String> = [
        "activity", "appointed", "appoints", "attended", "containedUnit", "contains", "convened", "countClassifier", "countLink", "countVerb", "designated", "designationFound",
        "designationModel", "documentVerb", "eventBoundary", "honorific", "formerTitle", "irrealis", "issued", "issuedLink", "issuerGroup", "listEnd", "met", "metTogether", "sentMessage", "signed",
        "locatedAt", "matchContext", "organizationBreak", "organizationMaterial", "organizationStart", "personRole", "personSpeech", "placeAbbreviationContext", "siteHead", "surnameAddress", "teamAfter", "teamBefore", "titleRank", "uncounted", "visitAdverb", "visitNoun", "visitSite", "visited",
    ]

    /// Reads a general dictionary in jieba's format (`WORD FREQ TAG`, in code-point order of the words).
    public mutating func loadDictionary(contentsOf path: String, rebuild: Bool = true) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LexiconError(file: path, line: 0, message: "cannot read the file")
        }
        general = try GeneralDictionary(data: data, file: path, tagTable: &tagTable)
        if rebuild { rebuildWordSets() }
    }

    /// Adds the lines of a rule file.
    public mutating func load(contentsOf path: String, rebuild: Bool = true) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LexiconError(file: path, line: 0, message: "cannot read the file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw LexiconError(file: path, line: 0, message: "not valid UTF-8")
        }
        try load(text: text, file: path, rebuild: rebuild)
    }

    /// Adds rule lines given as text; `file` names the source in errors.
    public mutating func load(text: String, file: String = "<rules>", rebuild: Bool = true) throws {
        defer { if rebuild { rebuildWordSets() } }
        var lineNumber = 0
        // Split on scalars, not Characters: grapheme breaking is the cost of a naive split on large files.
        for rawLine in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = Self.trimmed(Substring(rawLine))
            if line.isEmpty || line.unicodeScalars.first == "#" { continue }
            let fields = rawLine.split(separator: "\t", omittingEmptySubsequences: false).map { String(Self.trimmed(Substring($0))) }
            func fail(_ message: String) -> LexiconError { LexiconError(file: file, line: lineNumber, message: message) }
            func entityType(_ field: String) throws -> EntityType {
                guard let type = EntityType(rawValue: field) else {
                    throw fail("unknown entity type '\(field)' (expected one of \(EntityType.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                return type
            }
            func words(_ field: String) -> [String] { field.unicodeScalars.split(separator: "|").map { String(String.UnicodeScalarView($0)) } }
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
                for ending in words(fields[2]) {
                    let subtype = fields.count >= 4 && !fields[3].isEmpty ? fields[3] : ending
                    if suffixes[type]?[ending] == nil { suffixes[type, default: [:]][ending] = subtype }
                    suffixesBySubtype["\(type.rawValue)/\(subtype)", default: []].insert(ending)
                }
            case "doctype":
                guard fields.count >= 2 else { throw fail("doctype needs a SUFFIX") }
                documentTypes.formUnion(words(fields[1]))
            case "trigger":
                guard fields.count >= 3 else { throw fail("trigger needs PREDICATE and WORDS") }
                guard Self.knownTriggerRoles.contains(fields[1]) else {
                    throw fail("unknown trigger role '\(fields[1])' (expected one of \(Self.knownTriggerRoles.sorted().joined(separator: ", ")))")
                }
                triggers[fields[1], default: []].formUnion(words(fields[2]))
            case "relation":
                guard fields.count >= 5, !fields[1].isEmpty, !fields[3].isEmpty else {
                    throw fail("relation needs PREDICATE SUBJECT_TYPES VERBS OBJECT_TYPES")
                }
                let subjects = try Set(words(fields[2]).map(entityType))
                let objects = try Set(words(fields[4]).map(entityType))
                relationPatterns.append(RelationPattern(predicate: fields[1], subjectTypes: subjects, verbs: WordSet(words(fields[3])), objectTypes: objects))
            case "title":
                guard fields.count >= 2 else { throw fail("title needs a WORD") }
                titles.formUnion(words(fields[1]))
            case "surname":
                guard fields.count >= 2, !fields[1].isEmpty else { throw fail("surname needs a NAME") }
                if fields.count >= 3, !fields[2].isEmpty {
                    guard let frequency = Double(fields[2]), frequency >= 0 else { throw fail("surname frequency '\(fields[2])' is not a number") }
                    guard fields[1].unicodeScalars.count <= 2 else { throw fail("a surname has one or two characters") }
                    surnames[fields[1]] = frequency
                } else {
                    // A bare list of single-character surnames, each taken as uncommon.
                    for scalar in fields[1].unicodeScalars where surnames[String(scalar)] == nil { surnames[String(scalar)] = 10 }
                }
            case "given":
                guard fields.count >= 3, fields[1].unicodeScalars.count == 1, let count = Int(fields[2]), count >= 0 else {
                    throw fail("given needs one CHARACTER and a COUNT")
                }
                givenNameCounts[fields[1].unicodeScalars.first!] = count
            case "translit":
                guard fields.count >= 2 else { throw fail("translit needs CHARACTERS") }
                transliterationCharacters.formUnion(fields[1].unicodeScalars)
            case "japaneseSurname", "japaneseGiven":
                guard fields.count >= 2, !fields[1].isEmpty, fields[1].unicodeScalars.allSatisfy(CharacterClass.isHan) else {
                    throw fail("\(fields[0]) needs a NAME of Chinese characters")
                }
                if fields[0] == "japaneseSurname" { japaneseSurnames.insert(fields[1]) } else { japaneseGivenNames.insert(fields[1]) }
            case "word":
                guard fields.count >= 3, !fields[1].isEmpty, let frequency = UInt32(fields[2]) else {
                    throw fail("word needs WORD and FREQUENCY")
                }
                addedWords[fields[1]] = (frequency, fields.count >= 4 ? tagTable.id(fields[3]) : 0)
            case "abbreviation":
                guard fields.count >= 3, fields[1].unicodeScalars.count == 1, !fields[2].isEmpty else {
                    throw fail("abbreviation needs one CHARACTER and the NAME it stands for")
                }
                let scalar = fields[1].unicodeScalars.first!
                placeAbbreviations[scalar] = fields[2]
                let use = fields.count >= 4 && !fields[3].isEmpty ? fields[3] : "both"
                guard ["run", "verb", "both"].contains(use) else { throw fail("abbreviation use '\(use)' is not run, verb or both") }
                if use != "verb" { runAbbreviations.insert(scalar) }
                if use != "run" { verbAbbreviations.insert(scalar) }
            case "notname":
                guard fields.count >= 2 else { throw fail("notname needs WORDS") }
                notNames.formUnion(words(fields[1]))
            case "stop":
                guard fields.count >= 3 else { throw fail("stop needs TYPE and WORDS") }
                stopWords[try entityType(fields[1]), default: []].formUnion(words(fields[2]))
            default:
                throw fail("unknown kind '\(fields[0])' (expected entity, suffix, doctype, trigger, title, surname, given, translit, japaneseSurname, japaneseGiven, word, abbreviation, notname or stop)")
            }
        }
    }

    /// A field without surrounding spaces, tabs and carriage returns (cheaper than Foundation's trimming,
    /// which matters for the large generated files).
    static func trimmed(_ text: Substring) -> Substring {
        var view = text.unicodeScalars[...]
        while let first = view.first, first == " " || first == "\t" || first == "\r" || first == "\u{FEFF}" { view = view.dropFirst() }
        while let last = view.last, last == " " || last == "\t" || last == "\r" { view = view.dropLast() }
        return Substring(view)
    }

    /// Adds or extends a gazetteer entry.
    public mutating func addEntry(_ entry: Entry) {
        var merged: Entry
        if var existing = canonical[entry.name] {
            existing.aliases = Array(Set(existing.aliases + entry.aliases)).sorted()
            existing.attributes.merge(entry.attributes) { old, _ in old }
            merged = existing
        } else {
            // The common case of the large generated files: a new name, nothing to merge.
            merged = entry
            if merged.aliases.count > 1 { merged.aliases = Array(Set(merged.aliases)).sorted() }
        }
        canonical[entry.name] = merged
        for surface in [entry.name] + merged.aliases {
            entries[surface] = merged
            longestEntry = max(longestEntry, surface.unicodeScalars.count)
        }
    }

    mutating func rebuildWordSets() {
        compileAutomaton()
        triggerSets = triggers.mapValues(WordSet.init)
        titleWords = WordSet(titles)
        japaneseSurnameWords = WordSet(japaneseSurnames)
        japaneseGivenNameWords = WordSet(japaneseGivenNames)
        personMarkers = WordSet(titles.union(triggers["honorific"] ?? []))
        stopSets = stopWords.mapValues(WordSet.init)
        suffixSets = [:]
        for (type, map) in suffixes { suffixSets[type.rawValue] = WordSet(map.keys) }
        for (key, words) in suffixesBySubtype { suffixSets[key] = WordSet(words) }
    }

    /// Builds the one automaton of every word: general words, names of the gazetteer, titles, surnames,
    /// organization heads, place endings and non-names.
    private mutating func compileAutomaton() {
        var extra: [String: (frequency: UInt32, tag: UInt8, kinds: WordKinds)] = [:]
        func add(_ word: String, _ kinds: WordKinds, frequency: UInt32 = 0, tag: UInt8 = 0) {
            guard !word.isEmpty else { return }
            var info = extra[word] ?? (0, 0, [])
            info.kinds.formUnion(kinds)
            info.frequency = max(info.frequency, frequency)
            if info.tag == 0 { info.tag = tag }
            extra[word] = info
        }
        for (word, info) in addedWords { add(word, [], frequency: info.frequency, tag: info.tag) }
        for (surface, entry) in entries { add(surface, WordKinds.entity(entry.type.rawValue)) }
        for title in titles { add(title, .title) }
        for surname in surnames.keys { add(surname, .surname) }
        for ending in suffixes[.organization]?.keys ?? [:].keys { add(ending, .organizationHead) }
        for ending in suffixes[.place]?.keys ?? [:].keys { add(ending, .placeSuffix) }
        // A non-name must win the segmentation against the name inside it (发展中国家 holds no 中国).
        for word in notNames { add(word, .notName, frequency: 1000) }
        automaton = WordAutomaton(general: general, extra: extra, tagTable: tagTable)
        nameCharacters = NameCharacterTable(surnames: surnames, given: givenNameCounts, transliteration: transliterationCharacters)
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

    /// The longest entry of `type` (any entity type when nil) starting at `start` in `scalars`: its end
    /// and the entry.
    public func longestEntry(in scalars: [Unicode.Scalar], at start: Int, type: EntityType? = nil) -> (end: Int, entry: Entry)? {
        guard start < scalars.count else { return nil }
        let wanted: WordKinds = type.map { WordKinds.entity($0.rawValue) } ?? [.place, .organization, .person, .event, .document, .concept]
        var bestEnd = -1
        automaton.trie.forEachPrefix(in: scalars, from: start) { end, id in
            if !automaton.kinds(id).isDisjoint(with: wanted) { bestEnd = end }
        }
        guard bestEnd > start, let entry = entries[scalars.text(start..<bestEnd)], type == nil || entry.type == type else { return nil }
        return (bestEnd, entry)
    }
}

/// A malformed rule file line.
public struct LexiconError: Error, CustomStringConvertible, Sendable {
    public var file: String
    public var line: Int
    public var message: String
    public var description: String { line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)" }
}
