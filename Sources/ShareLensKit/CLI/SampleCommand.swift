import Foundation

/// `sharelens sample`: writes the demo tenant export into a folder of its own.
struct SampleCommand {
  var options: SampleOptions
  var console: Console

  func run() throws(ShareLensError) {
    let out = options.out ?? "."
    let writer = SiteWriter(
      destination: URL(fileURLWithPath: out), force: options.force, marker: SiteWriter.sampleMarker)
    try writer.write { folder throws(ShareLensError) in
      try DemoTenant.write(to: folder, seed: options.seed, events: options.events)
    }
    if !options.quiet {
      console.out(
        "Wrote the demo tenant (seed \(options.seed), \(Format.count(options.events)) audit rows) to \(out)/\n")
    }
  }
}
