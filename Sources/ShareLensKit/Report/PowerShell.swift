/// Values placed in the PowerShell commands a finding suggests: single-quoted, so nothing in a
/// URL or name (`$(…)`, backticks) runs when the command is pasted.
public enum PowerShell {
  /// PowerShell takes the typographic single quotes (U+2018 to U+201B) for `'` too, so each of
  /// them is doubled like it. Scalar by scalar: a quote followed by a combining mark is one
  /// Character, which a Character-wise replace would not see, but it still ends the string.
  public static func quote(_ value: String) -> String {
    var out = String.UnicodeScalarView()
    out.append("'")
    for scalar in value.unicodeScalars {
      if singleQuotes.contains(scalar) { out.append(scalar) }
      out.append(scalar)
    }
    out.append("'")
    return String(out)
  }

  static let singleQuotes: Set<Unicode.Scalar> = ["'", "\u{2018}", "\u{2019}", "\u{201A}", "\u{201B}"]
}
