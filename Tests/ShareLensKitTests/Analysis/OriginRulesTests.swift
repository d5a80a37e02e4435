import Testing

@testable import ShareLensKit

/// One case per origin rule, with the user agents and folders real records carry.
@Suite struct OriginRulesTests {
  static func record(
    agent: String, app: String = "", user: String = "megan@contoso.com", workload: String = "OneDrive",
    path: String = "Documents/Report.docx"
  ) -> AuditRecord {
    var record = AuditRecord(id: "1", time: 0, operation: "AnonymousLinkCreated")
    record.userAgent = agent
    record.applicationName = app
    record.userId = user
    record.workload = workload
    record.sourceRelativeUrl = path
    return record
  }

  static let edge =
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.0.0"

  @Test(arguments: [
    ("teams-client", record(agent: edge + " Teams/24257.205.3165.2029/49"), LinkOrigin.teams, OriginConfidence.certain),
    ("teams-client", record(agent: edge, app: "Microsoft Teams"), .teams, .certain),
    ("outlook-web-app", record(agent: "Exchange/15.20.6792.25/Outlook Web App"), .outlookWeb, .certain),
    (
      "outlook-desktop", record(agent: "Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.18129; Pro)"),
      .outlookDesktop, .certain
    ),
    (
      "sync-client", record(agent: "Microsoft SkyDriveSync 22.099.0508.0001 ship; Windows NT 10.0 (19043)"),
      .syncClient, .certain
    ),
    (
      "office-app",
      record(
        agent:
          "Microsoft Office Word/16.0.16124.20000 (Windows/10.0; Desktop WOW64; en-US; Desktop app; HP/HP Z240 Tower Workstation)"
      ), .officeApp, .certain
    ),
    ("service-account", record(agent: "", user: "app@sharepoint"), .service, .certain),
    ("service-account", record(agent: "ODMTADocCache/0.0", user: "SHAREPOINT\\system"), .service, .certain),
    (
      "teams-chat-files-folder", record(agent: edge, path: "Documents/Microsoft Teams Chat Files/a.docx"), .teams,
      .likely
    ),
    (
      "outlook-attachments-folder", record(agent: edge, path: "Documents/Attachments/John Hammond.png"), .outlookWeb,
      .likely
    ),
    ("browser", record(agent: edge), .web, .likely),
    (
      "browser", record(agent: edge, workload: "SharePoint", path: "Shared Documents/Attachments/a.docx"), .web, .likely
    ),
  ])
  func eachRule(rule: String, record: AuditRecord, origin: LinkOrigin, confidence: OriginConfidence) throws {
    let matched = try #require(OriginRules.rules.first { $0.matches(record) })
    #expect(matched.id == rule)
    let inferred = OriginRules.infer(record)
    #expect(inferred.origin == origin)
    #expect(inferred.confidence == confidence)
    #expect(inferred.evidence == matched.evidence)
  }

  @Test func nothingToGoOnIsUnknown() {
    let inferred = OriginRules.infer(Self.record(agent: "curl/8.0"))
    #expect(inferred.origin == .unknown)
    #expect(inferred.confidence == .unknown)
    #expect(inferred.evidence == "an unrecognised user agent and no folder hint")
  }

  @Test func everyRuleIsTested() {
    let tested: Set<String> = [
      "teams-client", "outlook-web-app", "outlook-desktop", "sync-client", "office-app", "service-account",
      "teams-chat-files-folder", "outlook-attachments-folder", "browser",
    ]
    #expect(Set(OriginRules.rules.map(\.id)) == tested)
  }

  @Test(arguments: [
    ("anonymous", ActorKind.anonymous), ("urn:spo:anon#5c20b08ab4c4dcdfe6586b1dc08335ff", .anonymous),
    ("urn:spo:guest#john.doe@example.com", .guest), ("jordan.lee_fabrikam.com#EXT#@contoso.onmicrosoft.com", .guest),
    ("app@sharepoint", .system), ("SHAREPOINT\\system", .system), ("debrab@m365b132131.onmicrosoft.com", .member),
    ("ANONYMOUS", .anonymous), ("URN:SPO:ANON#x", .anonymous), ("anonymous2", .member), ("Urn:Spo:Guest#a@b", .guest),
    ("i:0i.t|00000003-0000-0ff1-ce00-000000000000|APP@SHAREPOINT", .system), ("app@sharepoint.com", .member),
    ("x|app@sharepoint ", .member), ("sharepoint\\systems", .member), ("", .member),
    // Not ASCII: lower-cased by Foundation (the Kelvin sign K lower-cases to k).
    ("ANONYMOUS\u{301}", .member), ("josé#ext#@contoso.com", .guest), ("zoë@contoso.com", .member),
    ("i:0i.t|x|app@sharepoint", .system), ("\u{212A}", .member),
  ])
  func actorKinds(user: String, kind: ActorKind) {
    #expect(ActorKind(userId: user) == kind)
  }
}

@Suite struct OriginTextMatchingTests {
  @Test func asciiTextIsMatchedIgnoringCase() {
    #expect(CaseInsensitive.contains("Mozilla/5.0 TEAMS/1.7", "Teams/"))
    #expect(!CaseInsensitive.contains("Mozilla/5.0 Team/1.7", "Teams/"))
    #expect(CaseInsensitive.contains("Teams/", "Teams/"))
    #expect(!CaseInsensitive.contains("Tea", "Teams/"))
    #expect(CaseInsensitive.equal("microsoft TEAMS", "Microsoft Teams"))
    #expect(!CaseInsensitive.equal("Microsoft Teams Rooms", "Microsoft Teams"))
  }

  /// The search that looks for the first byte eight bytes at a time, against trying every start:
  /// every needle of up to three bytes from a small alphabet in texts around the word size.
  @Test func byteSearchFindsWhatEveryStartFinds() {
    let alphabet = Array("aAbB/ ".utf8)
    func reference(_ needle: [UInt8], _ haystack: [UInt8], from: Int, folding: Bool) -> Int? {
      let fold = { (byte: UInt8) in folding ? CaseInsensitive.lowered(byte) : byte }
      guard haystack.count - from >= needle.count else { return needle.isEmpty ? from : nil }
      return (from...(haystack.count - needle.count)).first { start in
        needle.indices.allSatisfy { fold(haystack[start + $0]) == fold(needle[$0]) }
      }
    }
    // A fixed sequence (a linear congruential generator), so that a failure can be reproduced.
    var state: UInt64 = 7
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(state >> 33) % bound
    }
    var differences = 0
    for _ in 0..<3000 {
      let haystack = (0..<next(21)).map { _ in alphabet[next(alphabet.count)] }
      let needle = (0..<(1 + next(3))).map { _ in alphabet[next(alphabet.count)] }
      let from = next(haystack.count + 1)
      for folding in [false, true] {
        let fast = haystack.withUnsafeBufferPointer { text in
          needle.withUnsafeBufferPointer { ASCIIText.firstIndex(of: $0, in: text, from: from, foldingCase: folding) }
        }
        if fast != reference(needle, haystack, from: from, folding: folding) { differences += 1 }
      }
    }
    #expect(differences == 0)
  }

  @Test func prefixesAndSuffixesIgnoreCase() {
    #expect(CaseInsensitive.hasLowercasedPrefix("URN:spo:anon#1", "urn:spo:anon#"))
    #expect(!CaseInsensitive.hasLowercasedPrefix("urn:spo:ano", "urn:spo:anon#"))
    #expect(CaseInsensitive.hasLowercasedSuffix("a|App@SharePoint", "|app@sharepoint"))
    #expect(!CaseInsensitive.hasLowercasedSuffix("a|App@SharePoint.", "|app@sharepoint"))
    #expect(CaseInsensitive.hasLowercasedPrefix("ÉTÉ", "été"))
  }

  /// EventData on ASCII text is read byte by byte; the result is the general reader's.
  @Test(arguments: [
    "<Type>Edit</Type><MembersCanShareApplied>True</MembersCanShareApplied>",
    "<a>1</a><b>2</b><a>3</a>", "<>x</><a>open", "<a><b>in</b></a>", "</a>x</a><a>y</a>", "text <a b>v</a b> tail",
    "<a>no end", "<a", "", "<Expiration Date>2026-12-01T00:00:00Z</Expiration Date>", "<<a>>x</a>>",
  ])
  func eventDataOnASCIITextIsReadAsBefore(fragment: String) {
    var bytes = Array(fragment.utf8)
    let fast = bytes.withUnsafeMutableBufferPointer { SharingOperations.asciiEventDataFields(UnsafeBufferPointer($0)) }
    // A non-ASCII character at the end takes the general path without changing the fields.
    let general = SharingOperations.eventDataFields(fragment + "é")
    #expect(fast.map { [$0.name, $0.value] } == general.map { [$0.name, $0.value] })
    #expect(
      SharingOperations.eventDataFields(fragment).map { [$0.name, $0.value] } == fast.map { [$0.name, $0.value] })
  }

  @Test func otherTextIsFoldedByFoundation() {
    #expect(CaseInsensitive.contains("Agent é teams/2", "Teams/"))
    #expect(CaseInsensitive.contains("Ünïcode/1 MICROSOFT OUTLOOK", "Microsoft Outlook"))
    #expect(!CaseInsensitive.contains("Ünïcode/1", "Teams/"))
  }
}

@Suite struct GroupNameTests {
  /// The old reading, by characters, that the byte reading of ASCII names must match.
  static func reference(_ text: String) -> [String]? {
    guard text.hasPrefix("SharingLinks.") else { return nil }
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count == 4, parts[0] == "SharingLinks", !parts[3].isEmpty else { return nil }
    func bare(_ text: Substring) -> Substring {
      var text = text
      while let first = text.first, first == "{" || first == "}" { text = text.dropFirst() }
      while let last = text.last, last == "{" || last == "}" { text = text.dropLast() }
      return text
    }
    return [bare(parts[1]).lowercased(), String(parts[2]), bare(parts[3]).lowercased()]
  }

  @Test(arguments: [
    "SharingLinks.0781577A-0f53-e5d6-d909-c315b21d8f6c.AnonymousEdit.{B0D71D9A-59db-8b22-8fc7-9da734223880}",
    "SharingLinks.{x}.OrganizationView.y", "SharingLinks.a.b.", "SharingLinks.a.b.c.d", "SharingLinks.a.b",
    "SharingLinks.",
    "SharingLinks.{}.Kind.{}", "SharingLinks..Kind.z", "sharinglinks.a.b.c", "Limited Access System Group", "",
    "SharingLinks.é.Kind.Z", "SharingLinks.a.Kind.ÉZ",
  ])
  func namesAreReadAsBefore(text: String) {
    let name = SharingOperations.GroupName(text)
    #expect(name.map { [$0.item, $0.kind, $0.link] } == Self.reference(text))
  }
}
