using System.Collections.Concurrent;
using Vigil.Runtime.Grains;

namespace Vigil.Runtime.Invocation;

/// <summary>
/// The process-wide table that generated code fills from module initializers: how to make a proxy for each grain
/// interface, and how to rebuild a request of each method from its arguments (for messages that crossed a process).
/// </summary>
public static class GrainInterfaceRegistry
{
    private static readonly ConcurrentDictionary<Type, Func<IGrainCallSink, GrainId, object>> Proxies = new();
    private static readonly ConcurrentDictionary<(string Interface, string Method), (GrainMethodDescriptor Descriptor, Func<object?[], GrainRequest> Factory)> Methods = new();

    public static void RegisterProxy<TGrainInterface>(Func<IGrainCallSink, GrainId, TGrainInterface> factory)
        where TGrainInterface : class, IGrain =>
        Proxies[typeof(TGrainInterface)] = factory;

    public static void RegisterMethod(GrainMethodDescriptor descriptor, Func<object?[], GrainRequest> factory) =>
        Methods[(descriptor.InterfaceName, descriptor.MethodName)] = (descriptor, factory);

    public static TGrainInterface CreateProxy<TGrainInterface>(IGrainCallSink sink, GrainId grainId)
    {
        if (!Proxies.TryGetValue(typeof(TGrainInterface), out var factory))
        {
            // A contracts assembly that only declares interfaces may never have run any code, so its generated
            // module initializer has not registered the proxy yet: run it, then look again.
            System.Runtime.CompilerServices.RuntimeHelpers.RunModuleConstructor(typeof(TGrainInterface).Module.ModuleHandle);
        }

        if (!Proxies.TryGetValue(typeof(TGrainInterface), out factory))
        {
            throw new InvalidOperationException(
                $"No proxy is generated for grain interface {typeof(TGrainInterface).FullName}: the project that declares it must reference Vigil.Runtime.CodeGenerator as an analyzer.");
        }

        return (TGrainInterface)factory(sink, grainId);
    }

    public static bool IsRegistered(Type grainInterface) => Proxies.ContainsKey(grainInterface);

    public static GrainMethodDescriptor GetMethod(string interfaceName, string methodName) =>
        Methods.TryGetValue((interfaceName, methodName), out var entry)
            ? entry.Descriptor
            : throw new KeyNotFoundException($"Unknown grain method {interfaceName}.{methodName}.");

    public static GrainRequest CreateRequest(string interfaceName, string methodName, object?[] arguments)
    {
        if (!Methods.TryGetValue((interfaceName, methodName), out var entry))
        {
            throw new KeyNotFoundException($"Unknown grain method {interfaceName}.{methodName}.");
        }

        if (arguments.Length != entry.Descriptor.ParameterTypes.Count)
        {
            throw new ArgumentException(
                $"{entry.Descriptor.DisplayName} takes {entry.Descriptor.ParameterTypes.Count} arguments, the message carries {arguments.Length}.",
                nameof(arguments));
        }

        return entry.Factory(arguments);
    }
}
