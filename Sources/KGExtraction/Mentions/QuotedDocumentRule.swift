import KGModel

/// Document titles in 《》, typed by their ending (`意见`, `条例`, `办法`, `通知`, …).
struct QuotedDocumentRule: MentionRule {
    let id = "document.quoted"
    let summary = "Document titles in 《》, with the document type read from the title's ending"
    /// Titles longer than this are taken as unbalanced brackets, not names.
    static let maximumTitleLength = 80
    var examples: [RuleExample] {
        [
            .positive("中央组织部印发《关于抓党建促乡村振兴的若干意见》。", "关于抓党建促乡村振兴的若干意见 = 关于抓党建促乡村振兴的若干意见"),
            .positive("《中国共产党农村基层组织工作条例》明确提出", "中国共产党农村基层组织工作条例"),
            .positive("国务院印发《质量强国建设纲要》。《纲要》提出目标。", "纲要 = 质量强国建设纲要"),
            .positive("两部门印发《数字乡村建设指南2.0》。", "数字乡村建设指南2.0"),
            .negative("他说《》里面什么也没有。"),
        ]
    }

    func mentions(in text: PreparedText, context: RuleContext) -> [Mention] {
        var result: [Mention] = []
        let s = text.scalars
        // 《纲要》 after 《质量强国建设纲要》 is a short reference to it.
        var latestTitleOfType: [String: String] = [:]
        var i = 0
        while i < s.count {
            guard s[i] == "《" else { i += 1; continue }
            var j = i + 1
            var depth = 1
            while j < s.count, j - i <= Self.maximumTitleLength, !CharacterClass.isLineBreak(s[j]) {
                if s[j] == "《" { depth += 1 }
                if s[j] == "》" { depth -= 1; if depth == 0 { break } }
                j += 1
            }
            guard j < s.count, s[j] == "》", j > i + 1 else { i += 1; continue }
            let title = text.normalizedString((i + 1)..<j)
            var attributes: [String: String] = ["quoted": "true"]
            var name = title
            if let type = Self.documentType(of: title, lexicon: context.lexicon) {
                attributes[AttributeKey.documentType] = type
                if title == type, let full = latestTitleOfType[type] { name = full } else { latestTitleOfType[type] = title }
            }
            result.append(Mention(type: .document, range: (i + 1)..<j, value: name, attributes: attributes, rule: id))
            i = j + 1
        }
        return result
    }

    /// The longest known document-type ending of `title`.
    static func documentType(of title: String, lexicon: Lexicon) -> String? {
        // A version or edition after the type does not change it: 指南2.0, 条例(2021年修订).
        var core = Substring(title)
        if core.hasSuffix(")") || core.hasSuffix("）"), let open = core.lastIndex(where: { $0 == "(" || $0 == "（" }) { core = core[..<open] }
        while let last = core.unicodeScalars.last, CharacterClass.isASCIIDigit(last) || last == "." || last == " " || last == "V" || last == "v" {
            core = core.dropLast()
        }
        return lexicon.documentTypes.filter { core.hasSuffix($0) }.max { ($0.count, $0) < ($1.count, $1) }
    }
}
