import KGModel

/// Persons, with or without a title: Chinese names (a family name, single or compound, and one or two
/// given-name characters) and transliterated foreign names (`克林顿`, `让·雅克`).
///
/// Each candidate is scored as a word of the segmentation: its name-model log probability (how common
/// the family name is, how often each character occurs in given names) against the best reading of the
/// text without it (``LexicalAnalysis/gain(of:logProbability:)``), plus context that raises confidence: a
/// title before or after (`部长王建国`, `王建国部长`), an honorific (`同志`), a verb of speech (`说`,
/// `表示`), a list of other names. A name that cuts through a better-explained word (`于是`, `周年`,
/// `高达`) loses. The title is not part of the name; ``HoldsTitleRule`` links the two.
struct PersonRule: MentionRule {
    let id = "person"
    let summary = "Persons: family name + given name scored against the segmentation, transliterated foreign names, context cues"

    /// Log probability that a token of news text is a Chinese personal name of two given characters, the
    /// norm; one given character is ``singleGivenPenalty`` less likely (and far more often a word).
    static let chineseNameLog: Float = -4.0
    static let singleGivenPenalty: Float = 2.0
    /// Log probability that a token is a transliterated foreign name, and of each of its characters.
    static let foreignNameLog: Float = -6.0
    static let transliterationCharacterLog: Float = -3.2
    /// The score a candidate needs: gain plus context.
    static let threshold: Float = 1.0
    /// Gains are sums of log probabilities added in different orders: scores this close are ties, so a
    /// dictionary name with nothing around it is not taken in one sentence and dropped in the next.
    static let tolerance: Float = 0.001
    /// The score of a dotted foreign name, above any score that gain and context give.
    static let dottedScore: Float = 1000
    /// Characters that end names of places, buildings and organizations rather than given names.
    static let nonNameEndings: Set<Unicode.Scalar> = ["路", "街", "村", "镇", "乡", "县", "市", "省", "区", "岛", "港", "湾", "寺", "庙", "宫", "馆", "所", "厂", "店", "站", "场", "园", "楼", "堂", "队", "部", "局", "委", "会", "社", "台", "团", "党", "杯", "车", "球", "号", "卡", "湖", "祠", "塔", "网", "滩", "沟", "屯", "坝", "堡", "洞", "崖", "寨", "墓", "瀑", "矶", "岬", "埠", "廊", "坊", "巷", "礁", "潭", "泊", "院", "府", "厅", "线"]
    /// Log probability of a family name held by one person in a thousand.
    static let commonSurnameLog: Float = -7.0

    var examples: [RuleExample] {
        [
            .positive("王建国部长主持会议。", "王建国"),
            .positive("会上,刘芳同志作了发言。", "刘芳"),
            .positive("省委书记陈晓东主持召开会议。", "陈晓东"),
            .positive("国务院总理李强来到保定考察。", "李强"),
            .positive("主教练让高志和罗强三前锋同时首发。", "高志", "罗强"),  // three forwards, not 罗强三
            .negative("美国总统奥巴马抵达北京。", forbidding: "奥巴马抵达"),
            .positive("张伟副部长出席。", "张伟"),
            .positive("上官文华表示,工作取得进展。", "上官文华"),
            .positive("赵丽华说,村里变化很大。", "赵丽华"),
            .positive("美国总统克林顿抵达北京。", "克林顿"),
            .positive("意大利总统斯卡尔法罗说,两国关系良好。", "斯卡尔法罗"),
            .positive("美国商人约翰·史密斯先生访问中国。", "约翰·史密斯"),  // 史密斯 written with common characters
            .positive("理查德·韦斯特市长说,合作前景广阔。", "理查德·韦斯特"),
            .positive("编剧史蒂夫·奈尔斯加盟剧组。", "史蒂夫·奈尔斯"),  // a role before, a verb after
            .positive("金海生：我认为这场比赛主队占优。", "金海生"),  // a speaker's label
            .positive("王建国抵达拉萨后举行会谈。", "王建国"),
            .positive("记者郑思远报道:会议今天开幕。", "郑思远"),  // a role before the name
            .positive("出席会议的有王建国刘海涛陈晓明等同志。", "王建国", "刘海涛", "陈晓明"),  // a roll of names without marks
            .positive("后腰卡塔利诺表现出色。", "卡塔利诺"),  // a position on the pitch is a role
            .positive("代表名单王建国刘海涛陈晓明林平叶青张伟", "王建国", "刘海涛", "陈晓明", "林平", "叶青", "张伟"),  // a roll read as a whole
            .negative("主席团成员王建国李明高志强陈晓明刘海涛张伟", forbidding: "席团成"),  // the roll starts at its first name
            .negative("他们来到马家堡附近。", forbidding: "马家堡"),  // 堡 ends places, hardly given names
            .positive("入选的球员有马尔凯斯（拜仁）、卡斯特拉（米兰）、维拉诺（国米）。", "马尔凯斯", "卡斯特拉", "维拉诺"),  // notes in a list
            .positive("主帅卡斯特拉坦言压力很大。", "卡斯特拉"),  // 坦 starts 坦言, a word the name does not run into
            .negative("主帅卡斯特拉坦言压力很大。", forbidding: "卡斯特拉坦"),
            .positive("金开：我看好主队。", "金开"),  // a speaker's label outweighs 开 as a word
            .positive("本报讯(记者高峰)全市春耕进度过半。", "高峰"),  // a byline: a word, but a name between a role and a bracket
            .positive("(本报记者王建新摄)", "王建新"),
            .positive("书法家陈丽云女士题写了馆名。", "陈丽云"),  // 云 is a family name, but far more often a given name
            .positive("研究所副所长周晓东孙女士陪同参观。", "周晓东"),  // 孙 starts the next person (孙女士)
            .positive("由青年导演马楚生执导的影片上映。", "马楚生"),  // a Chinese name, not the foreign run 马楚
            .positive("海关总署副署长刘文杰出席。", "刘文杰"),
            .positive("外援罗德里格斯攻入一球。", "罗德里格斯"),
            .positive("主裁判阿特金森判罚点球。", "阿特金森"),  // 金 is no foreign character, but between two it is
            .positive("英国国防大臣霍华德今天发表声明。", "霍华德"),
            .positive("美国总统奥巴马抵达北京。", "奥巴马"),  // also a town in the dictionary
            .negative("刘先生表示同意,陈小姐也点了头。"),  // a family name with a form of address is no name
            .positive("乐队的音乐总监Tom Baxter也来了。", "Tom Baxter"),  // a Latin name after a role
            .positive("解说嘉宾是主持人Lucy、Mike和老王。", "Lucy", "Mike"),  // a list of names
            .negative("他用iPhone拍照。"),
            .negative("孩子们爱读《哈利·波特与魔法石》。", forbidding: "哈利·波特"),
            .positive("格里斯曼和陈强都受伤了。", "格里斯曼", "陈强"),  // a foreign name listed with a name
            .positive("国务院任命王明为副部长。", "王明"),
            .positive("大会主席、市长王明致欢迎词。", "王明"),
            .positive("大会选举李华为主席团成员。", "李华"),
            .negative("党委书记担任主任。"),
            .negative("总书记强调:要抓好落实。"),
            .negative("于是大家高达一致,庆祝建厂五十周年。"),
            .negative("这项工作取得明显成效。"),
            .negative("我们要高举旗帜,团结奋斗。"),
        ]
    }

    func mentions(in text: PreparedText, context: RuleContext) -> [Mention] {
        let s = text.scalars
        let lexicon = context.lexicon
        let analysis = context.analysis(of: text)
        let table = lexicon.nameCharacters
        let cues = context.names
        var candidates: [(range: Range<Int>, score: Float, title: Range<Int>?)] = []
        // Names that fall short of the threshold: a name they are listed with (迪亚比和纳斯里) makes them names.
        var listable: [(range: Range<Int>, score: Float, title: Range<Int>?)] = []
        // Where a Chinese name of three characters reads better than the segmentation: a two-character
        // foreign run there is its head (马楚 of 马楚成), not a name.
        var chineseThreeCharacterNames = Set<Int>()
        // Candidates of the family-name model: in a list written without marks (王建国刘海涛陈晓明), one of
        // them found makes the one right next to it a name too.
        var chineseNames = Set<Range<Int>>()
        for i in s.indices where CharacterClass.isHan(s[i]) {
            table.forEachSurname(in: s, at: i) { surnameLength, surnameLog in
                for givenLength in 1...2 {
                    let end = i + surnameLength + givenLength
                    guard end <= s.count else { break }
                    var logP = (givenLength == 2 ? Self.chineseNameLog : Self.chineseNameLog - Self.singleGivenPenalty) + surnameLog
                    var valid = true
                    for k in (i + surnameLength)..<end {
                        let g = table.givenLogProbability(s[k])
                        if !CharacterClass.isHan(s[k]) || g == -.infinity { valid = false; break }
                        logP += g
                    }
                    guard valid else { break }
                    // Nor in an adverb or a particle that starts the predicate (陈强都受伤, 王明也说).
                    if Self.predicateStarts.contains(s[end - 1]) { continue }
                    // A given name does not end in the ending of a place or an organization (凤起路, 梁沟村).
                    if givenLength == 2, Self.nonNameEndings.contains(s[end - 1]) { continue }
                    // 为 after a name links it to a role (任命王明为副部长, 选举李华为主席), unlike 为 in a
                    // name before a verb (李有为说).
                    if givenLength == 2, s[end - 1] == "为",
                       s.longestWord(startingAt: end, in: cues.titles, maxLength: 8) != nil || Self.followsAppointment(i, s: s, lexicon: lexicon)
                    {
                        continue
                    }
                    // A form of address is no given name (刘先生, 陈小姐), and a family name before one is
                    // the next person's (孙晶 of 孙晶孙女士).
                    if s.longestWord(startingAt: i + surnameLength, in: cues.address, maxLength: 3) == end { continue }
                    if givenLength == 2, table.isSurname(s[end - 1]), (lexicon.givenNameCounts[s[end - 1]] ?? 0) < Self.rareGivenCount,
                       s.longestWord(startingAt: end, in: Self.bareSurnameAddress, maxLength: 2) != nil
                    {
                        continue
                    }
                    // 摄 closing a byline is "photograph by" (（本报记者王明摄）).
                    if givenLength == 2, s[end - 1] == "摄", end == s.count || NameContext.closingMarks.contains(s[end]) { continue }
                    // 致 before what is delivered is the verb (王明致欢迎词, 王明致贺电), not a given name.
                    if givenLength == 2, s[end - 1] == "致", s.longestWord(startingAt: end, in: Self.delivered, maxLength: 3) != nil {
                        continue
                    }
                    let range = i..<end
                    // Foreign characters running on past the given name make the candidate the head of a
                    // foreign name (霍芬海 of 霍芬海姆), which the transliteration path reads whole.
                    if end < s.count, table.isTransliteration(s[end]), s[(i + surnameLength)..<end].allSatisfy(table.isTransliteration) { continue }
                    var bonus: Float = 0
                    // A name the dictionary knows, of name shape (`邓小平`); two-character dictionary
                    // "names" are too often ordinary words (`文明`, `高达`).
                    let word = analysis.word(spanning: range)
                    // A place name of name shape right after a title is a person's (国务委员罗干).
                    let titled = cues.titleOrRole(endingAt: i, s: s)
                    if titled, let word, lexicon.automaton.tag(word) == "ns" {
                        logP = max(logP, lexicon.automaton.logProbabilities[Int(word)])
                    }
                    // A foreign word the dictionary files as a name, right before a noun (雷吉纳主场), modifies it.
                    if let word, let known = knownName(word, range, s: s, analysis: analysis, cues: cues),
                        !(s[range].allSatisfy(table.isTransliteration) && modifiesNoun(range, s: s, analysis: analysis, lexicon: lexicon))
                    {
                        let frequency = lexicon.automaton.frequency(word)
                        if range.count == 2 {
                            // A two-character dictionary name is trusted with a common family name and a
                            // frequency of a name (李鹏, 乔石); otherwise half way to the model (滑雪, 文明).
                            let trusted = surnameLog > Self.commonSurnameLog && (50...3000).contains(frequency)
                            logP = max(logP, trusted ? known : (logP + known) / 2)
                        } else if frequency >= 1000 || (!isCompound(range, surnameLength: surnameLength, analysis: analysis, automaton: lexicon.automaton)
                            && nameLike(range, surnameLength: surnameLength, s: s, lexicon: lexicon))
                        {
                            logP = max(logP, known)
                            bonus += 2
                        }
                    }
                    // A name framed by a title or role before it and a mark after it (经理舒畅，, 记者马力）)
                    // is read even when its given part is a word, unless that word is a verb or a function
                    // word (书记强调，, 记者发现，).
                    if cues.titleOrRole(endingAt: i, s: s), end == s.count || CharacterClass.isPunctuation(s[end]),
                        s[(i + surnameLength)..<end].allSatisfy({ c in
                            c != "某" && (lexicon.givenNameCounts[c] ?? 0) >= Self.framedGivenCount
                        }),
                        !isPredicate(range, surnameLength: surnameLength, analysis: analysis, automaton: lexicon.automaton)
                    {
                        bonus += Self.framedBonus
                    }
                    // Most candidates lose to the segmentation by far; context cannot save them.
                    let gain = analysis.gain(of: range, logProbability: logP)
                    if gain + bonus + NameContext.maximumBonus < Self.threshold - Self.listMargin { continue }
                    guard let (context, title) = cues.evidence(range, s: s, analysis: analysis, titledPlaces: titled) else { continue }
                    bonus += context
                    if gain + bonus >= Self.threshold - Self.tolerance {
                        candidates.append((range, gain + bonus, title))
                        chineseNames.insert(range)
                        if surnameLength == 1, givenLength == 2, gain > 0 { chineseThreeCharacterNames.insert(i) }
                    } else if gain + bonus >= Self.threshold - Self.listMargin {
                        listable.append((range, gain + bonus, title))
                        chineseNames.insert(range)
                    }
                }
            }
            // A family name alone before a title (江主席, 王部长), as news writes a known person.
            if table.isSurname(s[i]), analysis.isBoundary(i), !Self.stopCharacters.contains(s[i]),
                i == 0 || NumberCharacters.digit(s[i - 1]) == nil,
                let titleEnd = s.longestWord(startingAt: i + 1, in: cues.titles, maxLength: 5),
                analysis.tokenEnd(at: i) == titleEnd || (analysis.tokenEnd(at: i) == i + 1 && (analysis.tokenEnd(at: i + 1) == titleEnd || analysis.isBoundary(titleEnd)))
            {
                candidates.append((i..<(i + 1), 2.5, (i + 1)..<titleEnd))
            }
            // A foreign name the dictionary knows as one token, written with characters that are common in
            // Chinese words too (斯卡尔法罗, with 法): trusted with a title, speech or a list around it.
            if analysis.isBoundary(i), let end = analysis.tokenEnd(at: i), end - i >= 3,
                let word = analysis.word(spanning: i..<end), lexicon.automaton.tag(word) == "nrt",
                !s[i..<end].allSatisfy(table.isTransliteration),
                let (context, title) = cues.evidence(i..<end, s: s, analysis: analysis), context >= 1
            {
                candidates.append((i..<end, Self.threshold + 1 + context, title))
            }
            // A three-character dictionary word of name shape that the family-name model cannot read (a rare
            // family name or given character: 郅振璞, 严义埙) or that the dictionary files as another kind of
            // proper noun (周铁农 nz): a name with a title, a role or an honorific next to it.
            if analysis.isBoundary(i), let end = analysis.tokenEnd(at: i), end - i == 3, s.isAllHan(i..<end),
                !Self.stopCharacters.contains(s[i]), !Self.nonNameEndings.contains(s[end - 1]),
                let word = analysis.word(spanning: i..<end), case let tag = lexicon.automaton.tag(word),
                tag == "nr" || tag == "nrfg" || ((tag == "nz" || tag == "n") && table.isSurname(s[i]) && lexicon.automaton.frequency(word) < 500
                    && (s.longestWord(endingAt: i, in: cues.titles, maxLength: 5) != nil || s.longestWord(endingAt: i, in: cues.roles, maxLength: 5) != nil)),
                let (context, title) = cues.evidence(i..<end, s: s, analysis: analysis), context >= 3
            {
                candidates.append((i..<end, Self.threshold + context, title))
            }
            // Transliterated names: a run of transliteration characters, possibly joined by `·`.
            if table.isTransliteration(s[i]), i == 0 || !table.isTransliteration(s[i - 1]) {
                var end = i
                var bridged = false
                while end < s.count, end - i < 12 {
                    if table.isTransliteration(s[end]) || (Self.isNameDot(s[end]) && end > i && end + 1 < s.count && CharacterClass.isHan(s[end + 1])) {
                        end += 1
                    } else if !bridged, end - i >= 2, end + 1 < s.count, table.isTransliteration(s[end + 1]), CharacterClass.isHan(s[end]),
                        !Self.stopCharacters.contains(s[end]), !Self.nonNameEndings.contains(s[end]), table.isTransliteration(s[end - 1]),
                        !startsCommonWord(end, s: s, analysis: analysis, lexicon: lexicon)
                    {
                        // One common character between foreign ones belongs to the name (阿特金森, 谢尔久科夫).
                        bridged = true
                        end += 1
                    } else {
                        break
                    }
                }
                if s[i..<end].contains(where: Self.isNameDot) {
                    // A dot joins the parts of one foreign name: the parts run to the words around them
                    // (理查德·赖尔登 after 市长, 科菲·安南 before punctuation).
                    let range = dottedName(i..<end, s: s, analysis: analysis, cues: cues)
                    // The dot is the strongest evidence there is: the whole name wins over any part of it
                    // that reads as a name alone (赖尔登 of 理查德·赖尔登).
                    if range.count >= 3, !Self.isNameDot(s[range.upperBound - 1]), let (context, title) = cues.evidence(range, s: s, analysis: analysis) {
                        // A part's gain over a segmentation of single characters can be large (杜伊森贝赫 of
                        // 维姆·杜伊森贝赫): the dotted whole is ranked above every undotted candidate.
                        candidates.append((range, Self.dottedScore + context, title))
                    }
                    continue
                }
                // A run that holds a name the dictionary knows (安德雷 of 安德雷斯, 兰迪斯 of 奥兰迪斯) is that
                // name written out in full: the run inherits the evidence.
                let runKnown = end - i >= 4 && runHoldsKnownName(i..<end, s: s, analysis: analysis, lexicon: lexicon)
                // The run and its prefixes that end on a token boundary.
                var stop = end
                while stop - i >= 2 {
                    let range = i..<stop
                    if analysis.isBoundary(stop) || (stop == end && !endsInsideCommonWord(i..<stop, s: s, analysis: analysis, lexicon: lexicon)),
                        !Self.isNameDot(s[stop - 1])
                    {
                        var logP = Self.foreignNameLog + Float(range.count) * Self.transliterationCharacterLog
                        var known: Float = 0
                        let word = analysis.word(spanning: range)
                        // A title before it makes a place name a person's (总统奥巴马: 奥巴马 is also a town).
                        if let word, !["nr", "nrt", "nrfg", ""].contains(lexicon.automaton.tag(word)),
                            lexicon.automaton.tag(word) != "ns" || !cues.titleOrRole(endingAt: i, s: s)
                        {
                            // A dictionary word of another kind (阿拉伯, 厄尔尼诺, 摩托罗拉) is not a person.
                            stop -= 1
                            continue
                        }
                        if let word, let logKnown = knownName(word, range, s: s, analysis: analysis, cues: cues, foreignOnly: true) {
                            logP = max(logP, logKnown)
                            known = 2
                        } else if let word, lexicon.automaton.tag(word) == "ns" {
                            // The titled place name of the test above: as likely as the dictionary has it.
                            logP = max(logP, lexicon.automaton.logProbabilities[Int(word)])
                        } else if stop == end, runKnown {
                            known = 3
                        }
                        // A foreign name needs the dictionary or context (a title, speech, a list): clubs,
                        // brands and places are written with the same characters (阿森纳, 摩托罗拉).
                        if range.count > 2 || known > 0 || !chineseThreeCharacterNames.contains(i),
                            let (context, title) = cues.evidence(range, s: s, analysis: analysis, titledPlaces: true)
                        {
                            let bonus = context + known
                            let score = analysis.gain(of: range, logProbability: logP) + bonus
                            if context >= 2 || (range.count >= 3 && known > 0 && !modifiesNoun(range, s: s, analysis: analysis, lexicon: lexicon)) {
                                if score >= Self.threshold + 1 - Self.tolerance { candidates.append((range, score, title)); break }
                            } else if stop == end, !modifiesNoun(range, s: s, analysis: analysis, lexicon: lexicon) {
                                // The whole run, with nothing around it: a name only in a list of names.
                                listable.append((range, score, title))
                            }
                        }
                    }
                    stop -= 1
                }
            }
        }
        // Latin names and handles right after a title or a role (音乐总监Brad Buxer, 解说员Sky): in a list
        // of names without one.
        var j = 0
        while j < s.count {
            guard CharacterClass.isASCIILetter(s[j]), j == 0 || !CharacterClass.isASCIIAlphanumeric(s[j - 1]) else {
                j += 1
                continue
            }
            var end = j
            while end < s.count,
                CharacterClass.isASCIIAlphanumeric(s[end])
                    || (s[end] == " " || s[end] == "." || s[end] == "-") && end + 1 < s.count && CharacterClass.isASCIILetter(s[end + 1])
            {
                end += 1
            }
            if (2...30).contains(end - j) {
                if let titleStart = s.longestWord(endingAt: j, in: cues.titles, maxLength: 5) {
                    candidates.append((j..<end, Self.threshold + 3, titleStart..<j))
                } else if s.longestWord(endingAt: j, in: cues.roles, maxLength: 5) != nil {
                    candidates.append((j..<end, Self.threshold + 3, nil))
                } else {
                    listable.append((j..<end, Self.threshold - 1, nil))
                }
            }
            j = end + 1
        }
        // A foreign name inside a title of a work (《哈利·波特与魔法石》, 《爱丽丝梦游仙境》) is a character or
        // the work's name, not a person the news is about.
        var titleDepth = 0
        var inTitle = [Bool](repeating: false, count: s.count)
        for k in s.indices {
            if s[k] == "《" { titleDepth += 1 } else if s[k] == "》" { titleDepth = max(0, titleDepth - 1) } else { inTitle[k] = titleDepth > 0 }
        }
        func isForeignInTitle(_ range: Range<Int>) -> Bool {
            inTitle[range.lowerBound] && s[range].allSatisfy { table.isTransliteration($0) || Self.isNameDot($0) }
        }
        candidates.removeAll { isForeignInTitle($0.range) }
        listable.removeAll { isForeignInTitle($0.range) }
        // The best-scored candidate of each overlapping group.
        candidates.sort { $0.score != $1.score ? $0.score > $1.score : $0.range.lowerBound < $1.range.lowerBound }
        var taken = IntervalSet()
        var result: [Mention] = []
        var names: [Range<Int>] = []
        func accept(_ candidate: (range: Range<Int>, score: Float, title: Range<Int>?)) {
            taken.insert(candidate.range)
            names.append(candidate.range)
            var attributes: [String: String] = [:]
            if let title = candidate.title { attributes[AttributeKey.title] = s.text(title) }
            let name = s.text(candidate.range)
            result.append(Mention(type: .person, range: candidate.range, value: lexicon.canonicalName(of: name, type: .person),
                                  attributes: attributes, rule: id))
        }
        for candidate in candidates where !taken.overlaps(candidate.range) { accept(candidate) }
        // Names listed with a name (王明、李华和张强): each one found makes its neighbours across a list mark
        // names, the best-scored first; a worklist keeps a long list linear.
        listable.sort { $0.score != $1.score ? $0.score > $1.score : $0.range.lowerBound < $1.range.lowerBound }
        var startingAt: [Int: [Int]] = [:], endingAt: [Int: [Int]] = [:]
        for (index, candidate) in listable.enumerated() {
            startingAt[candidate.range.lowerBound, default: []].append(index)
            endingAt[candidate.range.upperBound, default: []].append(index)
        }
        var pending = names
        while let name = pending.popLast() {
            var neighbours: [Int] = []
            // A short note in brackets may follow each name of a list (马尔凯斯（拜仁）、维拉诺（国米）).
            let after = Self.afterNote(name.upperBound, s: s)
            if after + 1 < s.count, Self.listJoiners.contains(s[after]) { neighbours += startingAt[after + 1] ?? [] }
            if name.lowerBound >= 2, Self.listJoiners.contains(s[name.lowerBound - 1]) {
                neighbours += endingAt[name.lowerBound - 1] ?? []
                if let noteStart = Self.noteStart(endingAt: name.lowerBound - 1, s: s) { neighbours += endingAt[noteStart] ?? [] }
            }
            if chineseNames.contains(name) {
                // Chinese names side by side with no mark between them (a roll of names in a report).
                neighbours += (startingAt[name.upperBound] ?? []).filter { chineseNames.contains(listable[$0].range) }
                neighbours += (endingAt[name.lowerBound] ?? []).filter { chineseNames.contains(listable[$0].range) }
            }
            for index in neighbours.sorted() where !taken.overlaps(listable[index].range) {
                accept(listable[index])
                pending.append(listable[index].range)
            }
        }
        result = rereadRolls(result, s: s, table: table, lexicon: lexicon)
        return result.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// The shortest run of Han characters read as a roll of names, and the share of it that names found
    /// one by one must cover.
    static let rollLength = 12
    static let rollCoverage: Float = 0.6
    /// Log probability of a character of a roll that starts no name (an ethnic name, a stray word).
    static let rollSkipLog: Float = -18

    /// Rolls of names written without marks (a list of delegates: 王建国林平叶青): inside a run of Han
    /// characters that names found one by one mostly fill, the best division of the whole run into names
    /// beats the choices made name by name (林平|叶青, not 林平叶|青).
    private func rereadRolls(_ found: [Mention], s: [Unicode.Scalar], table: NameCharacterTable, lexicon: Lexicon) -> [Mention] {
        // One sweep over the runs and the names in text order keeps this linear in the text.
        let sorted = found.sorted { $0.range.lowerBound < $1.range.lowerBound }
        var dropped = [Bool](repeating: false, count: sorted.count)
        var added: [Mention] = []
        var next = 0
        var i = 0
        while i < s.count {
            guard CharacterClass.isHan(s[i]) else { i += 1; continue }
            var end = i
            while end < s.count, CharacterClass.isHan(s[end]) { end += 1 }
            let hanRun = i..<end
            i = end
            while next < sorted.count, sorted[next].range.lowerBound < hanRun.lowerBound { next += 1 }
            var inside: [Int] = []
            while next < sorted.count, sorted[next].range.lowerBound < hanRun.upperBound {
                if sorted[next].range.upperBound <= hanRun.upperBound { inside.append(next) }
                next += 1
            }
            // From the first name found to the last (names do not overlap: in start order they end in order
            // too): the words around a roll (代表名单, 等) are no names.
            guard inside.count >= 4, let first = inside.first, let last = inside.last else { continue }
            let run = sorted[first].range.lowerBound..<sorted[last].range.upperBound
            let covered = inside.reduce(0) { $0 + sorted[$1].range.count }
            guard run.count >= Self.rollLength, Float(covered) >= Self.rollCoverage * Float(run.count),
                let names = rollDivision(run, s: s, table: table)
            else { continue }
            // A name the division confirms keeps what was found with it (its title, its rule).
            let confirmed = Set(names)
            for index in inside where !confirmed.contains(sorted[index].range) { dropped[index] = true }
            let kept = Set(inside.map { sorted[$0].range })
            for name in names where !kept.contains(name) {
                added.append(Mention(type: .person, range: name, value: lexicon.canonicalName(of: s.text(name), type: .person), rule: id))
            }
        }
        return sorted.indices.filter { !dropped[$0] }.map { sorted[$0] } + added
    }

    /// The most probable division of a roll into names and skipped characters, or nil.
    private func rollDivision(_ run: Range<Int>, s: [Unicode.Scalar], table: NameCharacterTable) -> [Range<Int>]? {
        // best[k]: the best log probability of run[..<k].
        let n = run.count
        var best = [Float](repeating: -.infinity, count: n + 1)
        var back = [Int](repeating: -1, count: n + 1)
        var isName = [Bool](repeating: false, count: n + 1)
        best[0] = 0
        for k in 0..<n where best[k] > -.infinity {
            let at = run.lowerBound + k
            if best[k] + Self.rollSkipLog > best[k + 1] { best[k + 1] = best[k] + Self.rollSkipLog; back[k + 1] = k; isName[k + 1] = false }
            table.forEachSurname(in: s, at: at) { surnameLength, surnameLog in
                for givenLength in 1...2 {
                    let stop = at + surnameLength + givenLength
                    guard stop <= run.upperBound else { break }
                    var logP = (givenLength == 2 ? Self.chineseNameLog : Self.chineseNameLog - Self.singleGivenPenalty) + surnameLog
                    for c in (at + surnameLength)..<stop { logP += table.givenLogProbability(s[c]) }
                    let j = stop - run.lowerBound
                    if logP > -.infinity, best[k] + logP > best[j] { best[j] = best[k] + logP; back[j] = k; isName[j] = true }
                }
            }
        }
        var names: [Range<Int>] = []
        var k = n
        while k > 0, back[k] >= 0 {
            if isName[k] { names.append((run.lowerBound + back[k])..<(run.lowerBound + k)) }
            k = back[k]
        }
        return k == 0 ? names.reversed() : nil
    }

    /// How far below the threshold a name may score and still be read as one in a list of names.
    static let listMargin: Float = 2.0
    /// The longest bracketed note after a name of a list, in scalars.
    static let noteLength = 16
    /// Where the text after a name goes on past a bracketed note right after it (`（不莱梅）`), or `i`.
    static func afterNote(_ i: Int, s: [Unicode.Scalar]) -> Int {
        guard i < s.count, s[i] == "（" || s[i] == "(" else { return i }
        var j = i + 1
        while j < s.count, j - i <= noteLength {
            if s[j] == "）" || s[j] == ")" { return j + 1 }
            if s[j] == "（" || s[j] == "(" || s[j] == "、" || s[j] == "。" { return i }
            j += 1
        }
        return i
    }
    /// Where a bracketed note that ends at `end` opens, if one does.
    static func noteStart(endingAt end: Int, s: [Unicode.Scalar]) -> Int? {
        guard end >= 2, s[end - 1] == "）" || s[end - 1] == ")" else { return nil }
        var j = end - 2
        while j >= 0, end - j <= noteLength + 1 {
            if s[j] == "（" || s[j] == "(" { return j }
            if s[j] == "）" || s[j] == ")" || s[j] == "、" || s[j] == "。" { return nil }
            j -= 1
        }
        return nil
    }

    /// Adverbs and particles that begin what a person does (都, 也, 就): never the last given character.
    static let predicateStarts: Set<Unicode.Scalar> = ["都", "也", "就", "还", "又", "却", "便", "已", "把", "被", "的", "了", "着", "过", "说", "在", "是"]
    /// Marks that join the names of a list.
    static let listJoiners: Set<Unicode.Scalar> = ["、", "和", "与", "及"]

    /// Forms of address written after a bare family name (孙女士), and how rarely a character may occur in
    /// given names to be read as such a family name rather than as the end of the name before (刘华云女士).
    static let bareSurnameAddress = WordSet(["先生", "女士", "小姐", "太太", "夫人"])
    static let rareGivenCount = 20_000

    /// What 致 delivers in news: speeches and messages.
    static let delivered = WordSet(["欢迎词", "贺词", "开幕词", "闭幕词", "祝酒词", "答谢词", "辞", "词", "贺电", "贺信", "电", "信", "函", "意", "悼词", "慰问"])

    /// Whether a verb of appointing (任命, 选举, 聘请) ends at `i`.
    static func followsAppointment(_ i: Int, s: [Unicode.Scalar], lexicon: Lexicon) -> Bool {
        (lexicon.triggers["appoints"] ?? []).union(["聘请", "聘任", "推荐", "提名"]).contains { verb in
            let length = verb.unicodeScalars.count
            return i >= length && s[(i - length)..<i].elementsEqual(verb.unicodeScalars)
        }
    }

    /// A numeral character that may count the holders of a title (三, 十, 几).
    static func isNumeral(_ c: Unicode.Scalar) -> Bool { NumberCharacters.digit(c) != nil || c == "十" || c == "几" }
    /// Classifiers of persons and groups after a numeral (三名, 两位).
    static let classifiers: Set<Unicode.Scalar> = ["名", "位", "个", "人", "支", "队", "员", "届", "次", "年", "月", "日", "天"]

    static func isNameDot(_ s: Unicode.Scalar) -> Bool { s == "·" || s == "•" || s == "・" || s == "." }

    /// Whether a word of the best path that is no name starts at `i` (抵达 after 奥巴马): a foreign name does
    /// not run into it.
    private func startsCommonWord(_ i: Int, s: [Unicode.Scalar], analysis: LexicalAnalysis, lexicon: Lexicon) -> Bool {
        guard let end = analysis.tokenEnd(at: i), end > i + 1, let word = analysis.word(spanning: i..<end) else { return false }
        return !["nr", "nrt", "nrfg", "ns", ""].contains(lexicon.automaton.tag(word))
    }

    /// Whether the run ends inside a common word of the best path that starts in it (坦 of 坦言 after
    /// 卡斯特拉): the name ends where that word starts.
    private func endsInsideCommonWord(_ run: Range<Int>, s: [Unicode.Scalar], analysis: LexicalAnalysis, lexicon: Lexicon) -> Bool {
        var k = run.upperBound - 1
        while k > run.lowerBound, !analysis.isBoundary(k) { k -= 1 }
        guard k > run.lowerBound, let end = analysis.tokenEnd(at: k), end > run.upperBound else { return false }
        return startsCommonWord(k, s: s, analysis: analysis, lexicon: lexicon)
    }

    /// The log probability of a span that the lexicon knows as a person (a gazetteer person, or a
    /// dictionary word tagged as a personal name); nil otherwise.
    private func knownName(_ id: Int32, _ range: Range<Int>, s: [Unicode.Scalar], analysis: LexicalAnalysis, cues: NameContext, foreignOnly: Bool = false) -> Float? {
        let automaton = cues.lexicon.automaton
        // A gazetteer person that only starts a longer name (陈云 of 陈云杰) is no evidence for the shorter.
        if automaton.kinds(id).contains(.person) { return cues.startsLongerName(range, s: s, analysis: analysis) ? nil : 0 }
        switch automaton.tag(id) {
        case "nrt": return automaton.logProbabilities[Int(id)]
        case "nr", "nrfg":
            // For a foreign name, only a dictionary name made wholly of transliteration characters.
            if foreignOnly, range.count < 3 || !s[range].allSatisfy(cues.lexicon.nameCharacters.isTransliteration) { return nil }
            return automaton.logProbabilities[Int(id)]
        default: return nil
        }
    }

    /// Whether a dictionary "name" is rather a compound of ordinary words (`东道主` = 东道 + 主,
    /// `顾大局` = 顾 + 大局): its family-name part and first given character, or its given name, is a
    /// common word of another kind.
    private func isCompound(_ range: Range<Int>, surnameLength: Int, analysis: LexicalAnalysis, automaton: WordAutomaton) -> Bool {
        let given = (range.lowerBound + surnameLength)..<range.upperBound
        let head = range.lowerBound..<(given.lowerBound + 1)
        // The family name with a given character is a word more rarely than a given name is (温家 is one).
        for (part, minimum) in [(given, UInt32(50)), (head, UInt32(200))] where part.count >= 2 {
            if let id = analysis.word(spanning: part), automaton.frequency(id) >= minimum, !Self.nameTags.contains(automaton.tag(id)) { return true }
        }
        return false
    }

    static let nameTags: Set<String> = ["nr", "nrt", "nrfg"]
    /// Parts of speech of nouns, places and localizers (jieba tags; not names: jieba tags 今天下午 nr).
    static let nounTags: Set<String> = ["n", "ns", "nz", "nt", "f", "vn", "b", "s", "ng", "j"]

    /// Whether the span, or its given part, is a word the dictionary files as a verb, an adverb or a
    /// function word: what follows a title is then what the holder does (强调, 表示, 发现).
    private func isPredicate(_ range: Range<Int>, surnameLength: Int, analysis: LexicalAnalysis, automaton: WordAutomaton) -> Bool {
        let spans = [range, (range.lowerBound + surnameLength)..<range.upperBound]
        return spans.contains { span in
            guard span.count >= 2, let word = analysis.word(spanning: span), let first = automaton.tag(word).first else { return false }
            return Self.predicateTags.contains(first)
        }
    }

    /// First letters of jieba's tags for verbs, adverbs, prepositions, conjunctions, particles, pronouns,
    /// numerals and classifiers.
    static let predicateTags: Set<Character> = ["v", "d", "p", "c", "u", "r", "m", "q"]
    /// What a title or role before a name and a mark after it add to the name's score.
    static let framedBonus: Float = 8
    /// How often each given character of a framed name must occur in given names (涛, 畅; not 级, 说).
    static let framedGivenCount = 5000

    /// Whether a noun follows the span directly: a foreign word with nothing else to show it is a person
    /// then modifies that noun (厄尔尼诺现象, 阿拉伯国家, 摩托罗拉公司) rather than acting in the sentence.
    private func modifiesNoun(_ range: Range<Int>, s: [Unicode.Scalar], analysis: LexicalAnalysis, lexicon: Lexicon) -> Bool {
        guard let end = analysis.tokenEnd(at: range.upperBound), let word = analysis.word(spanning: range.upperBound..<end) else { return false }
        return Self.nounTags.contains(lexicon.automaton.tag(word))
    }

    /// Whether the tokens of a transliteration run are names and single characters only, one of them a
    /// name of two or more characters.
    private func runHoldsKnownName(_ run: Range<Int>, s: [Unicode.Scalar], analysis: LexicalAnalysis, lexicon: Lexicon) -> Bool {
        var i = run.lowerBound
        var found = false
        while i < run.upperBound {
            guard analysis.isBoundary(i), let end = analysis.tokenEnd(at: i), end <= run.upperBound else { return false }
            if end - i >= 2 {
                guard let word = analysis.word(spanning: i..<end), Self.nameTags.contains(lexicon.automaton.tag(word)) else { return false }
                found = true
            }
            i = end
        }
        return found
    }

    /// A dictionary name that is not frequent (a well-known person) is trusted when no given character is
    /// a common word that hardly occurs in names: 许可证 and 冷不丁 are tagged as names in the dictionary,
    /// but 证 and 不 are not name characters.
    private func nameLike(_ range: Range<Int>, surnameLength: Int, s: [Unicode.Scalar], lexicon: Lexicon) -> Bool {
        return s[(range.lowerBound + surnameLength)..<range.upperBound].allSatisfy { c in
            (lexicon.givenNameCounts[c] ?? 0) >= 1000 || (lexicon.automaton.id(of: CollectionOfOne(c)).map(lexicon.automaton.frequency) ?? 0) < 3000
        }
    }
    /// The whole of a dotted foreign name: from the dotted run, outwards over Han characters until a
    /// punctuation mark, a function character, a title or a word that starts (or ends) outside.
    private func dottedName(_ run: Range<Int>, s: [Unicode.Scalar], analysis: LexicalAnalysis, cues: NameContext) -> Range<Int> {
        let table = cues.lexicon.nameCharacters
        // Outwards over transliteration characters; one other character only between two of them
        // (迪尚德), never a title or a word of the sentence (教授, 率领, 日前).
        func extends(_ i: Int, towards next: Int) -> Bool {
            guard i >= 0, i < s.count, CharacterClass.isHan(s[i]), !Self.stopCharacters.contains(s[i]) else { return false }
            if table.isTransliteration(s[i]) { return true }
            return next >= 0 && next < s.count && table.isTransliteration(s[next])
        }
        /// Where a name clearly ends: the text's edge, a character that is not Han, a function character.
        func isEdge(_ i: Int) -> Bool { i < 0 || i >= s.count || !CharacterClass.isHan(s[i]) || Self.stopCharacters.contains(s[i]) }
        var start = run.lowerBound
        while run.lowerBound - start < 4, extends(start - 1, towards: start - 2),
            s.longestWord(endingAt: start, in: cues.titles, maxLength: 5) == nil
        {
            start -= 1
        }
        // One more character after a title, a role or an edge (市长理查德·…, 会长差猜·…, 编剧史蒂夫·…).
        if start > 0, CharacterClass.isHan(s[start - 1]), !Self.stopCharacters.contains(s[start - 1]),
           isEdge(start - 2) || s.longestWord(endingAt: start - 1, in: cues.titles, maxLength: 5) != nil
            || (s.longestWord(endingAt: start, in: cues.titles, maxLength: 5) == nil
                && s.longestWord(endingAt: start - 1, in: cues.roles, maxLength: 5) != nil)
        {
            start -= 1
        }
        var end = run.upperBound
        func isNameEnd(_ i: Int) -> Bool {
            s.longestWord(startingAt: i, in: cues.titles, maxLength: 5) != nil || s.longestWord(startingAt: i, in: cues.speech, maxLength: 2) != nil
                || s.longestWord(startingAt: i, in: cues.honorifics, maxLength: 2) != nil
        }
        // A part after the last dot written with common characters (安南, 史密斯, 普京): the word there.
        if Self.isNameDot(s[end - 1]), end < s.count, CharacterClass.isHan(s[end]), !Self.stopCharacters.contains(s[end]),
           let wordEnd = analysis.tokenEnd(at: end), wordEnd - end <= 4, !isNameEnd(end)
        {
            end = wordEnd
        }
        while end - run.upperBound < 5, extends(end, towards: end + 1), !isNameEnd(end) {
            end += 1
        }
        // One more character before an edge or a title (达恩·蒂雄２月).
        if end < s.count, CharacterClass.isHan(s[end]), !Self.stopCharacters.contains(s[end]), !isNameEnd(end),
           isEdge(end + 1) || isNameEnd(end + 1)
        {
            end += 1
        }
        // When the name's end cuts a word of the best path, the last part stops where a common word starts
        // that runs on past it (奈尔斯 of 奈尔斯加盟, 潘 of 潘依旧); it keeps one character after its last dot.
        if !analysis.isBoundary(end), let lastDot = (run.lowerBound..<end).last(where: { Self.isNameDot(s[$0]) }), lastDot + 2 < end {
            let automaton = cues.lexicon.automaton
            for p in (lastDot + 2)..<end where analysis.words(at: p).contains(where: { word in
                word.end > end && word.end - p >= 2 && !PersonRule.nameTags.contains(automaton.tag(word.id))
                    && automaton.frequency(word.id) >= Self.runOnWordFrequency
            }) {
                end = p
                break
            }
        }
        return start..<end
    }

    /// How often a word must occur in the general dictionary to end a foreign name it starts inside.
    static let runOnWordFrequency: UInt32 = 100

    /// Characters that never belong to a name.
    static let stopCharacters: Set<Unicode.Scalar> = ["人", "的", "和", "与", "及", "在", "是", "了", "等", "对", "向", "为", "将", "把", "被", "从", "也", "都", "就", "说", "这", "那", "之", "其", "各", "由", "同", "跟", "给", "均", "今", "率"]
}

/// The context around a name candidate: what raises or forbids it.
/// Built once per lexicon (``RuleContext/names``) and shared by every document's rules.
final class NameContext: Sendable {
    /// The most that context can add to a candidate's score.
    static let maximumBonus: Float = 12
    /// Characters that end names of things named after people or places (尤伯杯, 伏羲氏, 中山路).
    static let nameEndings: Set<Unicode.Scalar> = ["杯", "氏", "路", "街", "号", "牌", "式", "型", "奖", "桥", "港", "湾", "峡", "岭", "峰"]
    /// Marks that close a name given after a role in a byline or caption.
    static let closingMarks: Set<Unicode.Scalar> = ["）", ")", "】", "]", "、", " ", "\u{3000}"]
    /// A name alone at the start of a line before a colon labels what a speaker says (an interview's
    /// transcript): a position only names take, so it outweighs a given name that reads as a word.
    static let speakerLabelBonus: Float = 6
    let lexicon: Lexicon
    let titles: WordSet
    let honorifics: WordSet
    let speech: WordSet
    /// Occupations and roles before a name (记者, 主教练): evidence of a person, not a title.
    let roles: WordSet
    /// Forms of address after a family name (某, 先生, 小姐): never a given name. A family name alone with
    /// one (王先生) is not taken as a person: every 王先生 of a corpus would become one entity 王.
    let address: WordSet
    /// Words after a name that name a thing or a time after the person (故居, 时期).
    let namedAfter: WordSet

    init(lexicon: Lexicon) {
        self.lexicon = lexicon
        titles = lexicon.titleWords
        honorifics = lexicon.triggerWords("honorific")
        speech = lexicon.triggerWords("personSpeech")
        roles = lexicon.triggerWords("personRole")
        address = lexicon.triggerWords("surnameAddress")
        namedAfter = lexicon.triggerWords("namedAfterPerson")
    }

    /// Whether the name is part of another name or modifies a thing named after it: a place ending or an
    /// organization head right after it (梁沟村, 库卡尔特河, 葛兰素公司, 尤伯杯), or a thing or a time named
    /// after a person (鲁迅故居, 康熙年间). The longest word there decides: 院士 and 办公室 follow persons,
    /// 院 and 公司 do not.
    func isPartOfAnotherName(_ range: Range<Int>, s: [Unicode.Scalar], analysis: LexicalAnalysis) -> Bool {
        guard range.upperBound < s.count else { return false }
        if let word = analysis.words(at: range.upperBound).last, word.end - range.upperBound <= 3,
            !lexicon.automaton.kinds(word.id).isDisjoint(with: [.placeSuffix, .organizationHead]),
            s.text(range.upperBound..<word.end) != "办公室"
        {
            return true
        }
        if s.longestWord(startingAt: range.upperBound, in: namedAfter, maxLength: 4) != nil { return true }
        return Self.nameEndings.contains(s[range.upperBound])
    }

    /// Whether a known person's name is only the start of a longer one: a dotted name runs on (马克思·…),
    /// or a lone character that is common in given names follows a Chinese name of two characters
    /// (陈云 of 陈云杰 in a roll of names).
    func startsLongerName(_ range: Range<Int>, s: [Unicode.Scalar], analysis: LexicalAnalysis) -> Bool {
        let end = range.upperBound
        guard end < s.count else { return false }
        if PersonRule.isNameDot(s[end]) { return true }
        return range.count == 2 && CharacterClass.isHan(s[end]) && !PersonRule.stopCharacters.contains(s[end])
            && analysis.tokenEnd(at: end) == end + 1 && (lexicon.givenNameCounts[s[end]] ?? 0) >= PersonRule.framedGivenCount
    }

    /// Whether a title or a role (总统, 教练) ends at `i`: what makes a place name of name shape a person's.
    func titleOrRole(endingAt i: Int, s: [Unicode.Scalar]) -> Bool {
        s.longestWord(endingAt: i, in: titles, maxLength: 5) != nil || s.longestWord(endingAt: i, in: roles, maxLength: 5) != nil
    }

    /// Bonus for context, the span of the title next to the name if any, or nil when the candidate cannot
    /// be a name here (it is a known word of another kind, or never a name).
    /// A place name right after a title may be a person's (总统奥巴马) when `titledPlaces` is set.
    func evidence(_ range: Range<Int>, s: [Unicode.Scalar], analysis: LexicalAnalysis, titledPlaces: Bool = false) -> (Float, Range<Int>?)? {
        if let id = analysis.word(spanning: range) {
            var kinds = lexicon.automaton.kinds(id)
            if titledPlaces, titleOrRole(endingAt: range.lowerBound, s: s) { kinds.remove(.place) }
            if !kinds.isDisjoint(with: [.place, .organization, .event, .document, .concept, .title, .notName, .organizationHead, .placeSuffix]) {
                return nil
            }
        }
        // A role or a form of address is what a person is called, never the name (顾问, 陈女士).
        if s.longestWord(startingAt: range.lowerBound, in: roles, maxLength: range.count) == range.upperBound { return nil }
        if range.count >= 2, s.longestWord(startingAt: range.lowerBound + 1, in: address, maxLength: range.count - 1) == range.upperBound {
            return nil
        }
        var bonus: Float = 0
        var title: Range<Int>?
        let titleAfter = s.longestWord(startingAt: range.upperBound, in: titles, maxLength: 5)
        if titleAfter == nil, isPartOfAnotherName(range, s: s, analysis: analysis) { return nil }
        // A numeral before a title counts the title's holders (罗基三前锋 is 罗基 and three forwards).
        if range.count >= 3, PersonRule.isNumeral(s[range.upperBound - 1]), range.upperBound < s.count,
            titleAfter != nil || s.longestWord(startingAt: range.upperBound, in: roles, maxLength: 5) != nil
                || PersonRule.classifiers.contains(s[range.upperBound])
        {
            return nil
        }
        if let titleEnd = titleAfter {
            bonus += 4
            title = range.upperBound..<titleEnd
        } else if let titleStart = s.longestWord(endingAt: range.lowerBound, in: titles, maxLength: 5) {
            bonus += 3
            title = titleStart..<range.lowerBound
        } else if s.longestWord(endingAt: range.lowerBound, in: roles, maxLength: 5) != nil {
            bonus += 3
            // A role before and a closing bracket or a list mark after: a byline or a caption
            // (（记者马力）, 摄影 王明、李华).
            if range.upperBound < s.count, Self.closingMarks.contains(s[range.upperBound]) { bonus += 3 }
        }
        // Appointed to a role: 任命王明为副部长, 聘请李华为顾问.
        if title == nil, range.upperBound + 1 < s.count, s[range.upperBound] == "为",
           s.longestWord(startingAt: range.upperBound + 1, in: titles, maxLength: 8) != nil
        {
            bonus += 3
        }
        if PersonRule.followsAppointment(range.lowerBound, s: s, lexicon: lexicon) { bonus += 1.5 }
        // A speaker's label: the name alone at the start of a line, then a colon (王明：我们认为…).
        if range.upperBound < s.count, s[range.upperBound] == ":",
            range.lowerBound == 0 || CharacterClass.isLineBreak(s[range.lowerBound - 1]) || s[range.lowerBound - 1] == "【"
        {
            bonus += Self.speakerLabelBonus
        }
        if s.longestWord(startingAt: range.upperBound, in: honorifics, maxLength: 2) != nil { bonus += 4 }
        if s.longestWord(startingAt: range.upperBound, in: speech, maxLength: 2) != nil { bonus += 2 }
        // A name stands between non-Han characters or at token boundaries.
        let before = range.lowerBound == 0 || !CharacterClass.isHan(s[range.lowerBound - 1])
        let after = range.upperBound == s.count || !CharacterClass.isHan(s[range.upperBound])
        if before { bonus += 0.4 }
        if after { bonus += 0.4 }
        if range.lowerBound > 0, s[range.lowerBound - 1] == "、" || (range.upperBound < s.count && s[range.upperBound] == "、") { bonus += 1 }
        return (bonus, title)
    }
}
