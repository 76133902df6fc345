
namespace Vigil.Runtime.Tests.CodeGeneration;

/// <summary>
/// The generated code lands in consumers' compilations, which treat warnings as errors: it must compile without a
/// single warning for awkward but valid grain interfaces.
/// </summary>
public sealed class GeneratedCodeCompilationTests
{
    private const string AwkwardInterfaces = """
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Vigil.Runtime.Grains;

        namespace Shop.Grains
        {
            public sealed record Item(string Name);

            public interface IReader : IGrainWithStringKey
            {
                Task<int> Get(string key);
            }

            public interface IWriter : IGrainWithStringKey
            {
                Task<string?> Get(string key);

                Task Put(string key, int value);
            }

            /// <summary>Same-signature methods from two bases, keyword and clashing names, obsolete members, overloads.</summary>
            public interface IStoreGrain : IReader, IWriter
            {
                ValueTask<(int Count, string? Last)> Summarize(List<string?> names, int? limit, params Item[] items);

                Task<int> GetHashCode();

                Task<string> ToString(int format);

                Task Send(string request, string @event, int @class);

                Task StoreGrainProxy();

                [Obsolete("Use Put.")]
                Task OldPut(string key);

                ValueTask<Item?> Find(Item? probe, DateTime? at, int[]? ids, object? tag, dynamic? extra);

                Task Overload(int value);

                Task Overload(string value);

                Task Overload(int value, int other);

                Task WithDefaults(int value = 5, string? text = null);

                [OneWay, ReadOnly, AlwaysInterleave, ResponseTimeout(100)]
                ValueTask Everything();
            }

            public partial interface IPartialGrain : IGrainWithStringKey
            {
                Task First();
            }
        }

        public interface IGlobalGrain : Vigil.Runtime.Grains.IGrainWithStringKey
        {
            Task Ping();
        }

        #nullable disable
        namespace Shop.Legacy
        {
            public interface ILegacyGrain : Vigil.Runtime.Grains.IGrainWithStringKey
            {
                System.Threading.Tasks.Task<string> Echo(string text, object state);
            }
        }
        """;

    private const string SecondPartOfPartialInterface = """
        namespace Shop.Grains;

        public partial interface IPartialGrain
        {
            System.Threading.Tasks.Task Second();
        }
        """;

    [Fact]
    public void AwkwardButValidGrainInterfacesCompileWithoutWarnings()
    {
        var outcome = GeneratorHarness.Run(AwkwardInterfaces, SecondPartOfPartialInterface);

        Assert.Empty(outcome.Diagnostics);
        Assert.Empty(outcome.CompilationProblems());
    }

    [Fact]
    public void EachGrainInterfaceGetsOneGeneratedFileNamedAfterIt()
    {
        var outcome = GeneratorHarness.Run(AwkwardInterfaces, SecondPartOfPartialInterface);

        Assert.Equal(
            [
                "IGlobalGrain.g.cs",
                "Shop.Grains.IPartialGrain.g.cs",
                "Shop.Grains.IReader.g.cs",
                "Shop.Grains.IStoreGrain.g.cs",
                "Shop.Grains.IWriter.g.cs",
                "Shop.Legacy.ILegacyGrain.g.cs",
            ],
            outcome.Sources.Select(s => s.HintName).Order());
    }

    [Fact]
    public void PartialInterfaceGetsRequestsForMethodsOfAllItsParts()
    {
        var outcome = GeneratorHarness.Run(AwkwardInterfaces, SecondPartOfPartialInterface);

        var source = Assert.Single(outcome.Sources, s => s.HintName == "Shop.Grains.IPartialGrain.g.cs").SourceText.ToString();
        Assert.Contains("class PartialGrain_First_Request", source);
        Assert.Contains("class PartialGrain_Second_Request", source);
    }
}
