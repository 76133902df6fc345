using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Vigil.Runtime.CodeGenerator;

namespace Vigil.Runtime.Tests.CodeGeneration;

/// <summary>The generator's pipeline compares models by value, so edits that do not change a grain interface reuse its output.</summary>
public sealed class GeneratorIncrementalityTests
{
    private const string CounterGrain = """
        using System.Threading.Tasks;
        using Vigil.Runtime.Grains;

        namespace Shop;

        public interface ICounterGrain : IGrainWithStringKey
        {
            Task<int> Increment(int amount);
        }
        """;

    [Fact]
    public void EditElsewhereInTheCompilationReusesTheCachedModel()
    {
        var compilation = GeneratorHarness.CreateCompilation(CounterGrain);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);

        driver = driver.RunGenerators(compilation.AddSyntaxTrees(Parse("namespace Shop; public sealed class Unrelated;")));

        Assert.All(ModelOutputs(driver), reason => Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"model step ran: {reason}"));
    }

    [Fact]
    public void MovingTheInterfaceWithinItsFileReusesTheCachedModel()
    {
        var compilation = GeneratorHarness.CreateCompilation(CounterGrain);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        var tree = compilation.SyntaxTrees.Single();

        driver = driver.RunGenerators(compilation.ReplaceSyntaxTree(tree, Parse("\n\n// moved down\n" + CounterGrain)));

        Assert.All(ModelOutputs(driver), reason => Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"model step ran: {reason}"));
    }

    [Fact]
    public void AddingAMethodRegeneratesTheInterface()
    {
        var compilation = GeneratorHarness.CreateCompilation(CounterGrain);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        var tree = compilation.SyntaxTrees.Single();

        driver = driver.RunGenerators(compilation.ReplaceSyntaxTree(tree, Parse(CounterGrain.Replace("}", "    Task Reset();\n}"))));

        Assert.Equal([IncrementalStepRunReason.Modified], ModelOutputs(driver));
        Assert.Contains("CounterGrain_Reset_Request", driver.GetRunResult().GeneratedTrees.Single().ToString());
    }

    private static SyntaxTree Parse(string source) => CSharpSyntaxTree.ParseText(source, GeneratorHarness.ParseOptions);

    private static List<IncrementalStepRunReason> ModelOutputs(GeneratorDriver driver) =>
        driver.GetRunResult().Results.Single().TrackedSteps[TrackingNames.Models]
            .SelectMany(step => step.Outputs)
            .Select(output => output.Reason)
            .ToList();
}
