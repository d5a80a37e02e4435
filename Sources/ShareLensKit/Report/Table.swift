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
  /// The rows given as cells (a table written row by row keeps its rows in `writtenRows`).
  public var rows: [[Cell]]
  /// Rows already written as HTML, after `rows`.
  var writtenRows: [UInt8] = []

  public init(caption: String, columns: [Column], rows: [[Cell]]) {
    self.caption = caption
    self.columns = columns
    self.rows = rows
  }

  /// A table of many rows, each written by `write` straight into the table's HTML: the same HTML as
  /// the same cells given as `Cell`s, without a string for each cell (the link lists of a large
  /// report write hundreds of thousands of rows).
  init(caption: String, columns: [Column], count: Int, write: (Int, inout RowWriter) -> Void) {
    self.init(caption: caption, columns: columns, rows: [])
    var writer = RowWriter(columns: columns)
    writer.out.reserveCapacity(count * columns.count * 48)
    for index in 0..<count {
      writer.startRow()
      write(index, &writer)
      writer.endRow()
    }
    writtenRows = writer.out
  }

  /// Writes one row's cells, in column order, as `Table.html` writes them.
  struct RowWriter {
    let columns: [Column]
    var out: [UInt8] = []
    var column = 0

    mutating func startRow() {
      column = 0
      raw("\n<tr>")
    }

    mutating func endRow() {
      precondition(column == columns.count, "table row has \(column) cells, expected \(columns.count)")
      raw("</tr>")
    }

    /// One cell; `content` writes what goes inside it.
    mutating func cell(header: Bool = false, _ content: (inout RowWriter) -> Void) {
      raw(Table.openingTag(header: header, numeric: columns[column].numeric))
      content(&self)
      if header { raw("</th>") } else { raw("</td>") }
      column += 1
    }

    /// A cell of text, escaped (`Cell.text`, or `Cell.header` when it heads the row).
    mutating func text(_ value: String, header: Bool = false) { cell(header: header) { $0.escaped(value) } }

    /// A cell holding a count (`Cell.count`).
    mutating func count(_ value: Int) { cell { $0.raw(Format.count(value)) } }

    /// Markup written by the code, never text from the data.
    mutating func raw(_ html: StaticString) {
      out.append(contentsOf: UnsafeBufferPointer(start: html.utf8Start, count: html.utf8CodeUnitCount))
    }

    /// Text the code made safe itself (a count, a formatted time).
    mutating func raw(_ html: String) { ASCIIText.withBytes(of: html) { out.append(contentsOf: $0) } }

    /// Text escaped for HTML text, as `HTML` interpolation escapes it.
    mutating func escaped(_ value: String) { Escaping.appendHTML(value, quotes: false, to: &out) }

    /// Text escaped for a double-quoted attribute value, as `\(attribute:)` escapes it.
    mutating func attribute(_ value: String) { Escaping.appendHTML(value, quotes: true, to: &out) }
  }

  static func openingTag(header: Bool, numeric: Bool) -> StaticString {
    switch (header, numeric) {
    case (true, true): "<th scope=\"row\" class=\"num\">"
    case (true, false): "<th scope=\"row\">"
    case (false, true): "<td class=\"num\">"
    case (false, false): "<td>"
    }
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
        out += Self.openingTag(header: cell.isRowHeader, numeric: column.numeric).description
        out += cell.content.source
        out += cell.isRowHeader ? "</th>" : "</td>"
      }
      out += "</tr>"
    }
    out += String(decoding: writtenRows, as: UTF8.self)
    out += "\n</tbody>\n</table>\n</div>"
    return HTML(stringLiteral: out)
  }
}
