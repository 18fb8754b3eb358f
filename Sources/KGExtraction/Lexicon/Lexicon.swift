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
/// - `holiday  NAME|NAME…  RULE  [year]`, `era  NAME  YEAR`: named days and era names of the date grammar
///   (`date-words.txt`); the kinds of `number-words.txt` (`classifier`, `measure`, `currency`, …) add words of
///   the figure grammar.
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
        /// The attributes as written (`key=value;…`), read into a dictionary only when asked for: the large
        /// generated files carry them on every line and few are ever read.
        var attributeText: String

        public init(type: EntityType, name: String, aliases: [String] = [], attributes: [String: String] = [:]) {
            self.type = type
            self.name = name
            self.aliases = aliases
            attributeText = ""
            self.attributes = attributes
        }

        init(type: EntityType, name: String, aliases: [String], attributeText: String) {
            self.type = type
            self.name = name
            self.aliases = aliases
            self.attributeText = attributeText
        }

        /// Attributes of the entry (`placeType`, `partOf`, `orgType`, `date`, …).
        public var attributes: [String: String] {
            get {
                var result: [String: String] = [:]
                for pair in attributeText.utf8.split(separator: UInt8(ascii: ";")) {
                    guard let equals = pair.firstIndex(of: UInt8(ascii: "=")) else { continue }
                    let key = String(decoding: pair[..<equals], as: UTF8.self)
                    result[key] = String(decoding: pair[pair.index(after: equals)...], as: UTF8.self)
                }
                return result
            }
            set { attributeText = newValue.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ";") }
        }
    }

    /// Entries looked up by a name through the automaton (no hashing of the name).
    public struct EntryLookup: Sendable {
        fileprivate let automaton: WordAutomaton
        fileprivate let byWord: [Int32]
        fileprivate let store: [Entry]
        /// Number of names that lead to an entry.
        public let count: Int

        /// The entry a name leads to.
        public subscript(name: String) -> Entry? {
            guard let id = automaton.id(of: name.unicodeScalars), Int(id) < byWord.count else { return nil }
            let index = byWord[Int(id)]
            return index >= 0 ? store[Int(index)] : nil
        }

        /// The entry of an automaton word.
        func entry(word id: Int32) -> Entry? {
            guard Int(id) < byWord.count else { return nil }
            let index = byWord[Int(id)]
            return index >= 0 ? store[Int(index)] : nil
        }
    }

    /// Every gazetteer entry, in the order first loaded.
    public private(set) var allEntries: [Entry] = []
    /// Canonical name → position in ``allEntries``, for merging lines that name the same entity.
    private var entryIndex: [UTF8Key: Int32] = [:]
    /// When each entry was last added or extended: a surface form belongs to the last entry that claimed it.
    private var entryTouched: [Int32] = []
    private var touches: Int32 = 0
    /// Automaton word → entry, for surface forms and for canonical names; built with the automaton.
    private var surfaceEntryByWord: [Int32] = []
    private var canonicalEntryByWord: [Int32] = []
    private var surfaceCount = 0

    /// Surface form → entry (canonical names and aliases both).
    public var entries: EntryLookup {
        EntryLookup(automaton: automaton, byWord: surfaceEntryByWord, store: allEntries, count: surfaceCount)
    }
    /// Canonical name → entry.
    public var canonical: EntryLookup {
        EntryLookup(automaton: automaton, byWord: canonicalEntryByWord, store: allEntries, count: allEntries.count)
    }
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

    /// The number and date vocabularies (`number-words.txt`, `date-words.txt`, and rule-file lines of
    /// their kinds), shared by copies of the lexicon until one of them loads more.
    private var vocabularies = Vocabularies.standard
    /// What the figure grammar reads: units, currencies, approximation and comparison words, exceptions.
    var numberWords: NumberWords { vocabularies.numbers }
    /// What the date grammar reads by name: holidays and era names.
    var dateWords: DateVocabulary { vocabularies.dates }

    public init() {}

    /// The bundled lexicon.
    public static let standard: Lexicon = {
        guard let directory = Bundle.module.url(forResource: "lexicon", withExtension: nil),
            let files = try? FileManager.default.contentsOfDirectory(atPath: directory.path)
        else { return Lexicon() }
        final class Parts: @unchecked Sendable {
            var dictionary: (GeneralDictionary, TagTable)?
            var lexicon = Lexicon()
        }
        let dictionaryPath = files.contains("words.txt") ? directory.appendingPathComponent("words.txt").path : nil
        let ruleFiles = files.sorted().filter { $0.hasSuffix(".tsv") }.map { directory.appendingPathComponent($0).path }
        let parts = Parts()
        let failure = LockedBox<Error?>(nil)
        // The general dictionary needs nothing else: it is read on one processor while the rule files are
        // read and added, in file order, on the other; the automaton of both is compiled afterwards.
        DispatchQueue.concurrentPerform(iterations: 2) { task in
            do {
                if task == 0 {
                    if let dictionaryPath { parts.dictionary = try Lexicon.readDictionary(contentsOf: dictionaryPath) }
                } else {
                    for path in ruleFiles {
                        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                            throw LexiconError(file: path, line: 0, message: "cannot read the file as UTF-8")
                        }
                        try parts.lexicon.add(Lexicon.parse(text: text, file: path))
                    }
                }
            } catch {
                failure.set(error)
            }
        }
        if let error = failure.value { preconditionFailure("bundled lexicon: \(error)") }
        var lexicon = parts.lexicon
        if let (general, tags) = parts.dictionary { lexicon.setDictionary(general, tags: tags) }
        lexicon.rebuildWordSets()
        return lexicon
    }()

    /// Trigger roles the rules read; a `trigger` line with another role is an error (a typo would
    /// otherwise load silently and do nothing).
    public static let knownTriggerRoles: Set<String> = [
        "activity", "agreementType", "agreementVerb", "appointed", "appoints", "attended", "containedUnit", "contains", "convened", "countClassifier", "countLink", "countVerb", "designated", "designationFound",
        "designationModel", "documentVerb", "eventBoundary", "honorific", "formerTitle", "irrealis", "issued", "issuedLink", "issuerGroup", "listEnd", "met", "metTogether", "sentMessage", "sentMessageTo", "signed",
        "locatedAt", "matchContext", "namedAfterPerson", "organizationBreak", "organizationMaterial", "organizationStart", "personRole", "personSpeech", "placeAbbreviationContext", "siteHead", "surnameAddress", "teamAfter", "teamBefore", "titleRank", "uncounted", "visitAdverb", "visitNoun", "visitSite", "visited",
    ]

    /// Reads a general dictionary in jieba's format (`WORD FREQ TAG`, in code-point order of the words).
    public mutating func loadDictionary(contentsOf path: String, rebuild: Bool = true) throws {
        let (general, tags) = try Self.readDictionary(contentsOf: path)
        setDictionary(general, tags: tags)
        if rebuild { rebuildWordSets() }
    }

    private static func readDictionary(contentsOf path: String) throws -> (GeneralDictionary, TagTable) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LexiconError(file: path, line: 0, message: "cannot read the file")
        }
        var tags = TagTable()
        let general = try GeneralDictionary(data: data, file: path, tagTable: &tags)
        return (general, tags)
    }

    /// Makes `general` the general dictionary; the tags of words added by rule files are renumbered
    /// into the dictionary's tag table.
    private mutating func setDictionary(_ general: GeneralDictionary, tags: TagTable) {
        var tags = tags
        let previous = tagTable
        for (word, info) in addedWords { addedWords[word] = (info.frequency, tags.id(previous.names[Int(info.tag)])) }
        self.general = general
        tagTable = tags
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
        try add(Self.parse(text: text, file: file))
    }

    /// A rule file cut into lines: entity lines already read into entries (that part needs no lexicon,
    /// so files are read on several threads), the others as fields.
    struct ParsedRules: Sendable {
        enum Line: Sendable {
            case entity(Entry)
            case other(fields: [String], line: Int)
        }
        var lines: [Line] = []
        var file: String
    }

    /// Cuts rule lines into trimmed fields and reads entity lines.
    static func parse(text: String, file: String) throws -> ParsedRules {
        var rules = ParsedRules(file: file)
        var text = text
        // Lines and fields are cut on UTF-8 bytes (tab, newline and `|` never occur inside a multi-byte
        // scalar): the generated gazetteers are megabytes, and String splitting was most of the load time.
        try text.withUTF8 { bytes in
            var lineNumber = 0
            var i = 0
            let n = bytes.count
            var fields: [String] = []
            while i < n {
                lineNumber += 1
                var lineEnd = i
                while lineEnd < n, bytes[lineEnd] != 0x0A { lineEnd += 1 }
                defer { i = lineEnd + 1 }
                let (lineStart, lineStop) = Self.trimmed(bytes, i, lineEnd)
                if lineStart == lineStop || bytes[lineStart] == 0x23 { continue }
                fields.removeAll(keepingCapacity: true)
                var fieldStart = i
                for k in i...lineEnd where k == lineEnd || bytes[k] == 0x09 {
                    let (a, b) = Self.trimmed(bytes, fieldStart, k)
                    fields.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[a..<b]), as: UTF8.self))
                    fieldStart = k + 1
                }
                if fields[0] == "entity" {
                    rules.lines.append(.entity(try entityEntry(fields, file: file, line: lineNumber)))
                } else {
                    rules.lines.append(.other(fields: fields, line: lineNumber))
                }
            }
        }
        return rules
    }

    /// Adds parsed rule lines in their order.
    mutating func add(_ rules: ParsedRules) throws {
        var numbers: NumberWords?
        var dates: DateVocabulary?
        for line in rules.lines {
            switch line {
            case .entity(let entry): addEntry(entry)
            case .other(let fields, let number) where NumberWords.kinds.contains(fields[0]):
                if numbers == nil { numbers = vocabularies.numbers }
                try numbers!.add(fields: fields, file: rules.file, line: number)
            case .other(let fields, let number) where DateVocabulary.kinds.contains(fields[0]):
                if dates == nil { dates = vocabularies.dates }
                try dates!.add(fields: fields, file: rules.file, line: number)
            case .other(let fields, let number): try addLine(fields, file: rules.file, line: number)
            }
        }
        if numbers != nil || dates != nil {
            dates?.rebuild()
            vocabularies = Vocabularies(numbers: numbers ?? vocabularies.numbers, dates: dates ?? vocabularies.dates)
        }
    }

    /// `entity  TYPE  NAME  [ALIAS|ALIAS…]  [key=value;…]`.
    private static func entityEntry(_ fields: [String], file: String, line: Int) throws -> Entry {
        func fail(_ message: String) -> LexiconError { LexiconError(file: file, line: line, message: message) }
        guard fields.count >= 3, !fields[2].isEmpty else { throw fail("entity needs TYPE and NAME") }
        guard let type = EntityType(rawValue: fields[1]) else {
            throw fail("unknown entity type '\(fields[1])' (expected one of \(EntityType.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        let attributeText = fields.count >= 5 ? fields[4] : ""
        if !attributeText.isEmpty {
            for pair in attributeText.utf8.split(separator: UInt8(ascii: ";")) where !pair.contains(UInt8(ascii: "=")) {
                throw fail("attribute '\(String(decoding: pair, as: UTF8.self))' is not key=value")
            }
        }
        return Entry(type: type, name: fields[2], aliases: fields.count >= 4 ? words(fields[3]) : [], attributeText: attributeText)
    }

    /// The bounds of `bytes[start..<end]` without surrounding spaces, tabs, carriage returns and a byte
    /// order mark at the start.
    private static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (Int, Int) {
        var a = start, b = end
        while a < b {
            if bytes[a] == 0x20 || bytes[a] == 0x09 || bytes[a] == 0x0D { a += 1; continue }
            if a + 2 < b, bytes[a] == 0xEF, bytes[a + 1] == 0xBB, bytes[a + 2] == 0xBF { a += 3; continue }
            break
        }
        while b > a, bytes[b - 1] == 0x20 || bytes[b - 1] == 0x09 || bytes[b - 1] == 0x0D { b -= 1 }
        return (a, b)
    }

    /// `|`-separated words of a field.
    private static func words(_ field: String) -> [String] {
        field.utf8.split(separator: UInt8(ascii: "|")).map { String(decoding: $0, as: UTF8.self) }
    }

    /// One rule line, cut into trimmed fields.
    private mutating func addLine(_ fields: [String], file: String, line lineNumber: Int) throws {
        func fail(_ message: String) -> LexiconError { LexiconError(file: file, line: lineNumber, message: message) }
        func entityType(_ field: String) throws -> EntityType {
            guard let type = EntityType(rawValue: field) else {
                throw fail("unknown entity type '\(field)' (expected one of \(EntityType.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            return type
        }
        func words(_ field: String) -> [String] { Self.words(field) }
        switch fields[0] {
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
            throw fail("unknown kind '\(fields[0])' (expected entity, suffix, doctype, trigger, title, surname, given, translit, japaneseSurname, japaneseGiven, word, abbreviation, notname, stop, one of the number kinds \(NumberWords.kinds.sorted().joined(separator: ", ")), holiday or era)")
        }
    }

    /// Adds or extends a gazetteer entry.
    public mutating func addEntry(_ entry: Entry) {
        touches += 1
        if let index = entryIndex[UTF8Key(entry.name)] {
            var existing = allEntries[Int(index)]
            existing.aliases = Array(Set(existing.aliases + entry.aliases)).sorted()
            if !entry.attributeText.isEmpty {
                existing.attributes = existing.attributes.merging(entry.attributes) { old, _ in old }
            }
            allEntries[Int(index)] = existing
            entryTouched[Int(index)] = touches
        } else {
            // The common case of the large generated files: a new name, nothing to merge.
            var added = entry
            if added.aliases.count > 1, !zip(added.aliases, added.aliases.dropFirst()).allSatisfy({ $0 < $1 }) {
                added.aliases = Array(Set(added.aliases)).sorted()
            }
            entryIndex[UTF8Key(entry.name)] = Int32(allEntries.count)
            allEntries.append(added)
            entryTouched.append(touches)
        }
        longestEntry = max(longestEntry, entry.name.unicodeScalars.count)
        for alias in entry.aliases { longestEntry = max(longestEntry, alias.unicodeScalars.count) }
    }

    mutating func rebuildWordSets() {
        // The word sets and the automaton are built from different fields: build them on two threads
        // (concurrentPerform runs one part on the calling thread, so this never waits for a free worker).
        final class Sets: @unchecked Sendable {
            var triggerSets: [String: WordSet] = [:]
            var titleWords = WordSet(), personMarkers = WordSet()
            var japaneseSurnameWords = WordSet(), japaneseGivenNameWords = WordSet()
            var stopSets: [EntityType: WordSet] = [:]
            var suffixSets: [String: WordSet] = [:]
        }
        let sets = Sets()
        let (triggers, titles, japaneseSurnames, japaneseGivenNames, stopWords, suffixes, suffixesBySubtype) =
            (self.triggers, self.titles, self.japaneseSurnames, self.japaneseGivenNames, self.stopWords, self.suffixes, self.suffixesBySubtype)
        final class Target: @unchecked Sendable { var lexicon: Lexicon; init(_ lexicon: Lexicon) { self.lexicon = lexicon } }
        let target = Target(self)
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            if part == 0 {
                target.lexicon.compileAutomaton()
                return
            }
            sets.triggerSets = triggers.mapValues(WordSet.init)
            sets.titleWords = WordSet(titles)
            sets.japaneseSurnameWords = WordSet(japaneseSurnames)
            sets.japaneseGivenNameWords = WordSet(japaneseGivenNames)
            sets.personMarkers = WordSet(titles.union(triggers["honorific"] ?? []))
            sets.stopSets = stopWords.mapValues(WordSet.init)
            for (type, map) in suffixes { sets.suffixSets[type.rawValue] = WordSet(map.keys) }
            for (key, words) in suffixesBySubtype { sets.suffixSets[key] = WordSet(words) }
        }
        self = target.lexicon
        triggerSets = sets.triggerSets
        titleWords = sets.titleWords
        japaneseSurnameWords = sets.japaneseSurnameWords
        japaneseGivenNameWords = sets.japaneseGivenNameWords
        personMarkers = sets.personMarkers
        stopSets = sets.stopSets
        suffixSets = sets.suffixSets
    }

    /// Builds the one automaton of every word: general words, names of the gazetteer, titles, surnames,
    /// organization heads, place endings and non-names; then links its words to the entries they name.
    private mutating func compileAutomaton() {
        var extra: [WordAutomaton.ExtraWord] = []
        func add(_ word: String, _ kinds: WordKinds, frequency: UInt32 = 0, tag: UInt8 = 0, entry: Int32 = -1, canonicalOf: Int32 = -1) {
            guard !word.isEmpty else { return }
            extra.append(WordAutomaton.ExtraWord(key: word.unicodeScalars.map(\.value), frequency: frequency, tag: tag, kinds: kinds,
                                                 entry: entry, touched: entry >= 0 ? entryTouched[Int(entry)] : -1, canonicalOf: canonicalOf))
        }
        for (word, info) in addedWords.sorted(by: { $0.key < $1.key }) { add(word, [], frequency: info.frequency, tag: info.tag) }
        for (index, entry) in allEntries.enumerated() {
            let kinds = WordKinds.entity(entry.type.rawValue)
            add(entry.name, kinds, entry: Int32(index), canonicalOf: Int32(index))
            for alias in entry.aliases { add(alias, kinds, entry: Int32(index)) }
        }
        for title in titles { add(title, .title) }
        for surname in surnames.keys { add(surname, .surname) }
        for ending in suffixes[.organization]?.keys ?? [:].keys { add(ending, .organizationHead) }
        for ending in suffixes[.place]?.keys ?? [:].keys { add(ending, .placeSuffix) }
        // A non-name must win the segmentation against the name inside it (发展中国家 holds no 中国).
        for word in notNames { add(word, .notName, frequency: 1000) }
        let (compiled, extraIDs, merged) = WordAutomaton.build(general: general, extra: extra, tagTable: tagTable)
        automaton = compiled
        surfaceEntryByWord = [Int32](repeating: -1, count: compiled.count)
        canonicalEntryByWord = [Int32](repeating: -1, count: compiled.count)
        surfaceCount = 0
        for (k, word) in merged.enumerated() {
            let id = Int(extraIDs[k])
            if word.entry >= 0 { surfaceEntryByWord[id] = word.entry; surfaceCount += 1 }
            if word.canonicalOf >= 0 { canonicalEntryByWord[id] = word.canonicalOf }
        }
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
        var words: [WordAutomaton.Word] = []
        automaton.words(in: scalars, at: start, into: &words)
        return longestEntry(among: words, from: start, type: type)
    }

    /// ``longestEntry(in:at:type:)`` read from the words `analysis` already found at `start` (its lattice
    /// holds every known word that starts there), so a rule that asks at every position walks no trie.
    public func longestEntry(in scalars: [Unicode.Scalar], at start: Int, type: EntityType? = nil, analysis: LexicalAnalysis) -> (end: Int, entry: Entry)? {
        guard start < scalars.count else { return nil }
        // The lattice has no words at letters and digits (an ASCII run is one token): ask the trie there.
        guard analysis.count == scalars.count, !CharacterClass.isASCIIAlphanumeric(scalars[start]) else {
            return longestEntry(in: scalars, at: start, type: type)
        }
        return longestEntry(among: analysis.words(at: start), from: start, type: type)
    }

    /// The longest of `words` (starting at `start`, shortest first) that names an entry of `type`.
    private func longestEntry(among words: some BidirectionalCollection<WordAutomaton.Word>, from start: Int, type: EntityType?) -> (end: Int, entry: Entry)? {
        let wanted: WordKinds = type.map { WordKinds.entity($0.rawValue) } ?? [.place, .organization, .person, .event, .document, .concept]
        guard let best = words.last(where: { !automaton.kinds($0.id).isDisjoint(with: wanted) }), best.end > start,
              let entry = entries.entry(word: best.id), type == nil || entry.type == type
        else { return nil }
        return (best.end, entry)
    }
}

/// A malformed rule file line.
public struct LexiconError: Error, CustomStringConvertible, Sendable {
    public var file: String
    public var line: Int
    public var message: String
    public var description: String { line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)" }
}

/// A value shared between threads behind a lock.
final class LockedBox<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value
    init(_ value: Value) { stored = value }
    var value: Value { lock.lock(); defer { lock.unlock() }; return stored }
    func set(_ value: Value) { lock.lock(); stored = value; lock.unlock() }
}

/// A string key hashed and compared by its UTF-8 bytes: names in the lexicon files are compared as
/// written, and Unicode-normalizing hashes were a large part of loading them.
struct UTF8Key: Hashable {
    let string: String
    init(_ string: String) { self.string = string }
    func hash(into hasher: inout Hasher) {
        var copy = string
        copy.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
    static func == (a: UTF8Key, b: UTF8Key) -> Bool { a.string.utf8.elementsEqual(b.string.utf8) }
}

/// The number and date vocabularies in one shared object: copying a lexicon (rules do, per document)
/// retains it once.
private final class Vocabularies: Sendable {
    let numbers: NumberWords
    let dates: DateVocabulary

    init(numbers: NumberWords, dates: DateVocabulary) {
        self.numbers = numbers
        self.dates = dates
    }

    static let standard = Vocabularies(numbers: .standard, dates: .standard)
}
