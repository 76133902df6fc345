namespace Vigil.Runtime.Tests.CodeGeneration.SampleInterfaces;

/// <summary>What the sample message board answers to a post.</summary>
public sealed record SampleReceipt(string MessageId, int Position);
