namespace Vigil.Dashboard.Tests.Browser.Infrastructure;

/// <summary>
/// A browser test's failure with what explains it attached: what each page complained about and what the silo printed
/// while the test ran. The original failure is the inner exception.
/// </summary>
public sealed class BrowserScenarioFailure(string message, Exception failure) : Exception(message, failure);
