namespace Vigil.Runtime.Invocation;

/// <summary>Static facts about one grain interface method, shared by every call of it.</summary>
public sealed class GrainMethodDescriptor
{
    public GrainMethodDescriptor(Type interfaceType, string methodName, GrainMethodOptions options, int responseTimeoutMilliseconds, Type[] parameterTypes)
    {
        InterfaceType = interfaceType;
        InterfaceName = interfaceType.FullName ?? interfaceType.Name;
        MethodName = methodName;
        Options = options;
        ResponseTimeout = responseTimeoutMilliseconds > 0 ? TimeSpan.FromMilliseconds(responseTimeoutMilliseconds) : null;
        ParameterTypes = parameterTypes;
        DisplayName = interfaceType.Name + "." + methodName;
    }

    public Type InterfaceType { get; }

    public string InterfaceName { get; }

    public string MethodName { get; }

    /// <summary>Short form for messages and logs, for example <c>ILiveRoomGrain.ApplyEvents</c>.</summary>
    public string DisplayName { get; }

    public GrainMethodOptions Options { get; }

    /// <summary>Overrides the runtime's default request timeout when set.</summary>
    public TimeSpan? ResponseTimeout { get; }

    public IReadOnlyList<Type> ParameterTypes { get; }

    public bool IsReadOnly => (Options & GrainMethodOptions.ReadOnly) != 0;

    public bool IsOneWay => (Options & GrainMethodOptions.OneWay) != 0;

    public bool AlwaysInterleave => (Options & GrainMethodOptions.AlwaysInterleave) != 0;

    public override string ToString() => DisplayName;
}
