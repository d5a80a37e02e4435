import Foundation

/// Lenient reading of settings values: enums as numbers, numeric strings or names in any case
/// (PowerShell's ConvertTo-Json writes numbers, Export-Csv and CLI for Microsoft 365 names, REST
/// 64-bit integers as strings), booleans as `true` or `"True"`, PowerShell's `/Date(…)/`.
public enum SettingValue {
  /// A whole number that fits an Int, or nil (a fraction or an overflow is not a setting value).
  static func whole(_ number: NSNumber) -> Int? {
    guard String(cString: number.objCType) != "c" else { return nil }
    let double = number.doubleValue
    guard double.rounded() == double, abs(double) < 9.0e15 else { return nil }
    return number.intValue
  }

  public static func enumValue(_ value: Any?, names: [(String, Int)]) -> Int? {
    switch value {
    case let number as NSNumber: return whole(number)
    case let text as String:
      let trimmed = text.trimmingCharacters(in: .whitespaces)
      if let number = Int(trimmed) { return number }
      return names.first { $0.0.caseInsensitiveCompare(trimmed) == .orderedSame }?.1
    default: return nil
    }
  }

  public static func int(_ value: Any?) -> Int? {
    switch value {
    case let number as NSNumber: return whole(number)
    case let text as String: return Int(text.trimmingCharacters(in: .whitespaces))
    default: return nil
    }
  }

  public static func bool(_ value: Any?) -> Bool? {
    switch value {
    case let number as NSNumber: return number.boolValue
    case let text as String:
      switch text.trimmingCharacters(in: .whitespaces).lowercased() {
      case "true", "1", "yes": return true
      case "false", "0", "no": return false
      default: return nil
      }
    default: return nil
    }
  }

  public static func string(_ value: Any?) -> String? {
    switch value {
    case let text as String: return text
    case let number as NSNumber: return number.stringValue
    case let list as [Any]: return list.compactMap { string($0) }.joined(separator: " ")
    default: return nil
    }
  }

  /// A GUID in any of its spellings (`{…}`, `/Guid(…)/`, upper case), lower-cased; nil for empty
  /// and for the all-zero GUID, which means "none".
  public static func guid(_ value: Any?) -> String? {
    guard var text = string(value)?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
    if text.hasPrefix("/Guid("), text.hasSuffix(")/") { text = String(text.dropFirst(6).dropLast(2)) }
    text = text.trimmingCharacters(in: CharacterSet(charactersIn: "{}")).lowercased()
    if text.isEmpty || text.allSatisfy({ $0 == "0" || $0 == "-" }) { return nil }
    return text
  }
}

/// An exported object whose members are looked up without regard to case (`SharingCapability`,
/// `sharingCapability`, `sharingcapability`); JSON null counts as absent.
struct LenientObject {
  private let members: [String: Any]

  init(_ object: [String: Any]) {
    var members: [String: Any] = [:]
    for (key, value) in object where !(value is NSNull) { members[key.lowercased()] = value }
    self.members = members
  }

  /// The first of the names present.
  subscript(_ names: String...) -> Any? {
    for name in names { if let value = members[name.lowercased()] { return value } }
    return nil
  }
}
