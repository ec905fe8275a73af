using System.Net;
using CollectorShop.Silo;
using CollectorShop.Silo.Events;
using CollectorShop.Silo.Persistence;
using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Messaging;

namespace CollectorShop.Tests.Persistence;

/// <summary>
/// Cluster membership through the project's own SQL (Orleans:Clustering AdoNet): silo hosts built the way the shop
/// builds its silo, on one PostgreSQL database, each test its own cluster id.
/// </summary>
public sealed class PostgresMembershipTests : IAsyncLifetime
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(60);

    private readonly string _clusterId = $"test-{Guid.NewGuid():N}";
    private readonly List<ClusterSilo> _silos = [];
    private MigratedDatabase _database = null!;

    public async Task InitializeAsync() => _database = await MigratedDatabase.Create(StorageProvider.Postgres);

    public async Task DisposeAsync()
    {
        foreach (var silo in _silos)
        {
            await silo.DisposeAsync();
        }

        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Silos_started_together_each_get_an_active_membership_row_and_see_each_other()
    {
        var silos = await Start(3);

        var rows = await MembershipRows();
        Assert.Equal(
            silos.Select(silo => (silo.SiloPort, silo.GatewayPort)).Order(),
            rows.Select(row => (row.Port, row.ProxyPort)).Order());
        Assert.All(rows, row => Assert.Equal(("127.0.0.1", (int)SiloStatus.Active), (row.Address, row.Status)));
        // Each silo moved the version on at least twice: its row inserted (joining), then marked active.
        Assert.True(await TableVersion() >= 2 * silos.Count, $"table version {await TableVersion()}");
        foreach (var silo in silos)
        {
            await Until(async () => (await silo.ActiveHosts()).Count == silos.Count, $"silo on port {silo.SiloPort} sees all {silos.Count}");
        }
    }

    [Fact]
    public async Task A_grain_called_through_one_silo_is_the_same_activation_when_called_through_another()
    {
        var silos = await Start(2);

        var throughFirst = await silos[0].Grains.GetGrain<IActivationProbeGrain>("probe").Locate();
        var throughSecond = await silos[1].Grains.GetGrain<IActivationProbeGrain>("probe").Locate();

        Assert.Equal(throughFirst, throughSecond);
    }

    [Fact]
    public async Task A_client_outside_the_silos_finds_the_gateways_of_the_active_silos_in_the_table()
    {
        var silos = await Start(2);
        await silos[0].DisposeAsync();
        using var client = Host.CreateDefaultBuilder()
            .UseOrleansClient(client => client
                .UseAdoNetClustering(options =>
                {
                    options.Invariant = "Npgsql";
                    options.ConnectionString = _database.Database.ConnectionString;
                })
                .Configure<ClusterOptions>(options =>
                {
                    options.ClusterId = _clusterId;
                    options.ServiceId = "collector-shop";
                }))
            .Build();
        await client.StartAsync();

        var gateways = await client.Services.GetRequiredService<IGatewayListProvider>().GetGateways();
        var located = await client.Services.GetRequiredService<IClusterClient>().GetGrain<IActivationProbeGrain>("probe").Locate();

        Assert.Equal([("127.0.0.1", silos[1].GatewayPort)], gateways.Select(gateway => (gateway.Host, gateway.Port)));
        Assert.StartsWith(silos[1].Address + " ", located);
        await client.StopAsync();
    }

    [Fact]
    public async Task A_silo_that_stops_gracefully_is_marked_dead_in_its_row_and_the_others_keep_serving()
    {
        var silos = await Start(3);
        var leaving = silos[0];
        var probes = Enumerable.Range(0, 20).Select(i => $"probe-{i}").ToList();
        var before = await Task.WhenAll(probes.Select(key => leaving.Grains.GetGrain<IActivationProbeGrain>(key).Locate()));
        Assert.All(before, where => Assert.StartsWith(leaving.Address + " ", where));
        var leavingAddress = leaving.Address;

        await leaving.DisposeAsync();

        var rows = await MembershipRows();
        Assert.Equal((int)SiloStatus.Dead, rows.Single(row => row.Port == leaving.SiloPort).Status);
        Assert.All(rows.Where(row => row.Port != leaving.SiloPort), row => Assert.Equal((int)SiloStatus.Active, row.Status));
        foreach (var survivor in silos.Skip(1))
        {
            await Until(async () => (await survivor.ActiveHosts()).Count == 2, $"silo on port {survivor.SiloPort} sees two active silos");
            var after = await Task.WhenAll(probes.Select(key => survivor.Grains.GetGrain<IActivationProbeGrain>(key).Locate()));
            Assert.All(after, where => Assert.DoesNotContain(leavingAddress, where));
        }
    }

    [Fact]
    public async Task Changes_made_from_the_same_table_version_race_and_exactly_one_of_them_is_applied()
    {
        const int Rounds = 10;
        const int Racers = 8;
        var silo = (await Start(1))[0];
        var table = silo.Membership;
        for (var round = 0; round < Rounds; round++)
        {
            var read = await table.ReadAllAsync();
            var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var racers = Enumerable.Range(1, Racers)
                .Select(racer => Task.Run(async () =>
                {
                    await go.Task;
                    return await table.InsertRowAsync(Departed(round * Racers + racer), read.Version.Next());
                }))
                .ToList();
            go.SetResult();
            var inserted = await Task.WhenAll(racers);

            Assert.Single(inserted, applied => applied);
            var after = await table.ReadAllAsync();
            Assert.Equal((read.Members.Count + 1, read.Version.Version + 1), (after.Members.Count, after.Version.Version));
        }
    }

    [Fact]
    public async Task A_change_from_a_stale_table_version_or_to_an_existing_row_is_refused_and_changes_nothing()
    {
        var silo = (await Start(1))[0];
        var table = silo.Membership;
        var read = await table.ReadAllAsync();
        var departed = Departed(1);
        Assert.True(await table.InsertRowAsync(departed, read.Version.Next()));
        var current = await table.ReadAllAsync();

        var staleInsert = await table.InsertRowAsync(Departed(2), read.Version.Next());
        var duplicate = await table.InsertRowAsync(departed, current.Version.Next());
        var row = current.Members.Single(member => member.Item1.SiloAddress.Equals(departed.SiloAddress)).Item1;
        var staleUpdate = await table.UpdateRowAsync(
            new MembershipEntry
            {
                SiloAddress = row.SiloAddress, SiloName = row.SiloName, HostName = row.HostName, Status = SiloStatus.Joining,
                ProxyPort = row.ProxyPort, StartTime = row.StartTime, IAmAliveTime = row.IAmAliveTime,
            },
            read.Version.VersionEtag,
            read.Version.Next());

        Assert.Equal<(bool, bool, bool)>((false, false, false), (staleInsert, duplicate, staleUpdate));
        var after = await table.ReadAllAsync();
        Assert.Equal(current.Version.Version, after.Version.Version);
        Assert.Equal(current.Members.Count, after.Members.Count);
        Assert.Equal(SiloStatus.Dead, after.Members.Single(member => member.Item1.SiloAddress.Equals(departed.SiloAddress)).Item1.Status);
    }

    [Fact]
    public async Task The_cleanup_forgets_only_dead_silos_not_heard_of_since_the_cutoff()
    {
        var silos = await Start(2);
        await silos[0].DisposeAsync();
        var stopped = DateTimeOffset.UtcNow;

        await silos[1].Membership.CleanupDefunctSiloEntriesAsync(stopped.AddMinutes(-10));
        Assert.Equal(2, (await MembershipRows()).Count);

        await silos[1].Membership.CleanupDefunctSiloEntriesAsync(stopped.AddMinutes(1));
        Assert.Equal([silos[1].SiloPort], (await MembershipRows()).Select(row => row.Port));
    }

    /// <summary>A silo of the past in this cluster: declared dead, so the live silos never probe it.</summary>
    private static MembershipEntry Departed(int generation) => new()
    {
        SiloAddress = SiloAddress.New(IPAddress.Loopback, 1, generation),
        SiloName = $"departed-{generation}",
        HostName = "departed",
        Status = SiloStatus.Dead,
        ProxyPort = 2,
        StartTime = DateTime.UtcNow.AddHours(-1),
        IAmAliveTime = DateTime.UtcNow.AddHours(-1),
    };

    private async Task<IReadOnlyList<ClusterSilo>> Start(int count)
    {
        var silos = Enumerable.Range(0, count).Select(_ => new ClusterSilo(_database.Database.ConnectionString, _clusterId)).ToList();
        _silos.AddRange(silos);
        await Task.WhenAll(silos.Select(silo => silo.Start()));
        return silos;
    }

    private sealed record MembershipRow(string Address, int Port, int ProxyPort, int Status);

    private async Task<IReadOnlyList<MembershipRow>> MembershipRows()
    {
        await using var connection = await _database.Database.Open();
        var rows = await connection.QueryAsync<MembershipRow>(
            "SELECT Address, Port, ProxyPort, Status FROM OrleansMembershipTable WHERE DeploymentId = @clusterId",
            new { clusterId = _clusterId });
        return [.. rows];
    }

    private async Task<int> TableVersion()
    {
        await using var connection = await _database.Database.Open();
        return await connection.ExecuteScalarAsync<int>(
            "SELECT Version FROM OrleansMembershipVersionTable WHERE DeploymentId = @clusterId", new { clusterId = _clusterId });
    }

    private static async Task Until(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + Within;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Still not true after {Within.TotalSeconds} s: {what}");
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }
}

/// <summary>
/// One silo host put together as the shop's (UseShopClustering, AddShopGrains, the in-process event channel) on
/// PostgreSQL, with its own ports; without the shop's start-up services, so nothing but a call or a reminder wakes a grain.
/// </summary>
internal sealed class ClusterSilo(string connectionString, string clusterId) : IAsyncDisposable
{
    private IHost? _host;

    public int SiloPort { get; } = TestPorts.Free();

    public int GatewayPort { get; } = TestPorts.Free();

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    public IMembershipTable Membership => Services.GetRequiredService<IMembershipTable>();

    public string Address => Services.GetRequiredService<ILocalSiloDetails>().SiloAddress.ToParsableString();

    public IServiceProvider Services => _host?.Services ?? throw new InvalidOperationException("The silo is not running.");

    public async Task Start(IDictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:Provider"] = "Postgres",
                ["ConnectionStrings:Shop"] = connectionString,
                ["Orleans:ClusterId"] = clusterId,
                ["Orleans:SiloPort"] = SiloPort.ToString(),
                ["Orleans:GatewayPort"] = GatewayPort.ToString(),
                ["Orleans:AdvertisedIP"] = "127.0.0.1",
            })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var database = ShopDatabase.FromConfiguration(configuration, AppContext.BaseDirectory);
        _host = Host.CreateDefaultBuilder()
            .UseOrleans(silo => silo.UseShopClustering("AdoNet", database, configuration).AddShopGrains(database, configuration))
            .ConfigureServices(services => services.AddShopEvents(configuration))
            .Build();
        await _host.StartAsync();
    }

    public async Task<IReadOnlyList<SiloAddress>> ActiveHosts()
    {
        var hosts = await Grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
        return [.. hosts.Keys];
    }

    /// <summary>A graceful stop, as on a pod's SIGTERM; stopping twice is harmless.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_host is { } host)
        {
            _host = null;
            await host.StopAsync();
            host.Dispose();
        }
    }
}

/// <summary>Says which activation answered, and on which silo: one grain identity has one activation in the whole cluster.</summary>
public interface IActivationProbeGrain : IGrainWithStringKey
{
    Task<string> Locate();
}

/// <summary>Activated on the silo whose client calls it first, so a test knows where it lives.</summary>
[Orleans.Placement.PreferLocalPlacement]
public sealed class ActivationProbeGrain(ILocalSiloDetails silo) : Grain, IActivationProbeGrain
{
    public Task<string> Locate() => Task.FromResult($"{silo.SiloAddress.ToParsableString()} {GrainContext.ActivationId}");
}
