using System.Text.Json;
using Vigil.Runtime.Grains;

namespace Vigil.Runtime.Invocation;

/// <summary>Turns requests into <see cref="GrainCallMessage"/>s and back, using the argument types generated per method.</summary>
public static class GrainCallMessageCodec
{
    public static GrainCallMessage ToMessage(GrainRequest request, JsonSerializerOptions? options = null)
    {
        var method = request.Method;
        var arguments = request.GetArguments();
        var encoded = new JsonElement[arguments.Length];
        for (var i = 0; i < arguments.Length; i++)
        {
            encoded[i] = JsonSerializer.SerializeToElement(arguments[i], method.ParameterTypes[i], options);
        }

        return new GrainCallMessage(request.Target.Type, request.Target.Key, method.InterfaceName, method.MethodName, encoded);
    }

    public static byte[] Serialize(GrainRequest request, JsonSerializerOptions? options = null) =>
        JsonSerializer.SerializeToUtf8Bytes(ToMessage(request, options), options);

    public static GrainCallMessage Deserialize(ReadOnlySpan<byte> utf8Json, JsonSerializerOptions? options = null) =>
        JsonSerializer.Deserialize<GrainCallMessage>(utf8Json, options)
        ?? throw new JsonException("A grain call message was null.");

    /// <summary>Rebuilds the request a message describes; the result can be delivered like a locally made call.</summary>
    public static (GrainId Target, GrainRequest Request) ToRequest(GrainCallMessage message, JsonSerializerOptions? options = null)
    {
        var method = GrainInterfaceRegistry.GetMethod(message.Interface, message.Method);
        if (message.Arguments.Length != method.ParameterTypes.Count)
        {
            throw new JsonException($"{method.DisplayName} takes {method.ParameterTypes.Count} arguments; the message carries {message.Arguments.Length}.");
        }

        var arguments = new object?[message.Arguments.Length];
        for (var i = 0; i < arguments.Length; i++)
        {
            arguments[i] = message.Arguments[i].Deserialize(method.ParameterTypes[i], options);
        }

        var target = new GrainId(message.GrainType, message.GrainKey);
        var request = GrainInterfaceRegistry.CreateRequest(message.Interface, message.Method, arguments);
        request.Target = target;
        return (target, request);
    }
}
