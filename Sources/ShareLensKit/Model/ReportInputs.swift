/// Everything that was offered as input to one build, and where it came from.
public struct ReportInputs: Sendable, Equatable {
  public enum Origin: Sendable, Equatable {
    /// The built-in demo tenant, generated with these parameters.
    case demo(seed: UInt64, events: Int)
    /// Files and folders named on the command line.
    case userFiles
  }

  public var origin: Origin
  /// Sorted by role, then path.
  public var files: [InputFile]

  public init(origin: Origin, files: [InputFile]) {
    self.origin = origin
    self.files = files.sorted {
      ($0.format?.role ?? $0.requestedRole ?? .audit, $0.path) < (
        $1.format?.role ?? $1.requestedRole ?? .audit, $1.path
      )
    }
  }

  public var used: [InputFile] { files.filter(\.isUsed) }
  public var notUsed: [InputFile] { files.filter { !$0.isUsed } }
  public var rejected: [InputFile] { files.filter(\.isRejected) }

  /// Audit rows rejected across all files.
  public var rejectedRows: Int { used.reduce(0) { $0 + ($1.audit?.rejected ?? 0) } }
  /// Audit files damaged part-way (their lost rows cannot be counted); `--strict` fails on them.
  public var damagedFiles: Int { used.filter { $0.audit?.damage != nil }.count }

  public func used(_ role: InputRole) -> [InputFile] { used.filter { $0.format?.role == role } }
  public func records(_ role: InputRole) -> Int { used(role).reduce(0) { $0 + $1.records } }
}
