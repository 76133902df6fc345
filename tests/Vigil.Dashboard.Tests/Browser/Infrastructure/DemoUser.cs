namespace Vigil.Dashboard.Tests.Browser.Infrastructure;

/// <summary>A demo user the silo creates in demo mode (dashboard/SPEC.md): the password is the user name + "-demo".</summary>
public sealed record DemoUser(string UserName)
{
    /// <summary>Operator of all regions.</summary>
    public static readonly DemoUser Operator = new("operator");

    /// <summary>Operator of MENA only.</summary>
    public static readonly DemoUser MenaOperator = new("mena-operator");

    /// <summary>Advisor with advisor id "advisor", MENA, Arabic UI.</summary>
    public static readonly DemoUser Advisor = new("advisor");

    /// <summary>Advisor with advisor id "advisor2", NA, English UI.</summary>
    public static readonly DemoUser SecondAdvisor = new("advisor2");

    public static readonly DemoUser Commander = new("commander");

    /// <summary>QA reviewer, Spanish UI; may read but not act on alerts.</summary>
    public static readonly DemoUser Qa = new("qa");

    public static readonly DemoUser Admin = new("admin");

    public string Password => UserName + "-demo";

    public override string ToString() => UserName;
}
