@testable import KGExtraction
import Testing

@Suite struct PreprocessTests {
    @Test func pageBreakInsideAWordIsRejoinedAndOffsetsPointIntoTheOriginal() {
        let text = "各地健全完善村级重大事项决定机制，加强对乡\n\n村振兴重点任务的管理与监督。"
        let prepared = PreparedText(documentID: "t", text: text)
        let joined = prepared.normalizedString(0..<prepared.scalars.count)
        #expect(joined.contains("加强对乡村振兴"))
        #expect(prepared.sentences.count == 1)
        let start = Array(joined.unicodeScalars).firstIndex(of: "乡")!
        let original = prepared.originalRange(start..<(start + 4))
        #expect(prepared.originalSlice(original) == "乡\n\n村振兴")
        #expect(prepared.surface(start..<(start + 4)) == "乡村振兴")
    }

    @Test func headlinesAreNotJoinedToTheNextParagraph() {
        let prepared = PreparedText(documentID: "t", text: "夯实全面实施乡村振兴战略的组织基础\n\n陕西榆林绥德县的郝家桥村是一个模范村。")
        #expect(prepared.sentences.count == 2)
    }

    @Test func fullWidthDigitsAndPunctuationAreFoldedOneForOne() {
        let prepared = PreparedText(documentID: "t", text: "共１２３人，（见附件）")
        #expect(prepared.normalizedString(0..<prepared.scalars.count) == "共123人,(见附件)")
        #expect(prepared.scalars.count == prepared.original.count)
    }

    @Test func sentencesEndAtFinalPunctuationWithTheirClosingQuotes() {
        let prepared = PreparedText(documentID: "t", text: "他说：“好。”我们走吧！明天见")
        let sentences = prepared.sentences.map { prepared.surface($0) }
        #expect(sentences == ["他说：“好。”", "我们走吧！", "明天见"])
    }
}
