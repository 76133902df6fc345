using Microsoft.CodeAnalysis;
using Vigil.Runtime.CodeGenerator;

namespace Vigil.Runtime.Tests.CodeGeneration;

/// <summary>Grain interfaces the generator cannot turn into proxies get one clear error each, and no generated code.</summary>
public sealed class GeneratorDiagnosticsTests
{
    private const string Usings = """
        using System;
        using System.Threading.Tasks;
        using Vigil.Runtime.Grains;

        """;

    [Fact]
    public void MethodReturningIntIsAnUnsupportedReturnType()
    {
        var outcome = GeneratorHarness.Run(Usings + """
            namespace Shop;

            public interface IBasketGrain : IGrainWithStringKey
            {
                Task Add(string item);

                int Count();
            }
            """);

        var diagnostic = outcome.SingleDiagnostic(GrainDiagnostics.UnsupportedReturnType.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(
            "Grain interface Shop.IBasketGrain method Count returns int; grain methods must return Task, Task<T>, ValueTask or ValueTask<T>",
            diagnostic.GetMessage());
        Assert.Equal("Count", diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan));
        Assert.Empty(outcome.Sources);
    }

    [Fact]
    public void VoidMethodIsAnUnsupportedReturnType()
    {
        var outcome = GeneratorHarness.Run(Usings + "public interface IBasketGrain : IGrainWithStringKey { void Clear(); }");

        Assert.Contains("returns void", outcome.SingleDiagnostic("VGEN001").GetMessage());
    }

    [Fact]
    public void GenericMethodIsReported()
    {
        var outcome = GeneratorHarness.Run(Usings + "public interface IBasketGrain : IGrainWithStringKey { Task<T> Get<T>(string key); }");

        Assert.Equal(
            "Grain interface IBasketGrain method Get is generic; grain methods cannot have type parameters",
            outcome.SingleDiagnostic("VGEN002").GetMessage());
    }

    [Theory]
    [InlineData("ref int count", "ref")]
    [InlineData("out int count", "out")]
    [InlineData("in int count", "in")]
    [InlineData("ref readonly int count", "ref readonly")]
    public void ByReferenceParameterIsReported(string parameter, string keyword)
    {
        var outcome = GeneratorHarness.Run(Usings + $"public interface IBasketGrain : IGrainWithStringKey {{ Task Take({parameter}); }}");

        Assert.Equal(
            $"Grain interface IBasketGrain method Take takes parameter 'count' by reference ({keyword}); grain method parameters must be passed by value",
            outcome.SingleDiagnostic("VGEN003").GetMessage());
        Assert.Empty(outcome.Sources);
    }

    [Theory]
    [InlineData("int Count { get; }", "property 'IBasketGrain.Count'")]
    [InlineData("event EventHandler Changed;", "event 'IBasketGrain.Changed'")]
    [InlineData("Task<int> this[int index] { get; }", "indexer 'IBasketGrain.this[int]'")]
    public void PropertyEventOrIndexerIsReported(string member, string description)
    {
        var outcome = GeneratorHarness.Run(Usings + $"public interface IBasketGrain : IGrainWithStringKey {{ {member} }}");

        Assert.Equal(
            $"Grain interface IBasketGrain declares {description}; grain interfaces may only declare methods returning tasks",
            outcome.SingleDiagnostic("VGEN004").GetMessage());
    }

    [Fact]
    public void OneWayMethodReturningAValueIsReported()
    {
        var outcome = GeneratorHarness.Run(Usings + "public interface IBasketGrain : IGrainWithStringKey { [OneWay] ValueTask<int> Touch(); }");

        Assert.Equal(
            "Grain interface IBasketGrain method Touch is [OneWay] but returns System.Threading.Tasks.ValueTask<int>; a one-way method must return Task or ValueTask",
            outcome.SingleDiagnostic("VGEN005").GetMessage());
    }

    [Theory]
    [InlineData("public interface IBasketGrain<T> : IGrainWithStringKey { Task Add(T item); }", "IBasketGrain<T>", "generic")]
    [InlineData("public static class Shop { public interface IBasketGrain : IGrainWithStringKey { Task Clear(); } }", "Shop.IBasketGrain", "nested in a type")]
    public void GenericOrNestedInterfaceIsNotSupported(string source, string name, string shape)
    {
        var outcome = GeneratorHarness.Run(Usings + source);

        Assert.Equal(
            $"Grain interface {name} is {shape}, which is not supported; declare grain interfaces as non-generic top-level interfaces",
            outcome.SingleDiagnostic("VGEN006").GetMessage());
        Assert.Empty(outcome.Sources);
    }

    [Fact]
    public void SpanParameterCannotBeCarriedInARequest()
    {
        var outcome = GeneratorHarness.Run(Usings + "public interface IBasketGrain : IGrainWithStringKey { Task Add(ReadOnlySpan<byte> data); }");

        Assert.Contains("parameter 'data' has type System.ReadOnlySpan<byte>", outcome.SingleDiagnostic("VGEN007").GetMessage());
    }

    [Fact]
    public void InvalidMethodOfABaseGrainInterfaceIsReportedOnceAndNeitherInterfaceIsGenerated()
    {
        var outcome = GeneratorHarness.Run(Usings + """
            public interface IBaseGrain : IGrainWithStringKey { int Count(); }
            public interface IDerivedGrain : IBaseGrain { Task Add(string item); }
            public interface IOtherDerivedGrain : IBaseGrain { }
            """);

        Assert.Contains("IBaseGrain method Count", outcome.SingleDiagnostic("VGEN001").GetMessage());
        Assert.Empty(outcome.Sources);
    }

    [Fact]
    public void InvalidMethodOfANonGrainBaseInterfaceIsReportedForTheGrainInterface()
    {
        var outcome = GeneratorHarness.Run(Usings + "public interface IBasketGrain : IGrainWithStringKey, IDisposable { Task Add(string item); }");

        Assert.Equal(
            "Grain interface IBasketGrain method Dispose returns void; grain methods must return Task, Task<T>, ValueTask or ValueTask<T>",
            outcome.SingleDiagnostic("VGEN001").GetMessage());
    }

    [Fact]
    public void EveryProblemOfAMethodIsReported()
    {
        var outcome = GeneratorHarness.Run(Usings + "public interface IBasketGrain : IGrainWithStringKey { int Take<T>(out T item); }");

        Assert.Equal(["VGEN001", "VGEN002", "VGEN003"], outcome.Diagnostics.Select(d => d.Id).Order());
    }

    [Fact]
    public void InterfaceNotDerivedFromIGrainWithStringKeyIsIgnored()
    {
        var outcome = GeneratorHarness.Run(Usings + "public interface IHelper : IDisposable { int Count(); }");

        Assert.Empty(outcome.Diagnostics);
        Assert.Empty(outcome.Sources);
    }
}
