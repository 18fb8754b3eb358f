#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import Foundation

/// Documents, characters, elapsed time and rate of a long run, on one line of standard error that
/// rewrites itself, twice a second at most, from the first second on (short runs show nothing).
/// Silent when standard error is not a terminal (logs and pipes get no carriage returns), when the
/// results go to the same terminal (the line would break them up), or with `--quiet`.
final class Progress {
    private let enabled: Bool
    private let start = Date()
    private var lastShown: Date
    private var documents = 0
    private var characters = 0
    private var shown = false

    /// `writesStandardOutput`: whether the command's results go to standard output.
    init(quiet: Bool, writesStandardOutput: Bool) {
        enabled = !quiet && isatty(STDERR_FILENO) != 0 && !(writesStandardOutput && isatty(STDOUT_FILENO) != 0)
        // KGX_PROGRESS_AFTER (seconds) moves the first line earlier or later; tests set it to 0.
        let delay = ProcessInfo.processInfo.environment["KGX_PROGRESS_AFTER"].flatMap(Double.init) ?? 1
        lastShown = start.addingTimeInterval(delay - 0.5)
    }

    /// Counts one more document (its characters only when the line is shown).
    func add(_ text: String) {
        guard enabled else { return }
        documents += 1
        characters += text.unicodeScalars.count
        let now = Date()
        if now.timeIntervalSince(lastShown) >= 0.5 {
            lastShown = now
            show(now)
        }
    }

    /// Ends the progress line, leaving the final figures on the terminal.
    func finish() {
        guard enabled, shown else { return }
        show(Date())
        FileHandle.standardError.write(Data("\n".utf8))
    }

    private func show(_ now: Date) {
        let seconds = max(now.timeIntervalSince(start), 0.001)
        let rate = Double(characters) / seconds
        let line = "kgx: \(documents) document\(documents == 1 ? "" : "s"), \(Self.figure(Double(characters))) characters, "
            + String(format: "%.1f s, ", seconds) + "\(Self.figure(rate)) characters/s"
        FileHandle.standardError.write(Data(("\r" + line + "\u{1B}[K").utf8))
        shown = true
    }

    /// 1234 → 1.2 k, 5600000 → 5.6 M.
    static func figure(_ value: Double) -> String {
        switch value {
        case 1e9...: return String(format: "%.1f G", value / 1e9)
        case 1e6...: return String(format: "%.1f M", value / 1e6)
        case 1e3...: return String(format: "%.1f k", value / 1e3)
        default: return String(Int(value))
        }
    }
}
