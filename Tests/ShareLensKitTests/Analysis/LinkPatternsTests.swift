import Testing

@testable import ShareLensKit

@Suite struct LinkPatternsTests {
  static func link(_ id: String, item: String, by creator: String?, at time: Int64?) -> SharingLink {
    SharingLink(
      id: id, scope: .anyone, permission: .view, siteUrl: "https://contoso.sharepoint.com/sites/a", itemUrl: item,
      itemName: "", createdBy: creator, createdAt: time, origin: .web, originConfidence: .likely, originEvidence: "",
      uses: 0, distinctVisitors: 0, lastUsedAt: nil, removedAt: nil, expiresAt: nil, workload: "SharePoint")
  }

  /// Links on one file (in any case) by one creator within the window are a burst; a later link,
  /// another creator, another file or a link without a creation time are not.
  @Test func aBurstIsOneFileOneCreatorWithinTheWindow() {
    let links = [
      Self.link("a", item: "https://x/Doc.docx", by: "u@x", at: 1000),
      Self.link("b", item: "https://x/doc.docx", by: "u@x", at: 1600),
      Self.link("c", item: "https://x/doc.docx", by: "u@x", at: 2201),
      Self.link("d", item: "https://x/doc.docx", by: "v@x", at: 1001),
      Self.link("e", item: "https://x/other.docx", by: "u@x", at: 1002),
      Self.link("f", item: "https://x/doc.docx", by: "u@x", at: nil),
    ]
    #expect(LinkPatterns.burstLinks(links, window: 600) == ["a", "b"])
  }

  /// The file and the creator are told apart however their text reads: a file URL ending in what
  /// looks like a separator and a creator are not another pair.
  @Test func fileAndCreatorAreNotJoinedIntoOneText() {
    let links = [
      Self.link("a", item: "https://x/f\u{0}u", by: "v", at: 1000),
      Self.link("b", item: "https://x/f", by: "u\u{0}v", at: 1001),
      Self.link("c", item: "https://x/g", by: nil, at: 1000),
      Self.link("d", item: "https://x/g", by: "", at: 1001),
    ]
    #expect(LinkPatterns.burstLinks(links, window: 600) == ["c", "d"], "no creator and an empty one are alike")
  }
}
