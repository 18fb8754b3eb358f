/// A date expression found in normalized text.
struct DateMatch: Sendable, Hashable {
    var range: Range<Int>
    /// EDTF date or interval, ISO 8601 duration or repeating interval; `nil` when the expression is
    /// relative and no reference date was given (then `attributes["unresolved"]` says so).
    var value: String?
    /// `date`, `interval`, `duration` or `set`.
    var kind: String
    /// `calendar` (`chinese` for lunisolar dates), `gregorian`, `approximate`, `unresolved`.
    var attributes: [String: String] = [:]
}

/// Finds and normalizes date expressions: scans for scalars that can start one, reads the longest
/// expression there with ``DateParser`` and goes on after it (leftmost longest). A second pass finds
/// event anchors (`党的十九大以来`) from the word after a dated event of the lexicon.
///
/// The grammar, in layers (files `DateParser*.swift`):
/// - numbers: Arabic digits, Chinese numerals with units (二十三, 两千零四) or read digit by digit
///   (二〇〇二), decimals for durations;
/// - tokens: years (`2021年`, `07年`, `康熙二十年`, `今年`), months (`6月`, `正月`, `上个月`), days (`6日`,
///   `初一`), weekdays, parts of the day, holidays, seasons;
/// - atoms (`DateParser+Calendar`, `+Time`): a calendar date with its parts (`2021年上半年`,
///   `6月上旬`), numeric dates (`2021-06-14`), relative days and weeks (`昨天`, `下周三`), decades and
///   centuries, clock times;
/// - durations, windows (`近三年`, `过去十年`), offsets (`5年前`) and sets (`每周一`) (`+Duration`);
/// - composition (`+Compose`): ranges (`A至B`, `从A到B`, `A和B之间`), modifiers (`以来`, `起`, `之前`,
///   `或之后`, `前后`) and prefixes (`自`, `截至`, `到`).
/// Relative values are computed from the reference date (a placeholder when there is none, and the
/// result is then reported unresolved).
struct DateScanner {
    let text: [Unicode.Scalar]
    let context: RuleContext
    var referenceDate: CalendarDate? { context.referenceDate }

    func scan() -> [DateMatch] {
        let parser = DateParser(text: text, reference: context.referenceDate, lexicon: context.lexicon)
        let named = context.lexicon.dateWords
        var found: [ParsedDate] = []
        var i = 0
        while i < text.count {
            let s = text[i]
            guard s.value < 0x10000 && Self.triggers[Int(s.value)] || named.holidays.mayStart(s) || named.eras.mayStart(s),
                !startsInsideNumber(i)
            else {
                i += 1
                continue
            }
            if let p = parser.parseExpression(at: i), !p.range.isEmpty {
                found.append(p)
                i = p.end
            } else {
                i += 1
            }
        }
        // Event anchors are found from the word after the event's name.
        var taken = IntervalSet()
        for p in found { taken.insert(p.range) }
        var anchors: [ParsedDate] = []
        let index = EventIndex.of(context.lexicon)
        for p in 0..<text.count where Self.anchorStarts.contains(text[p]) {
            if let a = parser.parseEventAnchor(endingAt: p, index: index), !taken.overlaps(a.range) {
                anchors.append(a)
                taken.insert(a.range)
            }
        }
        if !anchors.isEmpty { found = (found + anchors).sorted { $0.range.lowerBound < $1.range.lowerBound } }
        return found.map(match)
    }

    /// A mention-ready match for a parsed expression.
    func match(_ p: ParsedDate) -> DateMatch {
        var attributes: [String: String] = [:]
        if p.lunar { attributes[DateAttribute.calendar] = "chinese" }
        let pointLike = p.expr.kind == "date"
        if let approximate = p.approximate, !pointLike { attributes[DateAttribute.approximate] = approximate }
        if p.relative && referenceDate == nil {
            attributes[DateAttribute.unresolved] = "needs a reference date"
            return DateMatch(range: p.range, value: nil, kind: p.expr.kind, attributes: attributes)
        }
        let value = p.expr.value(approximate: pointLike && p.approximate != nil)
        if p.lunar, let gregorian = LunarCalendar.gregorianValue(ofLunar: value) {
            attributes[DateAttribute.gregorian] = gregorian
        }
        return DateMatch(range: p.range, value: value, kind: p.expr.kind, attributes: attributes)
    }

    /// Whether `i` is inside a number (`2021` at its `0`, `十九` at its `九`): expressions start at a number's start.
    func startsInsideNumber(_ i: Int) -> Bool {
        guard i > 0 else { return false }
        let s = text[i], p = text[i - 1]
        if CharacterClass.isASCIIDigit(s) {
            if CharacterClass.isASCIIDigit(p) || p == "." || CharacterClass.isASCIILetter(p) { return true }
            if (p == "-" || p == "/" || p == ":"), i >= 2, CharacterClass.isASCIIDigit(text[i - 2]) { return true }
            return false
        }
        if DateWords.isChineseNumeral(s) && DateWords.isChineseNumeral(p) { return true }
        // 马上, 之前, 以后, 线下, 最后: the scalar ends a word here and starts nothing.
        if Self.wordEnds.contains(s) && Self.wordGlue.contains(p) { return true }
        return false
    }

    /// Scalars an expression can start with.
    static let triggers: [Bool] = {
        var table = [Bool](repeating: false, count: 0x10000)
        func mark(_ s: Unicode.Scalar) { if s.value < 0x10000 { table[Int(s.value)] = true } }
        for s in "0123456789〇零一二两兩俩三四五六七八九十百千万廿卅半几".unicodeScalars { mark(s) }
        for s in "从從由自打截直到至在农阴公上下这這本近最过過未今明昨前后後去来大接往第首每Q约概当年月".unicodeScalars { mark(s) }
        for s in DateWords.relativeYears.firstScalars + DateWords.relativeMonths.firstScalars + DateWords.relativeDays.firstScalars
            + DateWords.weekWords.firstScalars
            + DateWords.dayParts.firstScalars
        {
            mark(s)
        }
        return table
    }()

    static let wordEnds = ScalarSet("上下前后")
    static let wordGlue = ScalarSet("马之以线向往最然此随会晚早地楼面路身")

    static let anchorStarts: ScalarSet = {
        var set = ScalarSet("")
        for s in DateParser.anchorSuffixes.firstScalars { set.insert(s) }
        return set
    }()
}

/// Attribute names of Date mentions besides `kind`.
enum DateAttribute {
    /// `about` or `more than`, on durations and intervals (points carry EDTF `~` instead).
    static let approximate = "approximate"
    /// Present, instead of a value, on relative expressions read without a reference date.
    static let unresolved = "unresolved"
    /// `chinese` when month and day are lunisolar (农历, 正月, 初一, 春节).
    static let calendar = "calendar"
    /// The Gregorian date of a lunisolar day whose year is known (`2023年春节` → `2023-01-22`).
    static let gregorian = "gregorian"
    /// `true` when the text gives no year and the year comes from the reference date (`9月10日`).
    static let yearFromReference = "yearFromReference"
}
