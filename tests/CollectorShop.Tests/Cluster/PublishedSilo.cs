using System.Diagnostics;
using System.Reflection;

namespace CollectorShop.Tests.Cluster;

/// <summary>
/// The silo as `dotnet publish` lays it out, published once per test run next to the test assembly from the build the
/// tests run against (--no-build: a couple of seconds, no second compilation; the SPA is not needed here).
/// </summary>
public static class PublishedSilo
{
    private static readonly Lazy<Task<string>> Published = new(Publish);

    /// <summary>The published CollectorShop.Silo.dll, to run with `dotnet`.</summary>
    public static Task<string> Dll() => Published.Value;

    /// <summary>The dotnet host that runs the tests (the SDK names it to its child processes), else the one on the PATH.</summary>
    public static string DotnetHost => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    private static async Task<string> Publish()
    {
        var configuration = typeof(PublishedSilo).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        var project = Path.Combine(RepositoryRoot(), "src", "CollectorShop.Silo", "CollectorShop.Silo.csproj");
        var output = Path.Combine(AppContext.BaseDirectory, "published-silo");
        var start = new ProcessStartInfo(DotnetHost) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "publish", project, "-c", configuration, "--no-build", "-p:SkipSpa=true", "-o", output, "--nologo" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet publish could not be started.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        var dll = Path.Combine(output, "CollectorShop.Silo.dll");
        if (process.ExitCode != 0 || !File.Exists(dll))
        {
            throw new InvalidOperationException($"dotnet publish of the silo failed ({process.ExitCode}):\n{await stdout}\n{await stderr}");
        }

        return dll;
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "CollectorShop.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No CollectorShop.sln above {AppContext.BaseDirectory}: the cluster tests publish the silo from the repository.");
    }
}
