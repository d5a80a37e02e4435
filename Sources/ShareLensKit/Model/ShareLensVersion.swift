public enum ShareLensVersion {
  public static let current = "0.1.0"
}
