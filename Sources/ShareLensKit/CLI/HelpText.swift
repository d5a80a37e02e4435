/// The text of `--help`. A command is listed here only once it works.
enum HelpText {
  static let commands = ["build", "sample", "diff"]

  static func text(for topic: String?) -> String {
    switch topic {
    case "build": return build
    case "sample": return sample
    case "diff": return diff
    default: return general
    }
  }

  static let general = """
    ShareLens \(ShareLensVersion.current): reports on "Anyone with the link" sharing in Microsoft 365,
    from Unified Audit Log exports and the tenant, site and label settings.

    USAGE:
      sharelens [build] [INPUT_DIR] [options]    write the report (the default command)
      sharelens sample --out DIR [options]        write a synthetic demo tenant export
      sharelens diff OLD NEW [options]            what changed between two reports
      sharelens help [COMMAND]                    show help for a command
      sharelens --version

    With no input at all, build reads the built-in demo tenant and writes Site/.

    EXIT STATUS:
      0 success   64 usage error   65 rejected input with --strict
      66 missing input   73 cannot create the output folder   1 anything else
      3 (diff --fail-on) the condition holds

    """

  static let build = """
    USAGE: sharelens build [INPUT_DIR] [options]

    Reads every export in INPUT_DIR (recognised by content, not by name) and the files named
    below, and writes the report as HTML pages with their Markdown source.

    INPUTS (each may be combined with INPUT_DIR):
      --audit PATH             an audit-log export, or a folder of them (repeatable)
      --tenant FILE            tenant settings (Get-SPOTenant | ConvertTo-Json, …)
      --sites FILE             site list (Get-SPOSite | ConvertTo-Json, …)
      --labels FILE            sensitivity labels (Get-Label | ConvertTo-Json, …)
      --label-policy FILE      your organization's limits per label priority (rule L10, off
                               unless given; see README)
      With none of these, the built-in demo tenant (Samples/contoso/) is read.

    OUTPUT:
      --out DIR                output folder (default: Site)
      --force                  replace DIR even if ShareLens did not create it
      --title TEXT             report title shown on every page
      --classification TEXT    classification banner on every page (e.g. "Internal")
      --organization TEXT      organization name on every page and in print
      --single-file PATH       also write the whole report as one self-contained HTML file
      --baseline REPORT        a previous report (folder or report.json): adds a page of
                               the changes since then
      --timezone ZONE          IANA time zone of the heatmaps (default: UTC)
      --burst-window MINUTES   links on one file by one person this close together are a
                               burst (default: 10)
      --generated-at TIME      time to show as generated (UTC, 2026-01-31T12:00:00Z);
                               SOURCE_DATE_EPOCH does the same in seconds

    BEHAVIOUR:
      --strict                 exit 65 if any named input file was rejected
      --quiet, -q              print nothing but warnings and errors
      --timings                print the time each phase took on stderr
      --jobs N                 threads that parse audit CSV files and render pages
                               (default: one per core); the report is the same for any N
      --help, -h               show this help

    """

  static let diff = """
    USAGE: sharelens diff OLD NEW [options]

    Compares two reports (their folders or report.json files) on stable ids: findings new,
    resolved or changed; sites added, removed or changed; tenant settings; links new, removed,
    first used or expired; headline figures. Writes diff.md, diff.html and diff.json.

    OPTIONS:
      --out DIR                output folder (default: diff)
      --all                    also list the findings that did not change
      --classification TEXT    classification banner of diff.html
      --fail-on CONDITION      exit 3 when it holds: new-findings, new-high (a new or more
                               severe high finding, or the tenant sharing further) or any-change;
                               a report this version cannot read exits 65
      --force                  replace DIR even if ShareLens did not create it
      --quiet, -q              print nothing but errors
      --help, -h               show this help

    """

  static let sample = """
    USAGE: sharelens sample --out DIR [options]

    Writes a realistic synthetic export of the fictional Contoso tenant: tenant settings
    (Get-SPOTenant JSON), sites (Get-SPOSite JSON), sensitivity labels (Get-Label JSON) and a
    Purview audit-search CSV. The same seed always gives the same bytes.

    OPTIONS:
      --out DIR                output folder (required)
      --seed N                 random seed (default: \(DemoTenant.defaultSeed))
      --events N               audit-log rows to write (default: \(DemoTenant.defaultEvents))
      --force                  replace DIR even if ShareLens did not create it
      --quiet, -q              print nothing but errors
      --help, -h               show this help

    """
}
