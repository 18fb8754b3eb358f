import Foundation

/// The characters Chinese numerals are written with. Grammar, not word lists: these never change.
enum NumberCharacters {
    /// Value of a Chinese digit character: 零〇 一壹幺 二贰貳两兩俩倆 … 九玖.
    @inline(__always)
    static func digit(_ s: Unicode.Scalar) -> Int? {
        switch s {
        case "零", "〇": 0
        case "一", "壹", "幺", "弌": 1
        case "二", "贰", "貳", "两", "兩", "俩", "倆", "弍": 2
        case "三", "叁", "參", "叄", "弎": 3
        case "四", "肆": 4
        case "五", "伍": 5
        case "六", "陆", "陸": 6
        case "七", "柒": 7
        case "八", "捌": 8
        case "九", "玖": 9
        default: nil
        }
    }

    /// A digit that may appear in a digit string (一九九八) or after a decimal point: every digit but 两.
    @inline(__always)
    static func plainDigit(_ s: Unicode.Scalar) -> Int? {
        switch s {
        case "两", "兩", "俩", "倆": nil
        default: digit(s)
        }
    }

    @inline(__always)
    static func isTwoForm(_ s: Unicode.Scalar) -> Bool { s == "两" || s == "兩" || s == "俩" || s == "倆" }

    @inline(__always)
    static func isZero(_ s: Unicode.Scalar) -> Bool { s == "零" || s == "〇" }

    /// 十 拾 百 佰 千 仟 → 10, 100, 1000.
    @inline(__always)
    static func smallUnit(_ s: Unicode.Scalar) -> Int? {
        switch s {
        case "十", "拾": 10
        case "百", "佰": 100
        case "千", "仟": 1000
        default: nil
        }
    }

    /// 万 萬 亿 億 兆 → 10⁴, 10⁸, 10¹².
    @inline(__always)
    static func bigUnitExponent(_ s: Unicode.Scalar) -> Int? {
        switch s {
        case "万", "萬": 4
        case "亿", "億": 8
        case "兆": 12
        default: nil
        }
    }

    /// 廿 卅 卌: twenty, thirty, forty written as one character.
    @inline(__always)
    static func tensCharacter(_ s: Unicode.Scalar) -> Int? {
        switch s {
        case "廿": 2
        case "卅": 3
        case "卌": 4
        default: nil
        }
    }

    @inline(__always)
    static func isPoint(_ s: Unicode.Scalar) -> Bool { s == "点" || s == "點" }

    /// Financial (capital) numerals, which are also ordinary characters (陆 land, 伍 ranks, 拾 pick up).
    @inline(__always)
    static func isCapital(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "壹", "贰", "貳", "叁", "參", "叄", "肆", "伍", "陆", "陸", "柒", "捌", "玖", "拾", "佰", "仟": true
        default: false
        }
    }

    /// A one-character numeral that needs context to count as a number (一 in 一看, 两 in 两岸, 零 in 零售).
    @inline(__always)
    static func needsContextAlone(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "一", "幺", "两", "兩", "俩", "倆", "零", "〇": true
        default: isCapital(s)
        }
    }

    /// Any character that can begin a numeral (digits, units, 几, 数).
    @inline(__always)
    static func isNumeral(_ s: Unicode.Scalar) -> Bool {
        digit(s) != nil || smallUnit(s) != nil || bigUnitExponent(s) != nil || tensCharacter(s) != nil
    }

    /// Every character at which the scanner tries a figure, besides the first characters of currency signs
    /// (`NumberWords.symbolStarts`). A switch, so the scan stays one comparison chain per character.
    @inline(__always)
    static func mayStartFigure(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return (v >= 0x30 && v <= 0x39) || v == 0x2E || v == 0x2D || v == 0x2B || v == 0x24 }
        switch s {
        case "零", "〇", "一", "壹", "幺", "弌", "二", "贰", "貳", "两", "兩", "俩", "倆", "弍", "三", "叁", "參", "叄", "弎",
            "四", "肆", "五", "伍", "六", "陆", "陸", "七", "柒", "八", "捌", "九", "玖", "十", "拾", "百", "佰", "千", "仟",
            "万", "萬", "亿", "億", "廿", "卅", "卌", "第", "负", "負", "半", "对", "對", "几", "幾", "数", "數", "−":
            return true
        default:
            return false
        }
    }

    /// 10^n as a Decimal.
    static func power(_ n: Int) -> Decimal {
        var result = Decimal(1)
        if n >= 0 {
            for _ in 0..<n { result *= 10 }
        } else {
            for _ in 0..<(-n) { result /= 10 }
        }
        return result
    }
}
