/// Every failure ShareLens reports: where it happened (file and line when known) and why.
/// Each reason's message is written once, here; `description` gives `path:line: error: message`.
public struct ShareLensError: Error, Sendable, Equatable, CustomStringConvertible {
  public enum Reason: Sendable, Equatable {
    case usage(String)
    case missingInput
    case notADirectory
    case unreadable(String)
    case invalidInput(String)
    case rejectedInput(count: Int)
    case outputNotOurs
    case fileNotOurs
    case outputIsNotAFolder
    case outputHoldsInput(String)
    case cannotWrite(String)
    case renderFailed(page: String)
    case templateSlot(String)
  }

  public var path: String?
  public var line: Int?
  public var reason: Reason

  public init(_ reason: Reason, path: String? = nil, line: Int? = nil) {
    self.reason = reason
    self.path = path
    self.line = line
  }

  public var message: String {
    switch reason {
    case .usage(let text): return text
    case .missingInput: return "no such file or folder"
    case .notADirectory: return "not a folder"
    case .unreadable(let why): return "cannot read: \(why)"
    case .invalidInput(let why): return why
    case .rejectedInput(let count):
      return "\(Format.count(count)) input \(count == 1 ? "item was" : "items were") rejected (--strict)"
    case .outputNotOurs:
      return "folder exists, is not empty and was not written by ShareLens; pass --force to replace it"
    case .fileNotOurs: return "file exists and was not written by ShareLens; pass --force to replace it"
    case .outputIsNotAFolder: return "exists and is not a folder"
    case .outputHoldsInput(let what):
      return "the output folder holds \(what); replacing it would delete it, even with --force (choose another --out)"
    case .cannotWrite(let why): return "cannot write: \(why)"
    case .renderFailed(let page): return "libcmark could not render the page \(page)"
    case .templateSlot(let slot): return "template slot {{\(slot)}} has no value"
    }
  }

  /// Exit status, as in sysexits.h: 64 usage, 65 bad input, 66 missing input, 73 cannot create.
  public var exitCode: Int32 {
    switch reason {
    case .usage: return 64
    case .rejectedInput, .invalidInput: return 65
    case .missingInput, .notADirectory, .unreadable: return 66
    case .outputNotOurs, .fileNotOurs, .outputIsNotAFolder, .outputHoldsInput, .cannotWrite: return 73
    case .renderFailed, .templateSlot: return 1
    }
  }

  public var description: String {
    var location = ""
    if let path { location = path + (line.map { ":\($0)" } ?? "") + ": " }
    return "\(location)error: \(message)"
  }
}
