import Dispatch
import Foundation

/// Analyses documents on several threads and hands the results back in input order, so that output
/// is byte-identical whatever the number of threads.
///
/// Documents are read in batches (up to ``batchDocuments`` documents or ``batchScalars`` characters,
/// whichever comes first); each batch is analysed by up to `jobs` threads, each taking the next
/// document not yet taken, then delivered in order while the next batch is read. Memory holds one
/// batch of texts and results, whatever the size of the corpus.
///
/// ```swift
/// let parallel = ParallelDocuments(jobs: 2)
/// try parallel.forEachResult(in: ["corpus.jsonl"]) { document in
///     extractor.extract(documentID: document.id, text: document.text).graph
/// } deliver: { document, graph in
///     merged.merge(graph)
/// }
/// ```
public struct ParallelDocuments: Sendable {
    /// Threads that analyse documents; 1 analyses each document as it is read.
    public var jobs: Int
    public var batchDocuments = 512
    public var batchScalars = 8_000_000

    public init(jobs: Int) { self.jobs = max(1, jobs) }

    /// The number of threads to use by default: one per active processor.
    public static var defaultJobs: Int { ProcessInfo.processInfo.activeProcessorCount }

    /// Reads `inputs` as ``InputReader/forEachDocument(in:_:)`` does, runs `work` on each document and
    /// calls `deliver` with each document and its result in input order, on the calling thread.
    public func forEachResult<Result>(
        in inputs: [String], work: @escaping @Sendable (InputDocument) -> Result,
        deliver: (InputDocument, Result) throws -> Void
    ) throws {
        try forEachResult(reading: { try InputReader.forEachDocument(in: inputs, $0) }, work: work, deliver: deliver)
    }

    /// The same over any source of documents: `reading` calls its argument once per document, in order.
    public func forEachResult<Result>(
        reading: ((InputDocument) throws -> Void) throws -> Void, work: @escaping @Sendable (InputDocument) -> Result,
        deliver: (InputDocument, Result) throws -> Void
    ) throws {
        // `reading` calls back into what `deliver` does; neither outlives this call.
        try withoutActuallyEscaping(deliver) { deliver in
            try run(reading: reading, work: work, deliver: deliver)
        }
    }

    private func run<Result>(
        reading: ((InputDocument) throws -> Void) throws -> Void, work: @escaping @Sendable (InputDocument) -> Result,
        deliver: @escaping (InputDocument, Result) throws -> Void
    ) throws {
        if jobs == 1 {
            try reading { document in try deliver(document, work(document)) }
            return
        }
        var batch: [InputDocument] = []
        var scalars = 0
        func flush() throws {
            defer { batch.removeAll(keepingCapacity: true); scalars = 0 }
            let results = Self.run(batch, jobs: jobs, work: work)
            for (document, result) in zip(batch, results) { try deliver(document, result) }
        }
        do {
            try reading { document in
                batch.append(document)
                scalars += document.text.utf8.count
                if batch.count >= batchDocuments || scalars >= batchScalars { try flush() }
            }
        } catch {
            // What was read before a bad record is delivered before its error, as with one thread.
            try flush()
            throw error
        }
        if !batch.isEmpty { try flush() }
    }

    /// `work` on every document of `batch` on up to `jobs` threads; the results in the batch's order.
    private static func run<Result>(_ batch: [InputDocument], jobs: Int, work: @escaping @Sendable (InputDocument) -> Result) -> [Result] {
        let slots = ResultSlots<Result>(count: batch.count)
        let documents = batch
        DispatchQueue.concurrentPerform(iterations: min(jobs, batch.count)) { _ in
            while let index = slots.takeNext() {
                slots.store(work(documents[index]), at: index)
            }
        }
        return slots.results()
    }
}

/// Results written by several threads, each to its own slot; the next index is handed out under a lock.
private final class ResultSlots<Result>: @unchecked Sendable {
    private var slots: [Result?]
    private var next = 0
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func takeNext() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < slots.count else { return nil }
        next += 1
        return next - 1
    }

    func store(_ result: Result, at index: Int) {
        lock.lock()
        slots[index] = result
        lock.unlock()
    }

    func results() -> [Result] { slots.map { $0! } }
}
