namespace Vigil.Runtime.Tests.Runtime.Grains;

/// <summary>An application exception a grain throws on purpose.</summary>
public sealed class GrainLogicException(string message) : Exception(message);
