import Foundation

/// Where the command writes its messages; replaced in tests.
public struct Console: Sendable {
  public var out: @Sendable (String) -> Void
  public var err: @Sendable (String) -> Void

  public init(out: @escaping @Sendable (String) -> Void, err: @escaping @Sendable (String) -> Void) {
    self.out = out
    self.err = err
  }

  public static let standard = Console(
    out: { FileHandle.standardOutput.write(Data($0.utf8)) },
    err: { FileHandle.standardError.write(Data($0.utf8)) })
}

/// The command-line program: parses the arguments, runs the command, returns the exit status.
public enum ShareLensCLI {
  public static func run(
    _ arguments: [String], environment: [String: String] = ProcessInfo.processInfo.environment,
    console: Console = .standard
  ) -> Int32 {
    do {
      switch try CommandLineParser.parse(arguments) {
      case .help(let topic):
        console.out(HelpText.text(for: topic))
      case .version:
        console.out("sharelens \(ShareLensVersion.current) (libcmark \(MarkdownRenderer.libraryVersion))\n")
      case .build(let options):
        try BuildCommand(options: options, environment: environment, console: console).run()
      case .sample(let options):
        try SampleCommand(options: options, console: console).run()
      case .diff(let options):
        return try DiffCommand(options: options, environment: environment, console: console).run()
      }
      return 0
    } catch {
      // `path:line: error: …` when the error has a place, `sharelens: error: …` otherwise.
      console.err((error.path == nil ? "sharelens: " : "") + "\(error)\n")
      return error.exitCode
    }
  }
}
