using CollectorShop.Grains;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.Runtime.Hosting;
using Orleans.Storage;
using Orleans.TestingHost;

namespace CollectorShop.Tests.Grains;

/// <summary>A two-silo in-process cluster running the shop's grains, shared by every grain test.</summary>
public sealed class ShopCluster : IAsyncLifetime
{
    /// <summary>Short enough for expiry tests to wait for it, long enough for the other tests to finish inside it.</summary>
    public const double ReservationMinutes = 0.1;

    private readonly Action<ShopOptions> configure;

    public ShopCluster()
        : this(_ => { })
    {
    }

    /// <summary>A cluster with other shop settings, for the tests that need them; xunit itself uses the one above.</summary>
    internal ShopCluster(Action<ShopOptions> configure) => this.configure = configure;

    public RecordingReadModel ReadModel { get; } = new();

    public RecordingEventPublisher Events { get; } = new();

    public RecordingRefunds Refunds { get; } = new();

    public RecordingOutboxIndex OutboxIndex { get; } = new();

    public VersionedMemoryStore Storage { get; } = new();

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((_, silo) => ConfigureShopSilo(silo));
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    /// <summary>
    /// The one place the test silos are configured. To run on Orleans' own memory storage,
    /// replace the AddGrainStorage line with <c>silo.AddMemoryGrainStorage("shop")</c>
    /// (versions then project as 0); the SQLite read model replaces the IReadModel line.
    /// </summary>
    private void ConfigureShopSilo(ISiloBuilder silo)
    {
        silo.UseSystemTextJsonGrainStorageSerializer();
        silo.Services.AddGrainStorage("shop", (services, _) =>
            new VersionedMemoryStorage(Storage, services.GetRequiredService<IGrainStorageSerializer>()));
        silo.UseInMemoryReminderService();
        silo.Services.AddSingleton(TimeProvider.System);
        silo.Services.AddSingleton<IReadModel>(ReadModel);
        silo.Services.AddSingleton<IEventPublisher>(Events);
        silo.Services.AddSingleton<IPaymentRefunds>(Refunds);
        silo.Services.AddSingleton<IOutboxIndex>(OutboxIndex);
        silo.Services.Configure<ShopOptions>(options =>
        {
            options.ReservationMinutes = ReservationMinutes;
            configure(options);
        });
    }
}

[CollectionDefinition(Name)]
public sealed class ShopClusterCollection : ICollectionFixture<ShopCluster>
{
    public const string Name = "Shop cluster";
}
