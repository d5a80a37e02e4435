import Foundation

/// What the command line asks for.
public enum ShareLensCommand: Sendable, Equatable {
  case build(BuildOptions)
  case sample(SampleOptions)
  case diff(DiffOptions)
  case help(topic: String?)
  case version
}

public struct BuildOptions: Sendable, Equatable {
  public var inputFolder: String?
  public var audit: [String] = []
  public var tenant: String?
  public var sites: String?
  public var labels: String?
  /// An organization's label policy (rule L10), off unless given.
  public var labelPolicy: String?
  /// Links on one file by one person this close together form a burst (seconds).
  public var burstWindow = LinkPatterns.defaultBurstWindow
  /// An IANA time zone for the heatmaps.
  public var timeZone = "UTC"
  public var out = "Site"
  public var force = false
  public var title = "ShareLens sharing report"
  public var classification: String?
  public var organization: String?
  /// A previous report to compare with (adds the Changes page).
  public var baseline: String?
  /// Also write the whole report as one self-contained HTML file here.
  public var singleFile: String?
  public var strict = false
  public var quiet = false
  /// Print the time each phase took on stderr (for the benchmark).
  public var timings = false
  /// Threads that parse audit CSV files.
  public var jobs = ProcessInfo.processInfo.activeProcessorCount
  /// How audit CSVs are cut up (tests vary it; the report must not change).
  var chunkSize = AuditFileReader.defaultChunkSize
  var chunked = true
  public var generatedAt: Date?

  public init() {}

  /// No input named at all: the build reads the built-in demo tenant.
  public var usesDemoTenant: Bool {
    inputFolder == nil && audit.isEmpty && tenant == nil && sites == nil && labels == nil
  }
}

public struct DiffOptions: Sendable, Equatable {
  public enum FailOn: String, Sendable, Equatable, CaseIterable {
    case newFindings = "new-findings"
    case newHigh = "new-high"
    case anyChange = "any-change"
  }

  public var old = ""
  public var new = ""
  public var out = "diff"
  public var all = false
  public var failOn: FailOn?
  /// The classification banner of diff.html (reports do not record theirs).
  public var classification: String?
  public var force = false
  public var quiet = false

  public init() {}
}

public struct SampleOptions: Sendable, Equatable {
  public var out: String?
  public var seed: UInt64 = DemoTenant.defaultSeed
  public var events = DemoTenant.defaultEvents
  public var force = false
  public var quiet = false

  public init() {}
}

/// Hand-written argument parsing (no outside packages): `--name value`, `--name=value`, flags, and
/// `--` to end options. Any mistake is a usage error (exit 64) with a one-line hint.
public enum CommandLineParser {
  public static func parse(_ arguments: [String]) throws(ShareLensError) -> ShareLensCommand {
    var rest = arguments[...]
    switch rest.first {
    case "--help", "-h", "help":
      rest.removeFirst()
      if let topic = rest.first {
        guard HelpText.commands.contains(topic) else { throw usage("unknown command '\(topic)'", topic: nil) }
        guard rest.count == 1 else { throw usage("help takes one command name", topic: nil) }
        return .help(topic: topic)
      }
      return .help(topic: nil)
    case "--version":
      guard rest.count == 1 else { throw usage("--version takes no arguments", topic: nil) }
      return .version
    case "build":
      rest.removeFirst()
      return try parseBuild(rest)
    case "sample":
      rest.removeFirst()
      return try parseSample(rest)
    case "diff":
      rest.removeFirst()
      return try parseDiff(rest)
    default:
      return try parseBuild(rest)  // build is the default command
    }
  }

  static func parseBuild(_ arguments: ArraySlice<String>) throws(ShareLensError) -> ShareLensCommand {
    var options = BuildOptions()
    var reader = OptionReader(arguments: arguments, command: "build")
    while let item = try reader.next() {
      switch item {
      case .positional(let value):
        guard options.inputFolder == nil else {
          throw usage("only one INPUT_DIR may be given (also got '\(value)')", topic: "build")
        }
        options.inputFolder = value
      case .option("--help"), .option("-h"): return .help(topic: "build")
      case .option("--audit"): options.audit.append(try reader.value())
      case .option("--tenant"): options.tenant = try reader.value()
      case .option("--sites"): options.sites = try reader.value()
      case .option("--labels"): options.labels = try reader.value()
      case .option("--label-policy"): options.labelPolicy = try reader.value()
      case .option("--timezone"):
        let name = try reader.value()
        guard TimeZone(identifier: name) != nil, name.contains("/") || name == "UTC" else {
          throw usage("--timezone needs an IANA time zone such as Europe/Berlin (got '\(name)')", topic: "build")
        }
        options.timeZone = name
      case .option("--burst-window"):
        let text = try reader.value()
        guard let minutes = Int64(text), (1...1440).contains(minutes) else {
          throw usage("--burst-window needs minutes from 1 to 1440 (got '\(text)')", topic: "build")
        }
        options.burstWindow = minutes * 60
      case .option("--out"): options.out = try reader.nonEmptyValue()
      case .option("--force"): options.force = true
      case .option("--title"): options.title = try reader.nonEmptyValue()
      case .option("--classification"): options.classification = try reader.value()
      case .option("--organization"): options.organization = try reader.value()
      case .option("--single-file"): options.singleFile = try reader.nonEmptyValue()
      case .option("--baseline"): options.baseline = try reader.nonEmptyValue()
      case .option("--strict"): options.strict = true
      case .option("--timings"): options.timings = true
      case .option("--jobs"):
        let text = try reader.value()
        guard let jobs = Int(text), (1...256).contains(jobs) else {
          throw usage("--jobs needs a number of threads from 1 to 256 (got '\(text)')", topic: "build")
        }
        options.jobs = jobs
      case .option("--quiet"), .option("-q"): options.quiet = true
      case .option("--generated-at"):
        let text = try reader.value()
        guard let date = Timestamp.parse(text) else {
          throw usage(
            "--generated-at needs a UTC time from 1970 to 9999 such as 2026-01-31T12:00:00Z (got '\(text)')",
            topic: "build")
        }
        options.generatedAt = date
      case .option(let name): throw usage("unknown option '\(name)'", topic: "build")
      }
      try reader.rejectUnusedInlineValue()
    }
    return .build(options)
  }

  static func parseDiff(_ arguments: ArraySlice<String>) throws(ShareLensError) -> ShareLensCommand {
    var options = DiffOptions()
    var reader = OptionReader(arguments: arguments, command: "diff")
    var reports: [String] = []
    while let item = try reader.next() {
      switch item {
      case .positional(let value): reports.append(value)
      case .option("--help"), .option("-h"): return .help(topic: "diff")
      case .option("--out"): options.out = try reader.nonEmptyValue()
      case .option("--all"): options.all = true
      case .option("--classification"): options.classification = try reader.value()
      case .option("--force"): options.force = true
      case .option("--quiet"), .option("-q"): options.quiet = true
      case .option("--fail-on"):
        let text = try reader.value()
        guard let condition = DiffOptions.FailOn(rawValue: text) else {
          throw usage("--fail-on needs new-findings, new-high or any-change (got '\(text)')", topic: "diff")
        }
        options.failOn = condition
      case .option(let name): throw usage("unknown option '\(name)'", topic: "diff")
      }
      try reader.rejectUnusedInlineValue()
    }
    guard reports.count == 2 else { throw usage("diff needs two reports: OLD NEW", topic: "diff") }
    options.old = reports[0]
    options.new = reports[1]
    return .diff(options)
  }

  static func parseSample(_ arguments: ArraySlice<String>) throws(ShareLensError) -> ShareLensCommand {
    var options = SampleOptions()
    var reader = OptionReader(arguments: arguments, command: "sample")
    while let item = try reader.next() {
      switch item {
      case .positional(let value): throw usage("unexpected argument '\(value)'", topic: "sample")
      case .option("--help"), .option("-h"): return .help(topic: "sample")
      case .option("--out"): options.out = try reader.nonEmptyValue()
      case .option("--seed"):
        let text = try reader.value()
        guard let seed = UInt64(text) else {
          throw usage("--seed needs a whole number ≥ 0 (got '\(text)')", topic: "sample")
        }
        options.seed = seed
      case .option("--events"):
        let text = try reader.value()
        guard let events = Int(text), events > 0 else {
          throw usage("--events needs a whole number ≥ 1 (got '\(text)')", topic: "sample")
        }
        options.events = events
      case .option("--force"): options.force = true
      case .option("--quiet"), .option("-q"): options.quiet = true
      case .option(let name): throw usage("unknown option '\(name)'", topic: "sample")
      }
      try reader.rejectUnusedInlineValue()
    }
    guard options.out != nil else { throw usage("sample needs --out DIR", topic: "sample") }
    return .sample(options)
  }

  static func usage(_ message: String, topic: String?) -> ShareLensError {
    let hint = topic.map { "sharelens \($0) --help" } ?? "sharelens --help"
    return ShareLensError(.usage("\(message) (see '\(hint)')"))
  }

  /// Walks the arguments, splitting `--name=value` and handing out option values.
  struct OptionReader {
    enum Item: Equatable {
      case option(String)
      case positional(String)
    }

    var arguments: ArraySlice<String>
    let command: String
    var inlineValue: String?
    var currentOption = ""
    var optionsEnded = false

    init(arguments: ArraySlice<String>, command: String) {
      self.arguments = arguments
      self.command = command
    }

    mutating func next() throws(ShareLensError) -> Item? {
      guard let argument = arguments.popFirst() else { return nil }
      if optionsEnded || !argument.hasPrefix("-") || argument == "-" { return .positional(argument) }
      if argument == "--" {
        optionsEnded = true
        return try next()
      }
      if let equals = argument.firstIndex(of: "="), argument.hasPrefix("--") {
        currentOption = String(argument[..<equals])
        inlineValue = String(argument[argument.index(after: equals)...])
      } else {
        currentOption = argument
        inlineValue = nil
      }
      return .option(currentOption)
    }

    mutating func value() throws(ShareLensError) -> String {
      if let inline = inlineValue {
        inlineValue = nil
        return inline
      }
      guard let value = arguments.popFirst(), !value.hasPrefix("--") else {
        throw CommandLineParser.usage("\(currentOption) needs a value", topic: command)
      }
      return value
    }

    mutating func nonEmptyValue() throws(ShareLensError) -> String {
      let text = try value()
      guard !text.isEmpty else {
        throw CommandLineParser.usage("\(currentOption) needs a non-empty value", topic: command)
      }
      return text
    }

    /// `--force=yes`: a flag given a value is a mistake, not something to ignore.
    mutating func rejectUnusedInlineValue() throws(ShareLensError) {
      guard inlineValue != nil else { return }
      throw CommandLineParser.usage("\(currentOption) takes no value", topic: command)
    }
  }
}
