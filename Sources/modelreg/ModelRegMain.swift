import ModelRegCLI

@main
enum ModelRegMain {
    static func main() {
        ModelRegCommand.prepare(for: CommandLine.arguments)
        ModelRegCommand.main()
    }
}
