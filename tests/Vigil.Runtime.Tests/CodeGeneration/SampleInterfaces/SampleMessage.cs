namespace Vigil.Runtime.Tests.CodeGeneration.SampleInterfaces;

/// <summary>A message argument of the sample grains.</summary>
public sealed record SampleMessage(string Text);
