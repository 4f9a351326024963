import Testing

@testable import ModelRegistry

@Suite struct LeftToExitTests {
    private final class Probe {}

    @Test func aKeptValueOutlivesEveryReferenceToIt() {
        weak var kept: Probe?
        weak var dropped: Probe?
        do {
            let probe = Probe()
            kept = probe
            LeftToExit.keep([probe])
            dropped = Probe()
        }
        #expect(kept != nil, "kept values are never released")
        #expect(dropped == nil, "the probe class is freed when nothing keeps it")
    }
}
