using System.Text.Json;

namespace Vigil.Runtime.Invocation;

/// <summary>
/// A grain call as data, for carrying it between silos: target grain, interface, method and the arguments as JSON.
/// Calls inside one silo never take this form; see <see cref="GrainCallMessageCodec"/>.
/// </summary>
public sealed record GrainCallMessage(string GrainType, string GrainKey, string Interface, string Method, JsonElement[] Arguments);
