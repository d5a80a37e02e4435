/// The programs that act in the demo audit log, with the user agents real records carry.
enum DemoClient: Int, CaseIterable {
  case edgeWindows, chromeMac, firefoxMac, safariPhone, teams, outlookWeb, outlookDesktop, word, syncClient, service

  static let browsers: [DemoClient] = [.edgeWindows, .edgeWindows, .chromeMac, .firefoxMac, .safariPhone]

  var userAgent: String {
    switch self {
    case .edgeWindows:
      return
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.0.0"
    case .chromeMac:
      return
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"
    case .firefoxMac:
      return "Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:109.0) Gecko/20100101 Firefox/132.0"
    case .safariPhone:
      return
        "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1"
    case .teams:
      return
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.0.0 Teams/24257.205.3165.2029/49"
    case .outlookWeb: return "Exchange/15.20.8182.15/Outlook Web App"
    case .outlookDesktop: return "Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.18129; Pro)"
    case .word:
      return
        "Microsoft Office Word/16.0.18129.20116 (Windows/10.0; Desktop x64; en-US; Desktop app; Dell Inc./Latitude 7440)"
    case .syncClient: return "Microsoft SkyDriveSync 24.201.1006.0005 ship; Windows NT 10.0 (22631)"
    case .service: return "ODMTADocCache/0.0"
    }
  }

  var browserName: String {
    switch self {
    case .edgeWindows, .teams: return "Edge"
    case .chromeMac: return "Chrome"
    case .firefoxMac: return "Firefox"
    case .safariPhone: return "Safari"
    case .outlookWeb, .outlookDesktop, .word, .syncClient, .service: return ""
    }
  }

  var browserVersion: String {
    switch self {
    case .edgeWindows, .teams: return "130.0.0.0"
    case .chromeMac: return "131.0.0.0"
    case .firefoxMac: return "132.0"
    case .safariPhone: return "18.1"
    case .outlookWeb, .outlookDesktop, .word, .syncClient, .service: return ""
    }
  }

  var platform: String {
    switch self {
    case .edgeWindows, .teams, .outlookDesktop, .word, .syncClient: return "WinDesktop"
    case .chromeMac, .firefoxMac: return "MacOSX"
    case .safariPhone: return "iOS"
    case .outlookWeb: return "NotSpecified"
    case .service: return "Service"
    }
  }

  var applicationDisplayName: String? {
    switch self {
    case .teams: return "Microsoft Teams"
    case .outlookWeb: return "Outlook on the web"
    case .outlookDesktop: return "Microsoft Outlook"
    default: return nil
    }
  }
}
