import Foundation
import Testing

@testable import orgraph

/// Tab after `:load` and `:graph` completes file and folder names.
@Suite("Shell completion of paths")
struct ShellCompletionTests {
  @Test func loadCompletesQueryFilesAndFolders() {
    let folder = Paths.repository.path + "/Queries/"
    let files = Shell.completePath(folder + "01-", extensions: ["oq"])
    #expect(files.candidates == [folder + "01-cloud-team-roles.oq"])
    #expect(files.replacedLength == (folder + "01-").count)
    // Folders end with `/` so the user can go on; other extensions are left out.
    let top = Shell.completePath(Paths.repository.path + "/Gra", extensions: ["oq"])
    #expect(top.candidates == [Paths.repository.path + "/Graph/"])
    #expect(Shell.completePath(folder + "01-", extensions: ["json"]).candidates.isEmpty)
  }
}
