using Microsoft.Extensions.Options;
using Serilog;
using Vigil.Dashboard;
using Vigil.Dashboard.Identity;
using Vigil.Ingest;
using Vigil.Silo.Api;
using Vigil.Silo.Hosting;

if (PasswordHashCommand.IsRequested(args))
{
    return PasswordHashCommand.Run(Console.In, Console.Out, Console.Error);
}

try
{
    // appsettings.json ships next to the binary, so the silo reads it whatever the working directory is.
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
    builder.AddVigilSilo();
    builder.AddVigilIngest();
    builder.AddVigilApi();
    builder.AddVigilDashboard();
    var app = builder.Build();
    app.MapHealth();
    app.MapIngest();
    app.MapVigilApi();
    app.MapVigilDashboard();
    await app.RunAsync();
    return 0;
}
catch (Exception exception) when (exception is SiloConfigurationException or OptionsValidationException)
{
    var message = exception is OptionsValidationException validation ? SiloOptionsReader.FromValidation(validation).Message : exception.Message;
    Console.Error.WriteLine("Vigil cannot start, a setting is wrong:" + Environment.NewLine + message);
    return 2;
}
finally
{
    await Log.CloseAndFlushAsync();
}
