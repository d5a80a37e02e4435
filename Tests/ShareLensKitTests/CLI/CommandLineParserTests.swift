import Foundation
import Testing

@testable import ShareLensKit

@Suite struct CommandLineParserTests {
  @Test func noArgumentsBuildsTheDemo() throws {
    guard case .build(let options) = try CommandLineParser.parse([]) else {
      Issue.record("expected build")
      return
    }
    #expect(options.usesDemoTenant)
    #expect(options.out == "Site")
  }

  @Test func buildIsTheDefaultCommand() throws {
    #expect(
      try CommandLineParser.parse(["exports", "--out", "r"])
        == CommandLineParser.parse(["build", "exports", "--out=r"]))
  }

  @Test func everyBuildOption() throws {
    let command = try CommandLineParser.parse([
      "build", "in", "--audit", "a.csv", "--audit=b/", "--tenant", "t.json", "--sites", "s.json", "--labels", "l.json",
      "--out", "r", "--force", "--title", "T", "--classification", "Internal", "--strict", "--quiet",
      "--generated-at", "2026-01-31T12:00:00Z",
    ])
    var expected = BuildOptions()
    expected.inputFolder = "in"
    expected.audit = ["a.csv", "b/"]
    expected.tenant = "t.json"
    expected.sites = "s.json"
    expected.labels = "l.json"
    expected.out = "r"
    expected.force = true
    expected.title = "T"
    expected.classification = "Internal"
    expected.strict = true
    expected.quiet = true
    expected.generatedAt = Date(timeIntervalSince1970: 1_769_860_800)
    #expect(command == .build(expected))
  }

  @Test func sampleOptions() throws {
    var expected = SampleOptions()
    expected.out = "demo"
    expected.seed = 7
    expected.events = 100
    #expect(
      try CommandLineParser.parse(["sample", "--out", "demo", "--seed", "7", "--events=100"]) == .sample(expected))
  }

  @Test(arguments: [
    (["--help"], ShareLensCommand.help(topic: nil)), (["-h"], .help(topic: nil)),
    (["help", "build"], .help(topic: "build")),
    (["build", "--help"], .help(topic: "build")), (["sample", "--help"], .help(topic: "sample")),
    (["--version"], .version),
  ])
  func helpAndVersion(arguments: [String], command: ShareLensCommand) throws {
    #expect(try CommandLineParser.parse(arguments) == command)
  }

  @Test(arguments: [
    (["--bogus"], "unknown option '--bogus' (see 'sharelens build --help')"),
    (["--out"], "--out needs a value (see 'sharelens build --help')"),
    (["--out", "--force"], "--out needs a value (see 'sharelens build --help')"),
    (["a", "b"], "only one INPUT_DIR may be given (also got 'b') (see 'sharelens build --help')"),
    (["--force=yes"], "--force takes no value (see 'sharelens build --help')"),
    (
      ["--generated-at", "yesterday"],
      "--generated-at needs a UTC time from 1970 to 9999 such as 2026-01-31T12:00:00Z (got 'yesterday') (see 'sharelens build --help')"
    ),
    (
      ["--generated-at", "1500-06-01T00:00:00Z"],
      "--generated-at needs a UTC time from 1970 to 9999 such as 2026-01-31T12:00:00Z (got '1500-06-01T00:00:00Z') (see 'sharelens build --help')"
    ),
    (["--jobs", "0"], "--jobs needs a number of threads from 1 to 256 (got '0') (see 'sharelens build --help')"),
    (["sample"], "sample needs --out DIR (see 'sharelens sample --help')"),
    (
      ["sample", "--out", "x", "--events", "0"],
      "--events needs a whole number ≥ 1 (got '0') (see 'sharelens sample --help')"
    ),
    (
      ["sample", "--out", "x", "--seed", "-1"],
      "--seed needs a whole number ≥ 0 (got '-1') (see 'sharelens sample --help')"
    ),
    (["help", "frobnicate"], "unknown command 'frobnicate' (see 'sharelens --help')"),
  ])
  func usageErrorsHaveAOneLineHint(arguments: [String], message: String) {
    #expect(throws: ShareLensError(.usage(message))) { try CommandLineParser.parse(arguments) }
    #expect(ShareLensError(.usage(message)).exitCode == 64)
    #expect(!message.contains("\n"))
  }

  @Test func helpListsOnlyWorkingCommands() {
    for command in HelpText.commands {
      #expect(HelpText.general.contains("sharelens \(command)") || HelpText.general.contains("[\(command)]"))
    }
    #expect(HelpText.commands == ["build", "sample", "diff"])
    #expect(!HelpText.general.contains("bench"))
  }

  @Test func sourceDateEpoch() throws {
    #expect(try Timestamp.sourceDateEpoch(["SOURCE_DATE_EPOCH": "86400"]) == Date(timeIntervalSince1970: 86_400))
    #expect(try Timestamp.sourceDateEpoch([:]) == nil)
    #expect(throws: ShareLensError.self) { try Timestamp.sourceDateEpoch(["SOURCE_DATE_EPOCH": "soon"]) }
    #expect(throws: ShareLensError.self) {
      try Timestamp.sourceDateEpoch(["SOURCE_DATE_EPOCH": "9223372036854775807"])
    }
    #expect(
      try Timestamp.sourceDateEpoch(["SOURCE_DATE_EPOCH": "253402300799"]).map(Format.iso8601) == "9999-12-31T23:59:59Z"
    )
  }
}
