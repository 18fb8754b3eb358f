#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Output files written whole or not at all.
public enum OutputFile {
    /// Creates `path` through a temporary file in its directory that `produce` fills by path (a database
    /// opens it itself) and that is renamed over `path` only when `produce` succeeds; interrupted, the
    /// temporary file is removed. Refuses a destination that is not a regular file.
    public static func replace(_ path: String, using produce: (_ temporaryPath: String) throws -> Void) throws {
        try FileIO.writeAtomically(to: path) { _, temporaryPath in try produce(temporaryPath) }
    }
}

/// File access for the writers and readers, with errors that name the path and the OS reason.
enum FileIO {
    private static func reason(_ code: Int32) -> String { String(cString: strerror(code)) }

    /// Writes a file so that `path` either keeps its old content or gets the complete new one.
    ///
    /// `produce` writes into a fresh temporary file in the destination's directory (so the final
    /// `rename` stays on one file system and is atomic); on any failure, and on SIGINT, SIGTERM or
    /// SIGHUP while it is written, the temporary file is removed. A destination that exists and is
    /// not a regular file (a device, a folder, a pipe) is refused: renaming over it would replace it.
    static func writeAtomically(to path: String, _ produce: (_ fileDescriptor: Int32) throws -> Void) throws {
        try writeAtomically(to: path) { descriptor, _ in try produce(descriptor) }
    }

    /// ``writeAtomically(to:_:)`` for a producer that also needs the temporary file's path (a database
    /// that opens the file itself); it must be done with the file when it returns.
    static func writeAtomically(to path: String, _ produce: (_ fileDescriptor: Int32, _ temporaryPath: String) throws -> Void) throws {
        guard !path.isEmpty, !path.hasSuffix("/") else {
            throw GraphExportError.cannotWrite(path: path, reason: "not a file path")
        }
        var status = stat()
        if stat(path, &status) == 0, status.st_mode & S_IFMT != S_IFREG {
            let what = status.st_mode & S_IFMT == S_IFDIR ? "a folder" : "not a regular file (a device or a pipe)"
            throw GraphExportError.cannotWrite(path: path, reason: "\(what); to write to standard output, leave out -o")
        }
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path

        var temporaryPath = ""
        var descriptor: Int32 = -1
        for _ in 0..<16 {
            let suffix = ".tmp-\(getpid())-" + String(UInt64.random(in: 0...UInt64.max), radix: 36)
            temporaryPath = directory + "." + truncated(name, toUTF8Count: Int(NAME_MAX) - 1 - suffix.utf8.count) + suffix
            // 0o666 lets the umask decide the final permissions, as for any newly created file.
            descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            if descriptor >= 0 || errno != EEXIST { break }
        }
        guard descriptor >= 0 else { throw GraphExportError.cannotWrite(path: path, reason: reason(errno)) }
        let cleanup = InterruptCleanup(removing: temporaryPath)
        defer { cleanup.end() }

        do {
            try produce(descriptor, temporaryPath)
            guard fsync(descriptor) == 0 else { throw GraphExportError.cannotWrite(path: path, reason: reason(errno)) }
            let closed = close(descriptor)
            descriptor = -1
            guard closed == 0 else { throw GraphExportError.cannotWrite(path: path, reason: reason(errno)) }
            guard rename(temporaryPath, path) == 0 else {
                throw GraphExportError.cannotWrite(path: path, reason: reason(errno))
            }
        } catch {
            if descriptor >= 0 { close(descriptor) }
            unlink(temporaryPath)
            throw error
        }
    }

    /// The longest prefix of `text` within `limit` UTF-8 bytes that ends on a scalar boundary, so that
    /// a temporary name stays within NAME_MAX however long the destination's name is.
    static func truncated(_ text: String, toUTF8Count limit: Int) -> String {
        guard text.utf8.count > limit else { return text }
        var result = String.UnicodeScalarView()
        var count = 0
        for scalar in text.unicodeScalars {
            count += UTF8.width(scalar)
            if count > limit { break }
            result.append(scalar)
        }
        return String(result)
    }

    /// Writes all of `bytes` to `fileDescriptor`, retrying short writes and interrupts.
    static func writeAll(_ bytes: [UInt8], to fileDescriptor: Int32, path: String) throws {
        try bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = write(fileDescriptor, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw GraphExportError.cannotWrite(path: path, reason: reason(errno))
                }
                offset += written
            }
        }
    }

    /// The whole content of the file at `path`.
    static func readFile(_ path: String) throws -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw GraphImportError.cannotRead(path: path, reason: reason(errno)) }
        defer { close(descriptor) }
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw GraphImportError.cannotRead(path: path, reason: reason(errno))
            }
            if count == 0 { return result }
            result.append(contentsOf: chunk[0..<count])
        }
    }
}

/// The temporary file being written, as a C string a signal handler may read.
nonisolated(unsafe) private var pendingTemporaryFile: UnsafeMutablePointer<CChar>?

/// Removes the pending temporary file, then lets the signal take its default course.
private func removePendingTemporaryFile(_ signalNumber: Int32) {
    if let path = pendingTemporaryFile { unlink(path) }  // async-signal-safe
    signal(signalNumber, SIG_DFL)
    raise(signalNumber)
}

/// While a temporary file is written, SIGINT, SIGTERM and SIGHUP remove it before ending the process;
/// the previous handlers come back afterwards.
private struct InterruptCleanup {
    private static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]
    private var previous: [sigaction] = []
    private let path: UnsafeMutablePointer<CChar>

    init(removing temporaryPath: String) {
        path = strdup(temporaryPath)
        pendingTemporaryFile = path
        for number in Self.signals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = removePendingTemporaryFile
            sigemptyset(&action.sa_mask)
            var old = sigaction()
            sigaction(number, &action, &old)
            previous.append(old)
        }
    }

    func end() {
        for (number, old) in zip(Self.signals, previous) {
            var restored = old
            sigaction(number, &restored, nil)
        }
        pendingTemporaryFile = nil
        free(path)
    }
}
