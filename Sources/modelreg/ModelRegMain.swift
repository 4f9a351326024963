import ModelRegCLI

@main
enum ModelRegMain {
    static func main() {
        ModelRegCommand.main()
    }
}
