import Foundation

/// `sharelens build`: reads the inputs, writes the report folder.
struct BuildCommand {
  var options: BuildOptions
  var environment: [String: String]
  var console: Console

  func run() throws(ShareLensError) {
    var generatedAt = Date()
    if let given = options.generatedAt {
      generatedAt = given
    } else if let epoch = try Timestamp.sourceDateEpoch(environment) {
      generatedAt = epoch
    }
    let writer = SiteWriter(
      destination: URL(fileURLWithPath: options.out), force: options.force, displayPath: options.out)
    let named: [String] =
      (options.inputFolder.map { [$0] } ?? []) + options.audit
      + [options.tenant, options.sites, options.labels].compactMap { $0 }
    try writer.checkDestination(
      protecting: (named + [options.baseline].compactMap { $0 }).map { ($0, "the input \($0)") } + [
        (FileManager.default.currentDirectoryPath, "the current folder")
      ])

    // The baseline is checked before the long read, and its links read after it, when the memory
    // the reading took is free again (a million-row report's links would add to the reading's peak).
    if let path = options.baseline { _ = try ReportComparer.load(path, links: false) }
    let policy = try options.labelPolicy.map { path throws(ShareLensError) in try LabelPolicy.read(path: path) }
    var clock = PhaseClock()
    let (inputs, ingest, settings) = try options.usesDemoTenant ? demoInputs() : userInputs()
    clock.lap("read and parse (inspect, ingest, settings)")
    clock.note("waiting for the audit files", seconds: ingest.readingSeconds)
    report(inputs)
    let rejections = inputs.rejected.count + inputs.rejectedRows + inputs.damagedFiles
    if options.strict, rejections > 0 {
      throw ShareLensError(.rejectedInput(count: rejections))
    }

    var context = ReportContext(
      title: options.title, classification: options.classification, generatedAt: generatedAt, inputs: inputs,
      links: ingest.links, settings: settings, labelPolicy: policy)
    context.organization = options.organization
    context.burstWindow = options.burstWindow
    context.anonymousVisitors = ingest.anonymousVisitors
    if let path = options.baseline {
      let baseline = try ReportComparer.load(path)
      context.changes = ReportComparer.compare(old: baseline, new: ReportComparer.Snapshot(context: context))
    }
    context.timeZone = TimeZone(identifier: options.timeZone) ?? context.timeZone
    clock.lap("analyse (links joined, postures, findings)")
    let pages = ReportBuilder(context: context).pages(jobs: options.jobs)
    var renderer = SiteRenderer(context: context)
    renderer.jobs = options.jobs
    // Pages go to disk one by one as they are rendered; the writer checks the destination again.
    let meter = ProgressMeter(console: console, enabled: showsProgress)
    var written = (pages: 0, bytes: Int64(0))
    try writer.write { staging throws(ShareLensError) in
      try renderer.render(pages) { file throws(ShareLensError) in
        try SiteWriter.save(file, in: staging)
        if !file.appends, file.path.hasSuffix(".html") { written.pages += 1 }
        written.bytes += Int64(file.contents.count)
        meter.writing(file.path, pages: written.pages, of: pages.count, bytes: written.bytes)
      }
    }
    meter.finish()
    if let path = options.singleFile {
      try SingleFileWriter(path: path, force: options.force).write(try renderer.singleFile(pages))
    }
    clock.lap("render and write")
    if options.timings { console.err(clock.report()) }
    if !options.quiet {
      let out = options.out.hasSuffix("/") ? options.out : options.out + "/"
      console.out("Wrote \(pages.count) pages to \(out); open \(out)index.html in a browser.\n")
    }
  }

  /// Progress is shown on a terminal only, and never with `--quiet`.
  var showsProgress: Bool { !options.quiet && isatty(STDERR_FILENO) == 1 }

  func userInputs() throws(ShareLensError) -> (ReportInputs, AuditIngest.Result, SettingsInputs) {
    let collector = InputCollector(
      folders: options.inputFolder.map { [$0] } ?? [], audit: options.audit, tenant: options.tenant,
      sites: options.sites, labels: options.labels)
    return try read(try collector.collect(), origin: .userFiles)
  }

  /// Reads the audit logs and the settings of the files found.
  func read(_ files: [InputFile], origin: ReportInputs.Origin) throws(ShareLensError) -> (
    ReportInputs, AuditIngest.Result, SettingsInputs
  ) {
    let meter = ProgressMeter(console: console, enabled: showsProgress)
    let ingest = try AuditIngest.run(
      files, jobs: options.jobs, chunkSize: options.chunkSize, chunked: options.chunked
    ) { file, bytes, rows in meter.report(file, bytes: bytes, rows: rows) }
    meter.finish()
    let (settings, read) = try SettingsLoader.load(ingest.files)
    return (ReportInputs(origin: origin, files: read), ingest, settings)
  }

  /// The built-in demo tenant, generated afresh into a temporary folder: the same bytes as
  /// `Samples/contoso/`, wherever the binary runs.
  func demoInputs() throws(ShareLensError) -> (ReportInputs, AuditIngest.Result, SettingsInputs) {
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("sharelens-demo-\(UUID().uuidString)")
    let folder = scratch.appendingPathComponent("contoso")
    defer { try? FileManager.default.removeItem(at: scratch) }
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    } catch {
      throw ShareLensError(.cannotWrite(error.localizedDescription), path: scratch.path)
    }
    try DemoTenant.write(to: folder, seed: DemoTenant.defaultSeed, events: DemoTenant.defaultEvents)
    let origin = ReportInputs.Origin.demo(seed: DemoTenant.defaultSeed, events: DemoTenant.defaultEvents)
    return try read(try InputCollector(folders: [folder.path]).collect(), origin: origin)
  }

  /// Rejected and unrecognised files, and warnings about used ones, go to stderr even with --quiet.
  func report(_ inputs: ReportInputs) {
    for file in inputs.files {
      if file.isRejected {
        console.err(
          "\(Escaping.terminal(file.path)): warning: rejected: \(Escaping.terminal(file.problem ?? "not recognised"))\n"
        )
      }
      for warning in file.warnings where file.audit?.rejected == 0 || !warning.hasSuffix("rejected") {
        console.err("\(Escaping.terminal(file.path)): warning: \(Escaping.terminal(warning))\n")
      }
    }
    let skipped = inputs.notUsed.count - inputs.rejected.count
    if skipped > 0, !options.quiet {
      console.err(
        "sharelens: \(skipped) \(skipped == 1 ? "file" : "files") in the input folder \(skipped == 1 ? "is" : "are") not an export and \(skipped == 1 ? "was" : "were") skipped (listed on the Inputs page)\n"
      )
    }
    let rows = inputs.rejectedRows
    if rows > 0 {
      for file in inputs.used {
        for rejection in file.audit?.rejections.prefix(3) ?? [] {
          console.err(
            "\(Escaping.terminal(file.path)):\(rejection.line): warning: rejected: \(Escaping.terminal(rejection.reason))\n"
          )
        }
      }
      console.err(
        "sharelens: \(Format.count(rows)) audit \(rows == 1 ? "row was" : "rows were") rejected; the Inputs page lists them\n"
      )
    }
    if inputs.used.isEmpty {
      console.err("sharelens: warning: no input file could be used\n")
    }
  }
}
