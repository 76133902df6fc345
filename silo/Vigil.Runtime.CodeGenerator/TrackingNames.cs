namespace Vigil.Runtime.CodeGenerator;

/// <summary>Names of pipeline steps, for tests that check the driver reuses cached results.</summary>
public static class TrackingNames
{
    public const string GrainInterfaces = nameof(GrainInterfaces);

    public const string Models = nameof(Models);
}
