/// A document ready for the rules: its original scalars, a normalized copy to match against, the map
/// from every normalized scalar back to the original, and the sentences.
///
/// Normalization maps full-width ASCII (`１２３`, `，`, `（`) and the ideographic space to ASCII and
/// removes newspaper page breaks that split a word. Rules match on ``scalars``; every offset they
/// report is in normalized coordinates and converted back with ``originalRange(_:)``.
public struct PreparedText: Sendable {
    /// Id of the document, used in provenance.
    public let documentID: String
    /// The document as given.
    public let original: [Unicode.Scalar]
    /// The normalized text that rules match against.
    public let scalars: [Unicode.Scalar]
    /// `originalIndex[i]` is the position in ``original`` of `scalars[i]`.
    public let originalIndex: [Int]
    /// Sentence ranges in normalized coordinates, in order, covering every non-space scalar.
    public let sentences: [Range<Int>]

    public init(documentID: String, text: String) {
        self.documentID = documentID
        let original = Array(text.unicodeScalars)
        self.original = original
        let (scalars, index) = TextNormalizer.normalize(original)
        self.scalars = scalars
        self.originalIndex = index
        self.sentences = SentenceSplitter.split(scalars)
    }

    /// The range in the original text (Unicode scalar offsets, end exclusive) of a normalized range.
    public func originalRange(_ range: Range<Int>) -> Range<Int> {
        guard !range.isEmpty else {
            let at = range.lowerBound < originalIndex.count ? originalIndex[range.lowerBound] : original.count
            return at..<at
        }
        return originalIndex[range.lowerBound]..<(originalIndex[range.upperBound - 1] + 1)
    }

    /// The normalized text of a range.
    public func normalizedString(_ range: Range<Int>) -> String { scalars.text(range) }

    /// The original text of a normalized range, without the page breaks that were repaired inside it.
    public func surface(_ range: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        for i in range { view.append(original[originalIndex[i]]) }
        return String(view)
    }

    /// The original text of an original-coordinate range, exactly as given (what offsets point at).
    public func originalSlice(_ range: Range<Int>) -> String { original.text(range) }

    /// Index into ``sentences`` of the sentence containing normalized position `position`.
    public func sentenceIndex(containing position: Int) -> Int? {
        var low = 0, high = sentences.count - 1
        while low <= high {
            let mid = (low + high) / 2
            let sentence = sentences[mid]
            if position < sentence.lowerBound { high = mid - 1 } else if position >= sentence.upperBound { low = mid + 1 } else { return mid }
        }
        return nil
    }
}
