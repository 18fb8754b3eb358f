import Foundation

/// Per-character evidence for the person-name grammar, as direct tables over the Basic Multilingual
/// Plane: whether a character starts a family name, how likely it is inside a given name, whether it
/// is used in transliterated foreign names. Lookups index an array; nothing is hashed.
public struct NameCharacterTable: Sendable {
    private static let size = 0x10000
    private var flags: [UInt8]
    /// Log probability of the character as one character of a given name; `-inf` when never seen.
    private var givenLog: [Float]
    /// Log probability of each single-character family name; compound ones are looked up by string.
    private var surnameLog: [Float]
    private let compoundSurnames: [String: Float]

    private static let surnameFlag: UInt8 = 1
    private static let translitFlag: UInt8 = 2
    private static let compoundStartFlag: UInt8 = 4

    init(surnames: [String: Double], given: [Unicode.Scalar: Int], transliteration: Set<Unicode.Scalar>) {
        flags = [UInt8](repeating: 0, count: Self.size)
        givenLog = [Float](repeating: -.infinity, count: Self.size)
        surnameLog = [Float](repeating: -.infinity, count: Self.size)
        let surnameTotal = max(1, surnames.values.reduce(0, +))
        var compounds: [String: Float] = [:]
        for (name, frequency) in surnames {
            let scalars = Array(name.unicodeScalars)
            // A surname listed without a count is taken as rare but real (50 per million).
            let logP = Float(log((frequency > 0 ? frequency : 50) / surnameTotal))
            if scalars.count == 1, scalars[0].value < 0x10000 {
                flags[Int(scalars[0].value)] |= Self.surnameFlag
                surnameLog[Int(scalars[0].value)] = logP
            } else if scalars.count == 2, scalars[0].value < 0x10000 {
                flags[Int(scalars[0].value)] |= Self.compoundStartFlag
                compounds[name] = logP
            }
        }
        compoundSurnames = compounds
        // Add-one smoothing over the characters seen, so rare characters are possible but unlikely.
        let givenTotal = Double(given.values.reduce(0, +) + given.count)
        for (scalar, count) in given where scalar.value < 0x10000 {
            givenLog[Int(scalar.value)] = Float(log(Double(count + 1) / givenTotal))
        }
        for scalar in transliteration where scalar.value < 0x10000 { flags[Int(scalar.value)] |= Self.translitFlag }
    }

    init() { self.init(surnames: [:], given: [:], transliteration: []) }

    /// Calls `body(length, logProbability)` for each family name starting at `i` (compound first).
    @inline(__always)
    func forEachSurname(in s: [Unicode.Scalar], at i: Int, _ body: (Int, Float) -> Void) {
        guard i < s.count, s[i].value < 0x10000 else { return }
        let v = Int(s[i].value)
        let flag = flags[v]
        guard flag & (Self.surnameFlag | Self.compoundStartFlag) != 0 else { return }
        if flag & Self.compoundStartFlag != 0, i + 1 < s.count {
            var view = String.UnicodeScalarView()
            view.append(s[i])
            view.append(s[i + 1])
            if let logP = compoundSurnames[String(view)] { body(2, logP) }
        }
        if flag & Self.surnameFlag != 0 { body(1, surnameLog[v]) }
    }

    /// Whether `scalar` is a single-character family name.
    public func isSurname(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x10000 && flags[Int(scalar.value)] & Self.surnameFlag != 0
    }

    /// Log probability of `scalar` as one character of a given name.
    public func givenLogProbability(_ scalar: Unicode.Scalar) -> Float {
        scalar.value < 0x10000 ? givenLog[Int(scalar.value)] : -.infinity
    }

    /// Whether `scalar` occurs in transliterated foreign names.
    public func isTransliteration(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x10000 && flags[Int(scalar.value)] & Self.translitFlag != 0
    }
}
