using System.Net;
using CollectorShop.Grains;
using CollectorShop.Silo.Events;
using CollectorShop.Silo.Payments;
using CollectorShop.Silo.Persistence;
using Orleans.Configuration;

namespace CollectorShop.Silo;

/// <summary>How a silo of the shop is put together; the host and the test clusters share it.</summary>
public static class ShopSilo
{
    /// <summary>The grain storage every shop grain persists to.</summary>
    public const string Storage = "shop";

    /// <summary>Localhost (one silo, the embedded mode) or AdoNet (membership in the PostgreSQL database).</summary>
    public const string ClusteringSwitch = "Orleans:Clustering";

    /// <summary>
    /// Grain storage on the shop database with System.Text.Json state, reminders (in memory on SQLite, durable in
    /// PostgreSQL), and the services grains use (the event transport comes from <see cref="EventTransport.AddShopEvents"/>).
    /// </summary>
    public static ISiloBuilder AddShopGrains(this ISiloBuilder silo, ShopDatabase database, IConfiguration configuration)
    {
        silo.AddAdoNetGrainStorage(Storage, options =>
        {
            options.Invariant = database.OrleansInvariant;
            options.ConnectionString = database.ConnectionString;
        });
        silo.UseSystemTextJsonGrainStorageSerializer();
        if (database.Provider == StorageProvider.Postgres)
        {
            silo.UseAdoNetReminderService(options =>
            {
                options.Invariant = database.OrleansInvariant;
                options.ConnectionString = database.ConnectionString;
            });
        }
        else
        {
            silo.UseInMemoryReminderService();
        }

        silo.Services.AddSingleton(database);
        silo.Services.AddSingleton<ShopReadModel>();
        silo.Services.AddSingleton<IReadModel>(sp => sp.GetRequiredService<ShopReadModel>());
        silo.Services.AddSingleton<PendingOutboxes>();
        silo.Services.AddSingleton<IOutboxIndex>(sp => sp.GetRequiredService<PendingOutboxes>());
        silo.Services.AddShopPayments(configuration);
        silo.Services.AddSingleton(TimeProvider.System);
        silo.Services.AddOptions<ShopOptions>()
            .Bind(configuration.GetSection("Shop"))
            .Bind(configuration.GetSection("Checkout"));
        return silo;
    }

    /// <summary>
    /// Orleans binds a configuration section of its own named Orleans:Clustering (a provider type) while the silo is built,
    /// and stops at the shop's Localhost|AdoNet value of that name. Returns a copy of the configuration that keeps the switch,
    /// for <see cref="UseShopClustering"/>, and hides the switch from the live configuration Orleans reads.
    /// </summary>
    public static IConfiguration SetClusteringSwitchAside(IConfigurationManager configuration)
    {
        var withSwitch = new ConfigurationBuilder().AddInMemoryCollection(configuration.AsEnumerable()).Build();
        configuration.AddInMemoryCollection([new KeyValuePair<string, string?>(ClusteringSwitch, null)]);
        return withSwitch;
    }

    /// <summary>
    /// Orleans:Clustering Localhost (default: one silo, the embedded mode) or AdoNet (membership in the PostgreSQL
    /// database, so every replica pointed at it joins one cluster). Ports from Orleans:SiloPort and Orleans:GatewayPort;
    /// the advertised address from Orleans:AdvertisedIP, else the pod's POD_IP, else Orleans' own choice.
    /// </summary>
    public static ISiloBuilder UseShopClustering(this ISiloBuilder silo, ShopDatabase database, IConfiguration configuration)
    {
        var siloPort = configuration.GetValue("Orleans:SiloPort", 11111);
        var gatewayPort = configuration.GetValue("Orleans:GatewayPort", 30000);
        var serviceId = configuration["Orleans:ServiceId"] ?? "collector-shop";
        var clusterId = configuration["Orleans:ClusterId"] ?? "dev";
        var clustering = configuration[ClusteringSwitch] ?? "Localhost";
        if (clustering.Equals("Localhost", StringComparison.OrdinalIgnoreCase))
        {
            return silo.UseLocalhostClustering(siloPort, gatewayPort, serviceId: serviceId, clusterId: clusterId);
        }

        if (!clustering.Equals("AdoNet", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Orleans:Clustering is '{clustering}'; it must be Localhost or AdoNet.");
        }

        if (database.Provider != StorageProvider.Postgres)
        {
            throw new InvalidOperationException("Orleans:Clustering AdoNet needs Storage:Provider Postgres: silos share their membership through that database.");
        }

        // In a pod, the Kubernetes integration names the silo after it and marks silos whose pod is gone as dead.
        if (Environment.GetEnvironmentVariable("KUBERNETES_SERVICE_HOST") is { Length: > 0 }
            && Environment.GetEnvironmentVariable("POD_NAME") is { Length: > 0 })
        {
            silo.UseKubernetesHosting();
        }

        silo.Configure<ClusterOptions>(options =>
        {
            options.ServiceId = serviceId;
            options.ClusterId = clusterId;
        });
        silo.Configure<EndpointOptions>(options =>
        {
            options.SiloPort = siloPort;
            options.GatewayPort = gatewayPort;
            options.SiloListeningEndpoint = new IPEndPoint(IPAddress.Any, siloPort);
            options.GatewayListeningEndpoint = new IPEndPoint(IPAddress.Any, gatewayPort);
            if ((configuration["Orleans:AdvertisedIP"] ?? Environment.GetEnvironmentVariable("POD_IP")) is { Length: > 0 } advertised)
            {
                options.AdvertisedIPAddress = IPAddress.Parse(advertised);
            }
        });
        return silo.UseAdoNetClustering(options =>
        {
            options.Invariant = database.OrleansInvariant;
            options.ConnectionString = database.ConnectionString;
        });
    }
}
