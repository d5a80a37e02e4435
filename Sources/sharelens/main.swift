import Foundation
import ShareLensKit

exit(ShareLensCLI.run(Array(CommandLine.arguments.dropFirst())))
