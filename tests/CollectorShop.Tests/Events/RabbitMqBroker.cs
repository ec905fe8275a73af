using System.Diagnostics;
using RabbitMQ.Client;

namespace CollectorShop.Tests.Events;

/// <summary>
/// The real broker that scripts/test.sh starts and names in COLLECTOR_SHOP_TEST_RABBITMQ. Each test gets
/// its own virtual host, so hosts never consume each other's events; stop_app/start_app play an outage.
/// </summary>
public static class RabbitMqBroker
{
    public const string Variable = "COLLECTOR_SHOP_TEST_RABBITMQ";

    public static Uri Url => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } url
        ? new Uri(url)
        : throw new InvalidOperationException(
            $"{Variable} is not set. The event tests need a real RabbitMQ broker: run them through scripts/test.sh, " +
            "which starts a private node and exports its AMQP URL and the RABBITMQ_* variables rabbitmqctl needs.");

    /// <summary>A new, empty virtual host the URL's user may use, and its AMQP URL.</summary>
    public static async Task<Uri> NewVirtualHost()
    {
        var url = Url;
        var name = $"test-{Guid.NewGuid():N}";
        var user = Uri.UnescapeDataString(url.UserInfo.Split(':')[0]);
        await Ctl("add_vhost", name);
        await Ctl("set_permissions", "-p", name, user, ".*", ".*", ".*");
        return new UriBuilder(url) { Path = "/" + name }.Uri;
    }

    public static string VirtualHostOf(Uri url) => Uri.UnescapeDataString(url.AbsolutePath.TrimStart('/'));

    public static async Task<IConnection> Connect(Uri url) =>
        await new ConnectionFactory { Uri = url }.CreateConnectionAsync("collector-shop-tests");

    /// <summary>The RabbitMQ application stops; the node keeps running, every client connection drops.</summary>
    public static Task StopApp() => Ctl("stop_app");

    public static async Task StartApp()
    {
        await Ctl("start_app");
        await Ctl("await_startup");
    }

    public static async Task<string> Ctl(params string[] arguments)
    {
        _ = Url;
        var start = new ProcessStartInfo("rabbitmqctl") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("rabbitmqctl could not be started.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"rabbitmqctl {string.Join(' ', arguments)} failed ({process.ExitCode}): {await errors}{await output}");
        }

        return await output;
    }
}

[CollectionDefinition(Name)]
public sealed class RabbitMqBrokerCollection
{
    /// <summary>One test at a time: the outage test stops the whole broker.</summary>
    public const string Name = "RabbitMQ broker";
}
