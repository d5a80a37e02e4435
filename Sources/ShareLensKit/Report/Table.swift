/// A data table, written into the Markdown as an HTML block (libcmark has no table extension).
/// Each row is one line, so a line diff of two reports shows changed rows, not changed pages.
public struct Table: Sendable {
  public struct Column: Sendable {
    public var title: String
    public var numeric: Bool
    public init(_ title: String, numeric: Bool = false) {
      self.title = title
      self.numeric = numeric
    }
  }

  /// One cell: its content, and whether it heads its row (`<th scope="row">`).
  public struct Cell: Sendable, ExpressibleByStringLiteral {
    public var content: HTML
    public var isRowHeader = false
    public init(_ content: HTML, isRowHeader: Bool = false) {
      self.content = content
      self.isRowHeader = isRowHeader
    }
    public init(stringLiteral value: String) { content = "\(value)" }
    public static func text(_ value: String) -> Cell { Cell("\(value)") }
    public static func count(_ value: Int) -> Cell { Cell("\(value)") }
    public static func header(_ value: String) -> Cell { Cell("\(value)", isRowHeader: true) }
  }

  public var caption: String
  public var columns: [Column]
  public var rows: [[Cell]]

  public init(caption: String, columns: [Column], rows: [[Cell]]) {
    self.caption = caption
    self.columns = columns
    self.rows = rows
  }

  public var html: HTML {
    // One string appended to, not one per cell and row joined afterwards (the link inventory's
    // tables are most of a large report).
    var out = ""
    out.reserveCapacity(256 + rows.count * columns.count * 48)
    out += "<div class=\"table-scroll\">\n<table>\n<caption>"
    out += Escaping.htmlText(caption)
    out += "</caption>\n<thead><tr>"
    for column in columns {
      out += column.numeric ? "<th scope=\"col\" class=\"num\">" : "<th scope=\"col\">"
      out += Escaping.htmlText(column.title)
      out += "</th>"
    }
    out += "</tr></thead>\n<tbody>"
    for row in rows {
      precondition(row.count == columns.count, "table row has \(row.count) cells, expected \(columns.count)")
      out += "\n<tr>"
      for (cell, column) in zip(row, columns) {
        switch (cell.isRowHeader, column.numeric) {
        case (true, true): out += "<th scope=\"row\" class=\"num\">"
        case (true, false): out += "<th scope=\"row\">"
        case (false, true): out += "<td class=\"num\">"
        case (false, false): out += "<td>"
        }
        out += cell.content.source
        out += cell.isRowHeader ? "</th>" : "</td>"
      }
      out += "</tr>"
    }
    out += "\n</tbody>\n</table>\n</div>"
    return HTML(stringLiteral: out)
  }
}
