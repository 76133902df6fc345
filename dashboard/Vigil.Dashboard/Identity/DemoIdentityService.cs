using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Vigil.Grains.Contracts.Advisors;
using Vigil.Grains.Contracts.Events;
using Vigil.Runtime.Grains;

namespace Vigil.Dashboard.Identity;

/// <summary>
/// At start-up loads the users (so a broken <c>users.json</c> stops the silo at once) and, in Demo mode, prints the demo
/// users with their passwords once and registers the demo advisors with their regions' advisor directories, so
/// simulated VIPs get assigned to them. Runs after the grain runtime, which is registered (and so started) first.
/// </summary>
internal sealed partial class DemoIdentityService(UserStore users, IGrainFactory grains, ILogger<DemoIdentityService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (users.Mode != DashboardMode.Demo)
        {
            LogProduction(logger, users.All().Count);
            return;
        }

        var demo = users.DemoUsersInEffect();
        var banner = new StringBuilder();
        foreach (var user in demo)
        {
            var regions = user.Regions.Count == 0 ? "all regions" : string.Join(", ", user.Regions);
            banner.AppendLine().Append(
                $"    {user.UserName,-14} password {DemoUsers.PasswordOf(user.UserName),-19} {string.Join(", ", user.Roles)} ({regions}, {user.Language})");
        }

        LogDemoBanner(logger, banner.ToString());
        foreach (var advisor in demo.Where(u => u.Roles.Contains(Roles.Advisor)))
        {
            var advisorId = advisor.AdvisorId ?? advisor.UserName;
            IReadOnlyList<string> regions = advisor.Regions.Count == 0 ? Enum.GetNames<Region>() : advisor.Regions;
            foreach (var region in regions)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await grains.GetGrain<IAdvisorDirectoryGrain>(region).AddAdvisor(advisorId);
            }

            LogAdvisorRegistered(logger, advisorId, string.Join(", ", regions));
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "DEMO MODE: these demo users exist with known passwords (set Vigil:Mode=Production for real use; it never creates them):{DemoUsers}")]
    private static partial void LogDemoBanner(ILogger logger, string demoUsers);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo advisor {AdvisorId} registered with the advisor directories of {Regions}")]
    private static partial void LogAdvisorRegistered(ILogger logger, string advisorId, string regions);

    [LoggerMessage(Level = LogLevel.Information, Message = "Production mode: {UserCount} dashboard users, no demo users")]
    private static partial void LogProduction(ILogger logger, int userCount);
}
