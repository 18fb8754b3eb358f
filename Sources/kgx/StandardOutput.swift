#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import Foundation

/// Everything kgx prints on standard output goes through here, buffered, so that a failed write is
/// an error with a message (`/dev/full`: no space left on device) instead of a crash, and a reader
/// that went away (`kgx mentions … | head`) ends kgx quietly, as it ends any Unix tool.
final class StandardOutput {
    nonisolated(unsafe) static let shared = StandardOutput()

    private var buffer: [UInt8] = []
    private let capacity = 1 << 16

    func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= capacity { try flush() }
    }

    func write(_ bytes: [UInt8]) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= capacity { try flush() }
    }

    func flush() throws {
        defer { buffer.removeAll(keepingCapacity: true) }
        try buffer.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = Glibc.write(STDOUT_FILENO, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    let code = errno
                    if code == EINTR { continue }
                    if code == EPIPE { Self.endLikeAClosedPipe() }
                    throw CLIError("cannot write to standard output: \(String(cString: strerror(code)))")
                }
                offset += written
            }
        }
    }

    /// Dies of SIGPIPE with its default action (no message, status 141 in a shell), as `yes | head` does.
    private static func endLikeAClosedPipe() -> Never {
        signal(SIGPIPE, SIG_DFL)
        raise(SIGPIPE)
        exit(141)
    }
}
