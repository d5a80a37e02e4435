import Foundation
import Testing

@testable import ShareLensKit

@Suite struct LayoutTests {
  @Test func textSlotsAreEscapedAndRawSlotsAreNot() throws {
    let layout = Layout(template: "<title>{{title}}</title><main>{{{content}}}</main>")
    let page = try layout.render(text: ["title": "<b>&"], raw: ["content": "<p>ok</p>"])
    #expect(page == "<title>&lt;b&gt;&amp;</title><main><p>ok</p></main>")
  }

  @Test func aMissingSlotValueIsAnError() {
    let layout = Layout(template: "{{title}} {{{content}}}")
    #expect(throws: ShareLensError(.templateSlot("{content}"))) {
      try layout.render(text: ["title": "x"], raw: [:])
    }
    #expect(throws: ShareLensError(.templateSlot("title"))) {
      try layout.render(text: [:], raw: ["content": ""])
    }
  }

  @Test func aTextSlotCannotBeFilledWithRawHTML() {
    let layout = Layout(template: "{{content}}")
    #expect(throws: ShareLensError.self) { try layout.render(text: [:], raw: ["content": "<p>"]) }
  }

  /// The page template has every slot the renderer fills, and the locked-down head.
  @Test func pageTemplateHasItsSlotsAndPolicy() throws {
    let template = try #require(EmbeddedFiles.templates[SiteRenderer.layoutName])
    let slots = Layout(template: template).slotNames
    #expect(
      slots.text == [
        "title", "report-title", "generated-at", "version", "root", "organization", "title-prefix", "home",
      ])
    #expect(
      slots.raw == [
        "navigation", "content", "classification-banner", "classification-banner-bottom", "classification-style",
      ])
    #expect(
      template.contains(
        #"<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'self'; img-src 'self' data:">"#
      ))
    #expect(!template.contains("<script"))
    #expect(!template.contains("style="))
  }

  @Test func assetsHaveNoExternalURL() throws {
    #expect(!EmbeddedFiles.assets.isEmpty)
    for (name, text) in EmbeddedFiles.assets {
      #expect(!text.contains("://"), "\(name) names an external URL")
      #expect(!text.contains("@import"), "\(name) imports another stylesheet")
      #expect(!text.contains("url("), "\(name) loads a resource")
    }
  }
}
