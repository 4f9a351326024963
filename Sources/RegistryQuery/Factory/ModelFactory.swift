/// Builds application objects from registry entries: register one builder per `architecture.type`,
/// then create by registry id or alias.
///
/// ```swift
/// var factory = ModelFactory<EncoderOptions, any Encoder>(registry: registry)
/// factory.register(architecture: "bert") { entry, options in try BertEncoder(entry: entry, options: options) }
/// let encoder = try factory.make("colbert-v2", with: EncoderOptions(device: .cpu))
/// ```
public struct ModelFactory<Parameters, Model>: Sendable {
    /// Makes a model from its entry and the caller's parameters.
    public typealias Builder = @Sendable (ModelEntry, Parameters) throws -> Model

    /// The registry models are looked up in.
    public let registry: Registry
    private var builders: [String: Builder] = [:]

    /// A factory with no builders yet.
    public init(registry: Registry) {
        self.registry = registry
    }

    /// Uses `builder` for entries whose `architecture.type` is `type`; replaces an earlier one.
    public mutating func register(architecture type: String, _ builder: @escaping Builder) {
        builders[type] = builder
    }

    /// The architecture types that have a builder, sorted.
    public var registeredArchitectures: [String] { builders.keys.sorted() }

    /// Builds the model with this id or alias.
    ///
    /// - Throws: `FactoryError` when the name is unknown, the entry has no `architecture.type`, or no
    ///   builder is registered for it (the message lists the registered ones); else whatever the builder throws.
    public func make(_ name: String, with parameters: Parameters) throws -> Model {
        guard let entry = registry.lookup(name) else {
            throw FactoryError.unknownModel(name, suggestions: registry.suggestions(for: name))
        }
        guard let type = entry.architecture.type else {
            throw FactoryError.noArchitecture(id: entry.id, registered: registeredArchitectures)
        }
        guard let builder = builders[type] else {
            throw FactoryError.unregisteredArchitecture(type, id: entry.id, registered: registeredArchitectures)
        }
        return try builder(entry, parameters)
    }
}
