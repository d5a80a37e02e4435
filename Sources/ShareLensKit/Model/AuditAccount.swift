/// What happened to every record of one audit file: each is counted exactly once, as used for
/// sharing, another operation, a duplicate of a record already read, or rejected with its line and
/// reason.
public struct AuditAccount: Sendable, Equatable, Codable {
  public struct Rejection: Sendable, Equatable, Codable {
    public var line: Int
    public var reason: String
  }

  public var sharing = 0
  public var other = 0
  public var duplicates = 0
  public var rejected = 0
  /// The first rejections, in line order (the rest are only counted).
  public var rejections: [Rejection] = []
  /// The file is damaged beyond its last row read (the rows lost there cannot be counted).
  public var damage: String?
  public var firstEvent: Int64?
  public var lastEvent: Int64?

  public static let keptRejections = 20

  public init() {}

  public var records: Int { sharing + other + duplicates + rejected }

  mutating func reject(line: Int, _ reason: String) {
    rejected += 1
    if rejections.count < Self.keptRejections { rejections.append(Rejection(line: line, reason: reason)) }
  }

  mutating func saw(_ time: Int64) {
    firstEvent = min(firstEvent ?? time, time)
    lastEvent = max(lastEvent ?? time, time)
  }
}
