@testable import KGExtraction
import Testing

/// How mentions of different rules share a span.
@Suite struct OverlapTests {
    let extractor = Extractor()

    func mentions(_ text: String, reference: CalendarDate? = CalendarDate(year: 2022, month: 9, day: 15)) -> [(String, MentionType, String?)] {
        let prepared = PreparedText(documentID: "t", text: text)
        return extractor.mentions(in: prepared, referenceDate: reference).map { (prepared.surface($0.range), $0.type, $0.value) }
    }

    @Test func aYearIsADateNotAFigure() {
        let found = mentions("2021年,中央办公厅印发通知。")
        #expect(found.contains { $0.0 == "2021年" && $0.1 == .date })
        #expect(!found.contains { $0.1 == .figure })
    }

    @Test func aDecimalPercentageIsNotAClockTime() {
        let found = mentions("合格率达到八点五成,比去年提高百分之一点五七。")
        #expect(found.contains { $0.0 == "八点五成" && $0.1 == .figure && $0.2 == "85" })
        #expect(found.contains { $0.0 == "百分之一点五七" && $0.1 == .figure && $0.2 == "1.57" })
        #expect(!found.contains { $0.1 == .date && $0.0.contains("点") })
    }

    @Test func aDateAnchoredOnAnEventKeepsTheEvent() {
        let found = mentions("党的十九大以来,基层党建全面加强。")
        #expect(found.contains { $0.0 == "党的十九大" && $0.1 == .event })
        #expect(found.contains { $0.1 == .date && $0.0.hasSuffix("以来") })
    }

    @Test func aDateInsideADocumentTitleBelongsToTheTitle() {
        let found = mentions("教育部印发《关于做好2023年招聘工作的通知》。")
        #expect(found.contains { $0.1 == .document })
        #expect(!found.contains { $0.1 == .date })
    }

    @Test func aDateWordInsideANameIsPartOfTheName() {
        let found = mentions("记者马明天在光明日报社工作。")
        #expect(found.contains { $0.0 == "马明天" && $0.1 == .person })
        #expect(!found.contains { $0.1 == .date })
    }

    @Test func aFestivalIsNotAPerson() {
        let found = mentions("万圣节那天，商场里摆满了南瓜灯。")
        #expect(found.contains { $0.0 == "万圣节" && $0.1 == .date })
        #expect(!found.contains { $0.1 == .person })
    }

    @Test func aLunarFestivalGetsItsGregorianDayFromTheReference() {
        let prepared = PreparedText(documentID: "t", text: "中秋节，一家人围坐赏月。")
        let date = extractor.mentions(in: prepared, referenceDate: CalendarDate(year: 2024, month: 12, day: 1)).first { $0.type == .date }
        #expect(date?.value == "XXXX-08-15")
        #expect(date?.attributes["gregorian"] == "2024-09-17")
        let before = extractor.mentions(in: prepared, referenceDate: CalendarDate(year: 2024, month: 6, day: 1)).first { $0.type == .date }
        #expect(before?.attributes["gregorian"] == "2023-09-29")
    }

    @Test func namesInsideADocumentTitleAreNestedUnderIt() {
        let text = "出版社近日推出《邓小平与江苏省经济建设》一书。"
        let prepared = PreparedText(documentID: "t", text: text)
        let found = extractor.mentions(in: prepared, referenceDate: nil)
        let title = found.first { $0.type == .document }
        #expect(title.map { prepared.surface($0.range) } == "邓小平与江苏省经济建设")
        let person = found.first { $0.type == .person }
        #expect(person.map { prepared.surface($0.range) } == "邓小平")
        #expect(person?.container == title?.range)
        #expect(found.contains { $0.type == .place && prepared.surface($0.range) == "江苏省" && $0.container == title?.range })
        // What a title names takes part in no relation of the sentence.
        let extraction = extractor.extract(documentID: "t", text: text)
        #expect(extraction.relations.allSatisfy { relation in
            [relation.subject, relation.object].allSatisfy { !["邓小平", "江苏省"].contains($0.surface) }
        })
    }

    @Test func aLongRunOfNumeralsNeitherCrashesNorBecomesADate() {
        let found = mentions(String(repeating: "一", count: 50_000))
        #expect(!found.contains { $0.1 == .date })
    }

    @Test func clockTimesNeedMinutesThatLookLikeMinutes() {
        let found = mentions("会议于上午九点二十开始,增速为八点五。")
        #expect(found.contains { $0.1 == .date && $0.0.contains("九点二十") })
        #expect(found.contains { $0.0 == "八点五" && $0.1 == .figure && $0.2 == "8.5" })
    }
}

@Suite struct DocumentTypeTests {
    @Test func versionsAndEditionsDoNotHideTheType() {
        let lexicon = Lexicon.standard
        #expect(QuotedDocumentRule.documentType(of: "数字乡村建设指南2.0", lexicon: lexicon) == "指南")
        #expect(QuotedDocumentRule.documentType(of: "中国共产党农村基层组织工作条例(2019年修订)", lexicon: lexicon) == "条例")
        #expect(QuotedDocumentRule.documentType(of: "关于抓党建促乡村振兴的若干意见", lexicon: lexicon) == "意见")
    }
}
