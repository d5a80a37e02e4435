/// The Inputs page: every file offered, what it was recognised as, and what was not used and why.
public enum InputsPage {
  public static let slug = "inputs"
  public static let title = "Inputs"

  public static func build(_ context: ReportContext) -> ReportPage {
    let inputs = context.inputs
    var document = MarkdownDocument(title: "Inputs")
    document.paragraph(
      "ShareLens recognises each file by its content, never by its name. \(origin(inputs.origin))")

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
              .text(file.format!.title), .text(file.encoding?.rawValue ?? "–"), .text(Format.bytes(file.size)),
              .count(file.records),
            ]
          }))
    }

    document.heading("Totals")
    document.table(
      Table(
        caption: "Records read, by kind",
        columns: [.init("Kind"), .init("Files", numeric: true), .init("Records", numeric: true)],
        rows: InputRole.allCases.map { role in
          [.header(role.title), .count(inputs.used(role).count), .count(inputs.records(role))]
        }))

    let warnings = inputs.used.flatMap { file in file.warnings.map { (file.path, $0) } }
    if !warnings.isEmpty {
      document.heading("Warnings")
      document.bulletList(warnings.map { path, warning in "\(Markdown.code(path)): \(warning)" })
    }

    if !inputs.notUsed.isEmpty {
      document.heading("Files not used")
      document.paragraph(
        "Files named on the command line that could not be used are rejected (a build with `--strict` fails on them); files found in an input folder that are not exports are listed and skipped."
      )
      document.table(
        Table(
          caption: "Files not used",
          columns: [.init("File"), .init("Named as"), .init("Size", numeric: true), .init("Reason")],
          rows: inputs.notUsed.map { file in
            [
              Table.Cell("<code>\(file.path)</code>", isRowHeader: true),
              .text(file.requestedRole.map { "--\(optionName($0))" } ?? "found in folder"),
              .text(Format.bytes(file.size)), .text(file.problem ?? "not recognised"),
            ]
          }))
    }
    return ReportPage(slug: slug, navigationTitle: title, document: document)
  }

  static func origin(_ origin: ReportInputs.Origin) -> Markdown {
    switch origin {
    case .demo(let seed, let events):
      return
        "These inputs are the built-in demo tenant: synthetic data for the fictional Contoso, the same files as `Samples/contoso/` (\(Markdown.code("sharelens sample --seed \(seed) --events \(events)")))."
    case .userFiles:
      return ""
    }
  }

  static func optionName(_ role: InputRole) -> String { role.rawValue }
}
