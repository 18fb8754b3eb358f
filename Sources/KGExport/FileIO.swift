#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// File access for the writers and readers, with errors that name the path and the OS reason.
enum FileIO {
    private static func reason(_ code: Int32) -> String { String(cString: strerror(code)) }

    /// Writes a file so that `path` either keeps its old content or gets the complete new one.
    ///
    /// `produce` writes into a fresh temporary file in the destination's directory (so the final
    /// `rename` stays on one file system and is atomic); on any failure the temporary file is removed.
    static func writeAtomically(to path: String, _ produce: (_ fileDescriptor: Int32) throws -> Void) throws {
        guard !path.isEmpty, !path.hasSuffix("/") else {
            throw GraphExportError.cannotWrite(path: path, reason: "not a file path")
        }
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path

        var temporaryPath = ""
        var descriptor: Int32 = -1
        for _ in 0..<16 {
            let suffix = String(UInt64.random(in: 0...UInt64.max), radix: 36)
            temporaryPath = "\(directory).\(name).tmp-\(getpid())-\(suffix)"
            // 0o666 lets the umask decide the final permissions, as for any newly created file.
            descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            if descriptor >= 0 || errno != EEXIST { break }
        }
        guard descriptor >= 0 else { throw GraphExportError.cannotWrite(path: path, reason: reason(errno)) }

        do {
            try produce(descriptor)
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
