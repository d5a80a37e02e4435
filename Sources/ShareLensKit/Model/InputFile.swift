/// One file that was offered as input, and what ShareLens made of it.
public struct InputFile: Sendable, Equatable {
  /// The path as the user gave it, or relative to the input folder it was found in.
  public var path: String
  /// Where the file is on this machine, to read it; never written to the report.
  public var location: String
  public var size: Int64
  public var encoding: TextEncoding?
  /// Read through gzip.
  public var compressed = false
  /// Set when the content was recognised.
  public var format: InputFormat?
  /// The role the user asked for (`--audit`, `--tenant`, …), if the file was named explicitly.
  public var requestedRole: InputRole?
  /// Data records in the file: audit rows or records, sites, labels; 1 for a tenant object.
  public var records: Int
  /// Why the file was not used, when it was not.
  public var problem: String?
  /// Things the reader should know about a file that was used.
  public var warnings: [String]
  /// For an audit file that was read: what became of each record.
  public var audit: AuditAccount?

  public init(
    path: String, location: String = "", size: Int64, encoding: TextEncoding? = nil, format: InputFormat? = nil,
    requestedRole: InputRole? = nil, records: Int = 0, problem: String? = nil, warnings: [String] = []
  ) {
    self.path = path
    self.location = location.isEmpty ? path : location
    self.size = size
    self.encoding = encoding
    self.format = format
    self.requestedRole = requestedRole
    self.records = records
    self.problem = problem
    self.warnings = warnings
  }

  /// The encoding as the Inputs page shows it.
  public var encodingTitle: String {
    guard let encoding else { return "–" }
    return encoding.rawValue + (compressed ? ", gzip" : "")
  }

  /// Used as input: recognised, and of the kind asked for.
  public var isUsed: Bool { format != nil && problem == nil }

  /// Named explicitly but unusable: a rejected input (`--strict` fails on these).
  public var isRejected: Bool { requestedRole != nil && !isUsed }
}
