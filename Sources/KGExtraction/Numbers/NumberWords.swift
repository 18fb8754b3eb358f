import Foundation

/// The words the figure grammar consults, loaded from `Resources/lexicon/number-words.txt` (its header
/// documents the line kinds). Keeping them as data keeps the grammar code free of word lists.
struct NumberWords: Sendable {
    /// What a word after a number is.
    enum UnitCategory: Sendable, Equatable {
        /// A counting classifier (个, 名): the `unit` attribute, outside the span.
        case classifier
        /// A unit of measurement (吨, 公里): like a classifier.
        case measure
        /// A unit of time (年, 个月): like a classifier.
        case time
        /// A unit that belongs to the span (摄氏度).
        case spanned
        /// A currency (ISO 4217 code): the span includes it and the figure is money.
        case currency(String)
    }

    struct Unit: Sendable {
        var word: String
        var category: UnitCategory
    }

    /// The comparison a comparative word makes.
    enum Comparison: String, Sendable {
        case gt, ge, lt, le
        var isLowerBound: Bool { self == .gt || self == .ge }
    }

    struct Subunit: Sendable {
        var currency: String
        var divisor: Decimal
    }

    /// Units after a number: classifiers, measures, time units, spanned units, currencies.
    private(set) var units = ScalarTrie<Unit>()
    /// Currency signs before an amount → ISO code.
    private(set) var symbols = ScalarTrie<String>()
    /// First scalars of the currency signs, where the figure scan must stop to look (人民币, 港币, €).
    private(set) var symbolStarts = ScalarSet("")
    /// Currency subunits (角, 分, 美分).
    private(set) var subunits = ScalarTrie<Subunit>()
    /// Exception words, indexed by each scalar they contain: (word, offset of that scalar in the word).
    private(set) var exceptions: [Unicode.Scalar: [(word: [Unicode.Scalar], offset: Int)]] = [:]
    /// Approximation words before the number (reversed trie) and after it.
    private(set) var approximationPrefixes = ScalarTrie<String>()
    private(set) var approximationSuffixes = ScalarTrie<String>()
    /// Comparatives before the number (reversed trie) and after it.
    private(set) var comparisonPrefixes = ScalarTrie<Comparison>()
    private(set) var comparisonSuffixes = ScalarTrie<Comparison>()
    /// Words before a lone 一/两/零 that keep it a number (reversed trie).
    private(set) var loneContexts = ScalarTrie<Bool>()
    /// Words before a lone 一 that make it an article (这一天), reversed.
    private(set) var articleContexts = ScalarTrie<Bool>()
    /// Words starting with 成 / 折 / a one-character classifier that are not those uses.
    private(set) var notCheng = ScalarTrie<Bool>()
    private(set) var notZhe = ScalarTrie<Bool>()
    private(set) var notClassifier = ScalarTrie<Bool>()
    /// Words after N打 that make 打 a verb, not a dozen (打造, 打赢).
    private(set) var notDozen = ScalarTrie<Bool>()
    /// Words before N大 that make it a congress ordinal (reversed trie).
    private(set) var congressContexts = ScalarTrie<Bool>()
    /// Words after N大 that make it a congress ordinal without a context before it (二十大以来).
    private(set) var congressFollowers = ScalarTrie<Bool>()

    init() {}

    /// The bundled word lists.
    static let standard: NumberWords = {
        var words = NumberWords()
        guard let directory = Bundle.module.url(forResource: "lexicon", withExtension: nil) else {
            preconditionFailure("bundled lexicon directory missing")
        }
        let path = directory.appendingPathComponent("number-words.txt").path
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            preconditionFailure("cannot read \(path)")
        }
        do { try words.load(text: text, file: path) } catch { preconditionFailure("\(error)") }
        return words
    }()

    /// The line kinds of a number-words file; a rule file (`--rules`) may use them too.
    static let kinds: Set<String> = [
        "classifier", "measure", "time", "spanned", "currency", "symbol", "subunit", "exception", "approx", "compare", "lone",
        "article", "notcheng", "notclassifier", "notdozen", "notzhe", "congress", "congressnext",
    ]

    /// Adds the lines of a number-words file.
    mutating func load(text: String, file: String = "<number words>") throws {
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let trimmed = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            // Fields are tab-separated; words may contain spaces (小于 或 等于), so do not trim inside them.
            let fields = rawLine.split(separator: "\t", omittingEmptySubsequences: false).map {
                String($0).trimmingCharacters(in: CharacterSet(charactersIn: "\r"))
            }
            try add(fields: fields, file: file, line: lineNumber)
        }
    }

    /// Adds one line, cut into its tab-separated fields.
    mutating func add(fields: [String], file: String, line lineNumber: Int) throws {
        func fail(_ message: String) -> LexiconError { LexiconError(file: file, line: lineNumber, message: message) }
        func words(_ field: String) -> [[Unicode.Scalar]] {
            field.split(separator: "|").map { Array($0.unicodeScalars) }.filter { !$0.isEmpty }
        }
        func need(_ count: Int) throws { if fields.count < count { throw fail("\(fields[0]) needs \(count - 1) fields") } }
        switch fields[0] {
        case "classifier", "measure", "time", "spanned":
            try need(2)
            let category: UnitCategory = switch fields[0] {
            case "classifier": .classifier
            case "measure": .measure
            case "time": .time
            default: .spanned
            }
            for word in words(fields[1]) { units.insert(word, Unit(word: String(String.UnicodeScalarView(word)), category: category)) }
        case "currency":
            try need(3)
            for word in words(fields[2]) {
                units.insert(word, Unit(word: String(String.UnicodeScalarView(word)), category: .currency(fields[1])))
            }
        case "symbol":
            try need(3)
            for word in words(fields[2]) {
                symbols.insert(word, fields[1])
                if let first = word.first { symbolStarts.insert(first) }
            }
        case "subunit":
            try need(4)
            guard let divisor = Decimal(string: fields[2]) else { throw fail("subunit divisor '\(fields[2])' is not a number") }
            for word in words(fields[3]) { subunits.insert(word, Subunit(currency: fields[1], divisor: divisor)) }
        case "exception":
            try need(2)
            for word in words(fields[1]) {
                for (offset, scalar) in word.enumerated() where NumberCharacters.mayStartFigure(scalar) {
                    exceptions[scalar, default: []].append((word, offset))
                }
            }
        case "approx":
            try need(4)
            guard ["about", "more than", "less than"].contains(fields[1]) else { throw fail("unknown approximation '\(fields[1])'") }
            for word in words(fields[3]) {
                switch fields[2] {
                case "prefix": approximationPrefixes.insert(word.reversed(), fields[1])
                case "suffix": approximationSuffixes.insert(word, fields[1])
                default: throw fail("approx position must be prefix or suffix")
                }
            }
        case "compare":
            try need(4)
            guard let comparison = Comparison(rawValue: fields[1]) else { throw fail("unknown comparison '\(fields[1])'") }
            for word in words(fields[3]) {
                switch fields[2] {
                case "prefix": comparisonPrefixes.insert(word.reversed(), comparison)
                case "suffix": comparisonSuffixes.insert(word, comparison)
                default: throw fail("compare position must be prefix or suffix")
                }
            }
        case "lone":
            try need(2)
            for word in words(fields[1]) { loneContexts.insert(word.reversed(), true) }
        case "article":
            try need(2)
            for word in words(fields[1]) { articleContexts.insert(word.reversed(), true) }
        case "notcheng":
            try need(2)
            for word in words(fields[1]) { notCheng.insert(word, true) }
        case "notzhe":
            try need(2)
            for word in words(fields[1]) { notZhe.insert(word, true) }
        case "notdozen":
            try need(2)
            for word in words(fields[1]) { notDozen.insert(word, true) }
        case "notclassifier":
            try need(2)
            for word in words(fields[1]) { notClassifier.insert(word, true) }
        case "congress":
            try need(2)
            for word in words(fields[1]) { congressContexts.insert(word.reversed(), true) }
        case "congressnext":
            try need(2)
            for word in words(fields[1]) { congressFollowers.insert(word, true) }
        default:
            throw fail("unknown kind '\(fields[0])'")
        }
    }

    /// Whether an exception word covers the figure `start..<end`: it contains both, and the figure's unit
    /// word, if any, does not begin inside the exception and run past it (十分 does not cover 十分钟).
    func isException(in text: [Unicode.Scalar], start: Int, end: Int, unit: Range<Int>? = nil) -> Bool {
        guard start < text.count, let candidates = exceptions[text[start]] else { return false }
        for (word, offset) in candidates {
            let wordStart = start - offset
            let wordEnd = wordStart + word.count
            guard wordStart >= 0, wordEnd <= text.count, wordEnd >= end else { continue }
            if let unit, unit.lowerBound < wordEnd, unit.upperBound > wordEnd { continue }
            var matches = true
            for (k, scalar) in word.enumerated() where text[wordStart + k] != scalar {
                matches = false
                break
            }
            if matches { return true }
        }
        return false
    }
}
