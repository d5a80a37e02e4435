/// Values placed in the PowerShell commands a finding suggests: single-quoted, so nothing in a
/// URL or name (`$(…)`, backticks) runs when the command is pasted.
public enum PowerShell {
  public static func quote(_ value: String) -> String {
    "'" + value.replacingOccurrences(of: "'", with: "''") + "'"
  }
}
