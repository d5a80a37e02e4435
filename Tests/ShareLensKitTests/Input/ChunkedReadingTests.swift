import Foundation
import Testing

@testable import ShareLensKit

/// Audit CSVs are cut into chunks of whole records and parsed on several threads. Whatever the
/// chunk size and the number of threads, the report must be byte for byte the one that reading
/// every record in turn with `CSVRecordReader` gives, on files with line breaks inside quotes,
/// CRLF line ends, blank lines, duplicates on both sides of chunk boundaries, rejected rows, times
/// that only the date column has (read in row order), a quote that never closes and a cut-off end.
@Suite struct ChunkedReadingTests {
  struct Reading: CustomStringConvertible {
    var chunked: Bool
    var jobs: Int
    var chunkSize: Int
    var description: String { chunked ? "\(jobs) threads, \(chunkSize)-byte chunks" : "record by record" }
  }

  static let readings = [
    Reading(chunked: true, jobs: 1, chunkSize: AuditFileReader.defaultChunkSize),
    Reading(chunked: true, jobs: 2, chunkSize: 1),
    Reading(chunked: true, jobs: 3, chunkSize: 777),
    Reading(chunked: true, jobs: 2, chunkSize: 64 << 10),
  ]

  /// The demo tenant's audit log, its header and rows (one line each).
  static func demoRows(in temp: TemporaryFolder) throws -> (header: String, rows: [String]) {
    let folder = temp.url.appendingPathComponent("demo")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try DemoTenant.write(to: folder, seed: 7, events: 2000)
    let text = try String(contentsOf: folder.appendingPathComponent("AuditLog.csv"), encoding: .utf8)
    // The demo writes CRLF line ends, as the Purview portal does.
    var lines = text.components(separatedBy: "\r\n")
    if lines.last == "" { lines.removeLast() }
    #expect(!lines.dropFirst().contains { $0.filter { $0 == "\"" }.count % 2 == 1 }, "a demo row spans lines")
    return (lines[0], Array(lines.dropFirst()))
  }

  static func variants(in temp: TemporaryFolder) throws -> [String: [UInt8]] {
    let (header, rows) = try demoRows(in: temp)
    var mixed = [header]
    for (index, row) in rows.enumerated() {
      var row = row
      if index % 101 == 0 { mixed.append("") }
      if index % 97 == 5 {
        // A line break inside the quoted admin-unit column.
        #expect(row.hasSuffix(",,"))
        row = String(row.dropLast(2)) + ",\"line one\r\nline \"\"two\"\"\","
      }
      if index % 211 == 9 { row = row.replacingOccurrences(of: "\"\"Operation\"\"", with: "\"\"Operation\"\":") }
      if index % 89 == 7 {
        // Line breaks between AuditData's tokens (pretty-printed JSON), which AuditData read in
        // place must count.
        row = row.replacingOccurrences(of: ",\"\"Operation\"\"", with: ",\r\n  \"\"Operation\"\"\n")
      }
      if index % 83 == 4 {
        // Escaped quotes in a value: `\"` in the JSON, `\""` in the CSV.
        row = row.replacingOccurrences(of: "\"\"UserAgent\"\":\"\"", with: "\"\"UserAgent\"\":\"\"\\\"\"x\\\"\" ")
      }
      if index % 223 == 11 { row = "a,b,c" }
      if index % 227 == 13 { row = row.replacingOccurrences(of: ",", with: ",,", options: [], range: nil) }
      if index % 13 == 3 {
        // No CreationTime in AuditData: the time comes from the date column, read in row order.
        row = row.replacingOccurrences(of: "\"\"CreationTime\"\"", with: "\"\"CreationTimeX\"\"")
      }
      mixed.append(row)
      if index == 700 { mixed += rows.prefix(200) }
    }
    mixed += rows.prefix(150)
    var unclosed = [header] + rows
    // A stray quote in the unquoted user column: every quote after it pairs the other way.
    let parts = unclosed[900].split(separator: ",", maxSplits: 4, omittingEmptySubsequences: false)
    unclosed[900] = parts.prefix(4).joined(separator: ",") + ",x\"" + parts[4]
    let whole = ([header] + rows).joined(separator: "\n") + "\n"
    return [
      "mixed.csv": Array(mixed.joined(separator: "\r\n").utf8),
      "unclosed.csv": Array((unclosed.joined(separator: "\n") + "\n").utf8),
      "truncated.csv": Array(whole.utf8.dropLast(500)),
      "huntress.csv": Array(
        try Data(
          contentsOf: URL(fileURLWithPath: try Fixtures.path("real/huntress-ctf-2023-rogue-inbox-purview-export.csv")))),
      "utf16.csv": Array(
        try Data(contentsOf: URL(fileURLWithPath: try Fixtures.path("crafted/search-unifiedauditlog-utf16.csv")))),
    ]
  }

  /// Every file of a report folder, by relative path.
  static func build(_ input: String, reading: Reading?, in temp: TemporaryFolder, name: String) throws -> [String: Data]
  {
    var options = BuildOptions()
    options.audit = [input]
    options.out = temp.url.appendingPathComponent(name).path
    options.quiet = true
    options.generatedAt = Date(timeIntervalSince1970: 1_796_083_200)
    options.chunked = reading?.chunked ?? false
    options.jobs = reading?.jobs ?? 1
    options.chunkSize = reading?.chunkSize ?? AuditFileReader.defaultChunkSize
    try BuildCommand(options: options, environment: [:], console: Console(out: { _ in }, err: { _ in })).run()
    return try temp.snapshot(name)
  }

  @Test func everyReadingGivesTheSameReport() throws {
    let temp = try TemporaryFolder()
    for (name, bytes) in try Self.variants(in: temp).sorted(by: { $0.key < $1.key }) {
      let input = try temp.write("inputs/\(name)", bytes: bytes)
      let reference = try Self.build(input, reading: nil, in: temp, name: "\(name)-reference")
      let json = try #require(reference["report.json"])
      let report = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
      #expect(report["links"] as? [Any] != nil)
      for (index, reading) in Self.readings.enumerated() {
        let files = try Self.build(input, reading: reading, in: temp, name: "\(name)-\(index)")
        #expect(files["report.json"] == json, "\(name): report.json differs with \(reading)")
        let differing = Set(reference.keys).union(files.keys).filter { reference[$0] != files[$0] }.sorted()
        #expect(differing.isEmpty, "\(name): \(differing.prefix(5)) differ with \(reading)")
      }
    }
  }

  /// The variants do exercise what they are for.
  @Test func theVariantsHaveWhatTheyTest() throws {
    let temp = try TemporaryFolder()
    let variants = try Self.variants(in: temp)
    let mixed = try temp.write("mixed.csv", bytes: variants["mixed.csv"]!)
    let files = try InputCollector(audit: [mixed]).collect()
    let result = try AuditIngest.run(files, jobs: 2, chunkSize: 4096, chunked: true, progress: nil)
    let account = try #require(result.files.first?.audit)
    #expect(account.duplicates > 300)
    #expect(account.rejected > 20)
    #expect(account.rejections.contains { $0.reason.contains("columns") })
    #expect(account.rejections.contains { $0.reason.contains("not valid JSON") })
    for name in ["unclosed.csv", "truncated.csv"] {
      let path = try temp.write(name, bytes: variants[name]!)
      let result = try AuditIngest.run(
        try InputCollector(audit: [path]).collect(), jobs: 2, chunkSize: 4096, chunked: true, progress: nil)
      let rejections = try #require(result.files.first?.audit?.rejections)
      #expect(
        rejections.contains { $0.reason.contains("never closes") || $0.reason.contains("truncated") },
        "\(name): \(rejections)")
    }
  }

  /// The quote parity the chunks are cut by, taken eight bytes at a time, agrees with counting one
  /// byte at a time, at every length around the eight-byte steps and on long runs.
  @Test func quoteParityAgreesWithCountingByHand() {
    var generator = SplitMix64(seed: 11)
    for length in Array(0...70) + [32 * 255 - 1, 32 * 255, 32 * 255 + 33, 100_003] {
      let bytes = (0..<length).map { _ in generator.next() % 3 == 0 ? UInt8(ascii: "\"") : UInt8(ascii: "a") }
      let count = bytes.filter { $0 == UInt8(ascii: "\"") }.count
      #expect(CSVChunker.oddQuotes(bytes[...]) == (count % 2 == 1), "length \(length)")
    }
    for count in [32 * 255 * 3 + 7, 32 * 255 * 3 + 8] {
      let all = [UInt8](repeating: UInt8(ascii: "\""), count: count)
      #expect(CSVChunker.oddQuotes(all[...]) == (count % 2 == 1))
    }
  }

  /// A row longer than the record limit on one line is one rejected row, and the rows after it
  /// are read, whichever way the file is read.
  @Test func anOversizedRowIsOneRejection() throws {
    let temp = try TemporaryFolder()
    let (header, rows) = try Self.demoRows(in: temp)
    let huge = rows[1].replacingOccurrences(
      of: "\"\"Workload\"\"",
      with: "\"\"Padding\"\":\"\"" + String(repeating: "x", count: CSVRecordReader.recordLimit)
        + "\"\",\"\"Workload\"\"")
    let path = try temp.write("huge.csv", ([header, rows[0], huge, rows[2]].joined(separator: "\r\n") + "\r\n"))
    for (chunked, jobs) in [(false, 1), (true, 1), (true, 2)] {
      let result = try AuditIngest.run(
        try InputCollector(audit: [path]).collect(), jobs: jobs, chunkSize: 4096, chunked: chunked, progress: nil)
      let account = try #require(result.files.first?.audit)
      #expect(account.records == 3, "chunked \(chunked), \(jobs) threads")
      #expect(account.rejections.map(\.line) == [3])
      #expect(account.rejected == 1)
    }
  }

  /// The chunked path is really taken: the variants are cut into many chunks that together are the
  /// file after its header, and only a broken quote makes the chunker hand the rest back.
  @Test func theChunkerCutsTheFileAtRecordBoundaries() throws {
    let temp = try TemporaryFolder()
    let variants = try Self.variants(in: temp)
    for (name, expectsRest) in [("mixed.csv", false), ("unclosed.csv", true)] {
      let bytes = try #require(variants[name])
      let path = try temp.write(name, bytes: bytes)
      let reader = try ByteReader(path: path)
      let records = CSVRecordReader(reader)
      _ = try records.header()
      let (pending, _) = records.remainder()
      let chunker = CSVChunker(reader, pending: pending, targetSize: 4096)
      var chunks: [[UInt8]] = []
      var rest: [UInt8]?
      while rest == nil, let piece = try chunker.next() {
        switch piece {
        case .chunk(let chunk): chunks.append(chunk)
        case .rest(let bytes): rest = bytes
        }
      }
      #expect(chunks.count > 100, "\(name)")
      #expect((rest != nil) == expectsRest, "\(name)")
      for chunk in chunks where chunk.last != nil {
        #expect(!CSVChunker.oddQuotes(chunk[...]), "a chunk ends inside quotes")
      }
      if !expectsRest {
        let header = bytes.firstIndex(of: 0x0A).map { $0 + 1 } ?? 0
        #expect(Array(bytes[header...]) == chunks.flatMap { $0 })
      }
    }
  }
}
