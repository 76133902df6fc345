using System.Reflection;
using System.Text.Json;
using Vigil.Runtime.Grains;
using Vigil.Runtime.Persistence;

namespace Vigil.Runtime.Activation;

/// <summary>
/// What the runtime knows about one grain implementation class: its type name, scheduling traits, idle limit and how
/// to construct it. Construction uses reflection once per activation (not per call): grain constructor parameters
/// marked [PersistentState] get state objects, everything else comes from the service provider.
/// </summary>
internal sealed class GrainClass
{
    private static readonly MethodInfo StateFactoryMethod =
        typeof(GrainClass).GetMethod(nameof(StateFactory), BindingFlags.NonPublic | BindingFlags.Static)!;

    private readonly ConstructorInfo _constructor;
    private readonly Func<IServiceProvider, IDirtyStateOwner, JsonSerializerOptions, object?>[] _parameterFactories;

    public GrainClass(Type implementation, TimeSpan defaultIdleTimeout, Func<string?, IGrainStorage> storageResolver)
    {
        ImplementationType = implementation;
        TypeName = implementation.GetCustomAttribute<GrainTypeAttribute>()?.Name ?? DefaultTypeName(implementation);
        IsReentrant = implementation.IsDefined(typeof(ReentrantAttribute), inherit: true);
        IsUrgent = implementation.IsDefined(typeof(UrgentAttribute), inherit: true);
        IdleTimeout = implementation.GetCustomAttribute<CollectionAgeLimitAttribute>()?.Limit ?? defaultIdleTimeout;
        Interfaces = implementation.GetInterfaces()
            .Where(i => i != typeof(IGrainWithStringKey) && typeof(IGrainWithStringKey).IsAssignableFrom(i))
            .ToArray();

        var constructors = implementation.GetConstructors();
        if (constructors.Length != 1)
        {
            throw new InvalidOperationException($"Grain class {implementation.FullName} must have exactly one public constructor; it has {constructors.Length}.");
        }

        _constructor = constructors[0];
        _parameterFactories = _constructor.GetParameters().Select(p => ParameterFactory(implementation, p, storageResolver)).ToArray();
    }

    public Type ImplementationType { get; }

    public string TypeName { get; }

    public bool IsReentrant { get; }

    /// <summary>Whether the activations run on the runtime's urgent lane (<see cref="UrgentAttribute"/>).</summary>
    public bool IsUrgent { get; }

    public TimeSpan IdleTimeout { get; }

    public IReadOnlyList<Type> Interfaces { get; }

    public (Grain Grain, IStateSlot[] States) Create(IServiceProvider services, IDirtyStateOwner owner, JsonSerializerOptions serializerOptions)
    {
        var arguments = new object?[_parameterFactories.Length];
        List<IStateSlot>? states = null;
        for (var i = 0; i < arguments.Length; i++)
        {
            var argument = _parameterFactories[i](services, owner, serializerOptions);
            if (argument is IStateSlot slot)
            {
                (states ??= []).Add(slot);
            }

            arguments[i] = argument;
        }

        var grain = (Grain)_constructor.Invoke(arguments);
        return (grain, states?.ToArray() ?? []);
    }

    private static string DefaultTypeName(Type implementation)
    {
        var name = implementation.Name;
        if (name.EndsWith("Grain", StringComparison.Ordinal) && name.Length > "Grain".Length)
        {
            name = name[..^"Grain".Length];
        }

        return name.ToLowerInvariant();
    }

    /// <summary>
    /// Creates the state objects of one [PersistentState] parameter. The state's format (its
    /// <see cref="IStateCodec{TState}"/>, or JSON) is resolved at the first activation and then shared: not here,
    /// because the catalog is built while the runtime itself is being constructed, and a codec may need services that
    /// need the runtime. Two first activations racing may both resolve it; they get the same singleton.
    /// </summary>
    private static Func<IServiceProvider, IDirtyStateOwner, JsonSerializerOptions, object?> StateFactory<TState>(string stateName, IGrainStorage storage)
        where TState : new()
    {
        StateFormat<TState>? format = null;
        return (services, owner, serializerOptions) =>
        {
            format ??= new StateFormat<TState>((IStateCodec<TState>?)services.GetService(typeof(IStateCodec<TState>)), serializerOptions);
            return new PersistentState<TState>(owner, stateName, storage, format);
        };
    }

    private static Func<IServiceProvider, IDirtyStateOwner, JsonSerializerOptions, object?> ParameterFactory(
        Type implementation, ParameterInfo parameter, Func<string?, IGrainStorage> storageResolver)
    {
        if (parameter.GetCustomAttribute<PersistentStateAttribute>() is { } stateAttribute)
        {
            var type = parameter.ParameterType;
            if (!type.IsGenericType || type.GetGenericTypeDefinition() != typeof(IPersistentState<>))
            {
                throw new InvalidOperationException(
                    $"Parameter '{parameter.Name}' of {implementation.Name} is marked [PersistentState] but is a {type.Name}, not IPersistentState<T>.");
            }

            var storage = storageResolver(stateAttribute.StorageName);
            return (Func<IServiceProvider, IDirtyStateOwner, JsonSerializerOptions, object?>)StateFactoryMethod
                .MakeGenericMethod(type.GetGenericArguments()[0])
                .Invoke(null, [stateAttribute.StateName, storage])!;
        }

        var serviceType = parameter.ParameterType;
        return (services, _, _) => services.GetService(serviceType)
            ?? (parameter.HasDefaultValue
                ? parameter.DefaultValue
                : throw new InvalidOperationException($"Grain {implementation.Name} needs a {serviceType.Name} for parameter '{parameter.Name}', and none is registered."));
    }
}
