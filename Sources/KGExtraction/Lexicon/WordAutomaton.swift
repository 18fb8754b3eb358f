import Foundation

/// What a known word may name or do, from the entity files and the name lists. A word can be several.
public struct WordKinds: OptionSet, Sendable, Hashable {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    public static let place = WordKinds(rawValue: 1 << 0)
    public static let organization = WordKinds(rawValue: 1 << 1)
    public static let person = WordKinds(rawValue: 1 << 2)
    public static let event = WordKinds(rawValue: 1 << 3)
    public static let document = WordKinds(rawValue: 1 << 4)
    public static let concept = WordKinds(rawValue: 1 << 5)
    /// A person's title (`部长`, `总书记`).
    public static let title = WordKinds(rawValue: 1 << 6)
    /// A family name, single (`王`) or compound (`欧阳`).
    public static let surname = WordKinds(rawValue: 1 << 7)
    /// The head word an organization name ends in (`委员会`, `大学`, `银行`).
    public static let organizationHead = WordKinds(rawValue: 1 << 8)
    /// The ending of a place name (`省`, `县`, `江`, `机场`).
    public static let placeSuffix = WordKinds(rawValue: 1 << 9)
    /// A word that is not a name although it looks like one (`我国`, `全省`, `有关部门`).
    public static let notName = WordKinds(rawValue: 1 << 10)

    /// The kind of a gazetteer entry's type.
    static func entity(_ type: String) -> WordKinds {
        switch type {
        case "Place": .place
        case "Organization": .organization
        case "Person": .person
        case "Event": .event
        case "Document": .document
        default: .concept
        }
    }
}

/// The general dictionary: words with a corpus frequency and a part of speech, in jieba's format
/// (`WORD FREQ TAG` per line), kept as flat arrays in code-point order so that the automaton is built in
/// one linear pass.
struct GeneralDictionary: Sendable {
    var scalars: [UInt32] = []
    /// Word `k` is `scalars[offsets[k]..<offsets[k + 1]]`.
    var offsets: [Int32] = [0]
    var frequencies: [UInt32] = []
    var tags: [UInt8] = []
    var count: Int { frequencies.count }

    /// Reads jieba-format lines. Lines must be in code-point order of their words; `#` starts a comment.
    init(data: Data, file: String, tagTable: inout TagTable) throws {
        var lineNumber = 0
        var previous = 0..<0
        var tagCache: [UInt64: UInt8] = [:]
        try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            let n = bytes.count
            var i = 0
            scalars.reserveCapacity(n / 3)
            while i < n {
                lineNumber += 1
                var lineEnd = i
                while lineEnd < n, bytes[lineEnd] != 0x0A { lineEnd += 1 }
                defer { i = lineEnd + 1 }
                if lineEnd == i || bytes[i] == 0x23 { continue }  // empty or '#'
                func fail(_ message: String) -> LexiconError { LexiconError(file: file, line: lineNumber, message: message) }
                // The word, decoded from UTF-8.
                let wordStart = scalars.count
                var j = i
                while j < lineEnd, bytes[j] != 0x20, bytes[j] != 0x09 {
                    guard let (scalar, length) = UTF8Scalar.decode(bytes, at: j, end: lineEnd) else { throw fail("not valid UTF-8") }
                    scalars.append(scalar)
                    j += length
                }
                guard scalars.count > wordStart else { throw fail("a dictionary line is WORD FREQ [TAG]") }
                var frequency: UInt64 = 0
                j += 1
                var digits = 0
                while j < lineEnd, bytes[j] >= 0x30, bytes[j] <= 0x39 {
                    frequency = min(frequency * 10 + UInt64(bytes[j] - 0x30), UInt64(UInt32.max))
                    j += 1
                    digits += 1
                }
                guard digits > 0 else { throw fail("the frequency is not a number") }
                var tag: UInt8 = 0
                if j < lineEnd, bytes[j] == 0x20 || bytes[j] == 0x09 {
                    let tagStart = j + 1
                    var tagEnd = tagStart
                    while tagEnd < lineEnd, bytes[tagEnd] != 0x0D, bytes[tagEnd] != 0x20 { tagEnd += 1 }
                    // Tags are short ASCII: pack up to eight bytes into a key to avoid a String per line.
                    var key: UInt64 = 0
                    for k in tagStart..<min(tagEnd, tagStart + 8) { key = key << 8 | UInt64(bytes[k]) }
                    if let known = tagCache[key] {
                        tag = known
                    } else {
                        tag = tagTable.id(String(decoding: UnsafeBufferPointer(rebasing: bytes[tagStart..<tagEnd]), as: UTF8.self))
                        tagCache[key] = tag
                    }
                }
                let current = wordStart..<scalars.count
                guard scalars[previous].lexicographicallyPrecedes(scalars[current]) || previous.isEmpty else {
                    throw fail("words are not in code-point order (or repeat)")
                }
                previous = current
                offsets.append(Int32(scalars.count))
                frequencies.append(UInt32(frequency))
                tags.append(tag)
            }
        }
    }

    init() {}
}

/// Part-of-speech tags by number (jieba's `n`, `ns`, `nr`, `v`, …); 0 is "none".
public struct TagTable: Sendable {
    public private(set) var names: [String] = [""]
    private var ids: [String: UInt8] = ["": 0]

    mutating func id(_ name: String) -> UInt8 {
        if let id = ids[name] { return id }
        guard names.count < 255 else { return 0 }
        let id = UInt8(names.count)
        names.append(name)
        ids[name] = id
        return id
    }

    public func id(of name: String) -> UInt8? { ids[name] }
}

/// One UTF-8 decoding step.
enum UTF8Scalar {
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, end: Int) -> (UInt32, Int)? {
        let b0 = UInt32(bytes[i])
        if b0 < 0x80 { return (b0, 1) }
        func continuation(_ k: Int) -> UInt32? {
            guard i + k < end, bytes[i + k] & 0xC0 == 0x80 else { return nil }
            return UInt32(bytes[i + k] & 0x3F)
        }
        if b0 & 0xE0 == 0xC0, let c1 = continuation(1) {
            let v = (b0 & 0x1F) << 6 | c1
            return v >= 0x80 ? (v, 2) : nil
        }
        if b0 & 0xF0 == 0xE0, let c1 = continuation(1), let c2 = continuation(2) {
            let v = (b0 & 0x0F) << 12 | c1 << 6 | c2
            return v >= 0x800 && !(0xD800...0xDFFF).contains(v) ? (v, 3) : nil
        }
        if b0 & 0xF8 == 0xF0, let c1 = continuation(1), let c2 = continuation(2), let c3 = continuation(3) {
            let v = (b0 & 0x07) << 18 | c1 << 12 | c2 << 6 | c3
            return (0x10000...0x10FFFF).contains(v) ? (v, 4) : nil
        }
        return nil
    }
}

/// Every word kgx knows, general and named, in one automaton: at each position of a text it lists the
/// words that start there with their frequency, part of speech and kinds.
public struct WordAutomaton: Sendable {
    let trie: CompactTrie
    /// Per word: corpus frequency (0 when the word is only known as a name or a lexicon word).
    let frequencies: [UInt32]
    let tags: [UInt8]
    public let kinds: [WordKinds]
    /// Per word: log probability used by the segmenter.
    let logProbabilities: [Float]
    /// Log probability of a character no word explains.
    let unknownLogProbability: Float
    public let tagTable: TagTable
    /// Length in scalars of the longest word.
    let longest: Int

    /// A word the automaton knows, found at a position.
    public struct Word: Sendable {
        public var end: Int
        public var id: Int32
    }

    /// A word of the lexicon files added to the general dictionary, with what it names.
    struct ExtraWord {
        var key: [UInt32]
        var frequency: UInt32
        var tag: UInt8
        var kinds: WordKinds
        /// The entry this surface form leads to (-1: none), and when that entry was last extended: of
        /// several entries claiming one form, the last wins.
        var entry: Int32
        var touched: Int32
        /// The entry whose canonical name this is (-1: none).
        var canonicalOf: Int32
    }

    /// Builds the automaton from the general dictionary and the lexicon's own words (in any order, repeats
    /// allowed: kinds are joined, the highest frequency and the first tag kept). Returns the automaton, the
    /// merged extra words in code-point order and the word id of each.
    static func build(general: GeneralDictionary, extra: [ExtraWord], tagTable: TagTable) -> (WordAutomaton, [Int32], [ExtraWord]) {
        let order = extra.indices.sorted { a, b in
            extra[a].key == extra[b].key ? a < b : extra[a].key.lexicographicallyPrecedes(extra[b].key)
        }
        var merged: [ExtraWord] = []
        merged.reserveCapacity(order.count)
        for index in order {
            let word = extra[index]
            guard var last = merged.last, last.key == word.key else { merged.append(word); continue }
            last.kinds.formUnion(word.kinds)
            last.frequency = max(last.frequency, word.frequency)
            if last.tag == 0 { last.tag = word.tag }
            if word.entry >= 0, word.touched > last.touched { last.entry = word.entry; last.touched = word.touched }
            if word.canonicalOf >= 0 { last.canonicalOf = word.canonicalOf }
            merged[merged.count - 1] = last
        }
        var ids: [Int32] = []
        let automaton = WordAutomaton(general: general, extra: merged, tagTable: tagTable, extraIDs: &ids)
        return (automaton, ids, merged)
    }

    /// `extra` is sorted by code point and unique; `extraIDs` receives the word id of each.
    private init(general: GeneralDictionary, extra: [ExtraWord], tagTable: TagTable, extraIDs: inout [Int32]) {
        // Extra words merged with the (sorted) general dictionary.
        let extraKeys = extra.map(\.key)
        extraIDs.reserveCapacity(extra.count)
        var scalars: [UInt32] = []
        var offsets: [Int32] = [0]
        var frequencies: [UInt32] = []
        var tags: [UInt8] = []
        var kinds: [WordKinds] = []
        scalars.reserveCapacity(general.scalars.count + extraKeys.count * 4)
        var g = 0, e = 0
        var longest = 0
        func generalWord(_ k: Int) -> ArraySlice<UInt32> { general.scalars[Int(general.offsets[k])..<Int(general.offsets[k + 1])] }
        while g < general.count || e < extraKeys.count {
            let takeGeneral: Bool, takeExtra: Bool
            if g == general.count { (takeGeneral, takeExtra) = (false, true) }
            else if e == extraKeys.count { (takeGeneral, takeExtra) = (true, false) }
            else {
                let order = Self.compare(general.scalars, Int(general.offsets[g]), Int(general.offsets[g + 1]), extraKeys[e])
                (takeGeneral, takeExtra) = (order <= 0, order >= 0)
            }
            var frequency: UInt32 = 0, tag: UInt8 = 0, kind: WordKinds = []
            if takeGeneral {
                let word = generalWord(g)
                scalars.append(contentsOf: word)
                frequency = general.frequencies[g]
                tag = general.tags[g]
                longest = max(longest, word.count)
                g += 1
            }
            if takeExtra {
                let key = extraKeys[e]
                if !takeGeneral { scalars.append(contentsOf: key); longest = max(longest, key.count) }
                let info = extra[e]
                if !takeGeneral || info.frequency > 0 { frequency = max(frequency, info.frequency) }
                if tag == 0 { tag = info.tag }
                kind = info.kinds
                extraIDs.append(Int32(frequencies.count))
                e += 1
            }
            offsets.append(Int32(scalars.count))
            frequencies.append(frequency)
            tags.append(tag)
            kinds.append(kind)
        }
        trie = CompactTrie(scalars: scalars, offsets: offsets, values: Array(0..<Int32(frequencies.count)))
        let total = Double(frequencies.reduce(UInt64(0)) { $0 + UInt64($1) } + 1)
        let logTotal = Float(log(total))
        // A word known only by name gets the weight of a rare word, so a name found in the lexicon is
        // preferred to a split into characters, but never to a frequent general word.
        logProbabilities = frequencies.map { Float(log(Double(max($0, 3)))) - logTotal }
        unknownLogProbability = -logTotal
        self.frequencies = frequencies
        self.tags = tags
        self.kinds = kinds
        self.tagTable = tagTable
        self.longest = longest
    }

    /// Code-point order of `flat[start..<end]` and `key`: negative, zero or positive.
    @inline(__always)
    private static func compare(_ flat: [UInt32], _ start: Int, _ end: Int, _ key: [UInt32]) -> Int {
        let n = min(end - start, key.count)
        for k in 0..<n where flat[start + k] != key[k] { return flat[start + k] < key[k] ? -1 : 1 }
        return (end - start) - key.count
    }

    /// An automaton with no words.
    init() {
        var ids: [Int32] = []
        self.init(general: GeneralDictionary(), extra: [], tagTable: TagTable(), extraIDs: &ids)
    }

    /// Number of words.
    public var count: Int { frequencies.count }

    /// The words that start at `start`, shortest first.
    public func words(in text: [Unicode.Scalar], at start: Int, into result: inout [Word]) {
        trie.forEachPrefix(in: text, from: start) { end, id in result.append(Word(end: end, id: id)) }
    }

    /// The id of exactly this word, if known.
    public func id(of word: some Sequence<Unicode.Scalar>) -> Int32? { trie.value(of: word) }

    public func frequency(_ id: Int32) -> UInt32 { frequencies[Int(id)] }
    public func tag(_ id: Int32) -> String { tagTable.names[Int(tags[Int(id)])] }
    func tagID(_ id: Int32) -> UInt8 { tags[Int(id)] }
    public func kinds(_ id: Int32) -> WordKinds { kinds[Int(id)] }
}
