using Vigil.Runtime.Grains;

namespace Vigil.Runtime.Tests.CodeGeneration.SampleInterfaces;

/// <summary>A base grain interface whose method other sample grains inherit.</summary>
public interface IResettableGrain : IGrainWithStringKey
{
    Task Reset();
}
