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

    @Test func aRunWithoutFullStopsIsCutAtClauseMarksIntoBoundedSentences() {
        // 3,000 clauses and no full stop: without the bound it would be one sentence of 24,000 characters.
        let text = Array(repeating: "各地代表参加会议", count: 3_000).joined(separator: "，")
        let prepared = PreparedText(documentID: "t", text: text)
        #expect(prepared.sentences.count > 1)
        #expect(prepared.sentences.allSatisfy { $0.count <= SentenceSplitter.maximumLength })
        // Every piece ends after a clause mark (or at the end), so no clause is cut in two.
        #expect(prepared.sentences.dropLast().allSatisfy { prepared.scalars[$0.upperBound - 1] == "," })
        #expect(prepared.sentences.map(\.count).reduce(0, +) == prepared.scalars.count)
        // Text without any mark is cut at the bound.
        let solid = PreparedText(documentID: "t", text: String(repeating: "国", count: 1_500))
        #expect(solid.sentences.map(\.count) == [600, 600, 300])
    }
}
