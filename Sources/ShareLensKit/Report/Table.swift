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
    var lines: [HTML] = ["<div class=\"table-scroll\">", "<table>", "<caption>\(caption)</caption>"]
    let headers = columns.map { column -> HTML in
      "<th scope=\"col\"\(column.numeric ? " class=\"num\"" : "")>\(column.title)</th>"
    }
    lines.append("<thead><tr>\(joined(headers))</tr></thead>")
    lines.append("<tbody>")
    for row in rows {
      precondition(row.count == columns.count, "table row has \(row.count) cells, expected \(columns.count)")
      let cells = zip(row, columns).map { cell, column -> HTML in
        let numeric: HTML = column.numeric ? " class=\"num\"" : ""
        return cell.isRowHeader
          ? "<th scope=\"row\"\(numeric)>\(cell.content)</th>" : "<td\(numeric)>\(cell.content)</td>"
      }
      lines.append("<tr>\(joined(cells))</tr>")
    }
    lines.append("</tbody>")
    lines.append("</table>")
    lines.append("</div>")
    return HTML(stringLiteral: lines.map(\.source).joined(separator: "\n"))
  }

  private func joined(_ parts: [HTML]) -> HTML {
    HTML(stringLiteral: parts.map(\.source).joined())
  }
}
