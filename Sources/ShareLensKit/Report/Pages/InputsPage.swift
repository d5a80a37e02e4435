import Foundation

/// The Inputs and data quality page: every file offered, what it was recognised as, what became of
/// each of its records, and what was not used and why.
public enum InputsPage {
  public static let slug = "inputs"
  public static let title = "Inputs"

  public static func build(_ context: ReportContext) -> ReportPage {
    let inputs = context.inputs
    var document = MarkdownDocument(title: "Inputs and data quality")
    document.paragraph("ShareLens recognises each file by its content, never by its name." + origin(inputs.origin))

    document.heading("Files used")
    if inputs.used.isEmpty {
      document.paragraph("No input file could be used.")
    } else {
      document.table(
        Table(
          caption: "Files used, by kind",
          columns: [
            .init("File"), .init("Kind"), .init("Format"), .init("Encoding"), .init("Size", numeric: true),
            .init("Records", numeric: true),
          ],
          rows: inputs.used.map { file in
            [
              Table.Cell("<code>\(file.path)</code>", isRowHeader: true), .text(file.format!.role.title),
              .text(file.format!.title), .text(file.encodingTitle), .text(Format.bytes(file.size)),
              .count(file.records),
            ]
          }))
    }

    let audits = inputs.used.filter { $0.audit != nil }
    if !audits.isEmpty { auditAccounting(audits, into: &document) }

    let warnings = inputs.used.flatMap { file in file.warnings.map { (file.path, $0) } }
    if !warnings.isEmpty {
      document.heading("Warnings")
      document.bulletList(warnings.map { path, warning in "\(Markdown.code(path)): \(warning)" })
    }

    if !inputs.notUsed.isEmpty {
      document.heading("Files not used")
      document.paragraph(
        "A file named on the command line that cannot be used is rejected (a build with `--strict` fails on it); files found in an input folder that are not exports are listed here and skipped."
      )
      document.table(
        Table(
          caption: "Files not used",
          columns: [.init("File"), .init("Named as"), .init("Size", numeric: true), .init("Reason")],
          rows: inputs.notUsed.map { file in
            [
              Table.Cell("<code>\(file.path)</code>", isRowHeader: true),
              .text(file.requestedRole.map { "--\($0.rawValue)" } ?? "found in a folder"),
              .text(Format.bytes(file.size)), .text(file.problem ?? "not recognised"),
            ]
          }))
    }
    return ReportPage(slug: slug, navigationTitle: title, document: document)
  }

  static func auditAccounting(_ files: [InputFile], into document: inout MarkdownDocument) {
    document.heading("Audit records")
    document.paragraph(
      "Every record read is counted once: as sharing-related (used to rebuild links), another operation, a duplicate of a record already read (same record id; overlapping exports are normal, and files are read in the order below), or rejected with its line and reason."
    )
    let accounts = files.map { $0.audit! }
    func sum(_ value: (AuditAccount) -> Int) -> Int { accounts.reduce(0) { $0 + value($1) } }
    var rows: [[Table.Cell]] = files.map { file in
      let account = file.audit!
      return [
        Table.Cell("<code>\(file.path)</code>", isRowHeader: true), .count(account.records), .count(account.sharing),
        .count(account.other), .count(account.duplicates), .count(account.rejected), .text(time(account.firstEvent)),
        .text(time(account.lastEvent)),
      ]
    }
    if files.count > 1 {
      rows.append([
        .header("All files"), .count(sum(\.records)), .count(sum(\.sharing)), .count(sum(\.other)),
        .count(sum(\.duplicates)), .count(sum(\.rejected)), .text(time(accounts.compactMap(\.firstEvent).min())),
        .text(time(accounts.compactMap(\.lastEvent).max())),
      ])
    }
    document.table(
      Table(
        caption: "What became of each audit record (times in UTC)",
        columns: [
          .init("File"), .init("Records", numeric: true), .init("Sharing", numeric: true),
          .init("Other", numeric: true),
          .init("Duplicates", numeric: true), .init("Rejected", numeric: true), .init("First event"),
          .init("Last event"),
        ],
        rows: rows))

    let rejected = files.filter { $0.audit!.rejected > 0 }
    guard !rejected.isEmpty else { return }
    document.heading("Rejected rows", level: 3)
    document.paragraph("The first \(AuditAccount.keptRejections) rejected rows of each file, with the reason:")
    document.table(
      Table(
        caption: "Rejected rows",
        columns: [.init("File"), .init("Line", numeric: true), .init("Reason")],
        rows: rejected.flatMap { file in
          file.audit!.rejections.map { rejection in
            [
              Table.Cell("<code>\(file.path)</code>", isRowHeader: true), .count(rejection.line),
              .text(rejection.reason),
            ]
          }
        }))
    for file in rejected where file.audit!.rejected > file.audit!.rejections.count {
      document.note(
        "\(Markdown.code(file.path)) has \(file.audit!.rejected - file.audit!.rejections.count) more rejected rows, not listed."
      )
    }
  }

  static func time(_ seconds: Int64?) -> String {
    guard let seconds else { return "–" }
    return Format.minute(Date(timeIntervalSince1970: TimeInterval(seconds)))
  }

  static func origin(_ origin: ReportInputs.Origin) -> Markdown {
    switch origin {
    case .demo(let seed, let events):
      return
        " These inputs are the built-in demo tenant: synthetic data for the fictional Contoso, the same files as `Samples/contoso/` (\(Markdown.code("sharelens sample --seed \(seed) --events \(events)")))."
    case .userFiles:
      return ""
    }
  }
}
