using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using CollectorShop.Grains;
using CollectorShop.Silo.Auth;
using CollectorShop.Silo.Events;
using CollectorShop.Tests.Events;
using CollectorShop.Tests.Http;
using CollectorShop.Tests.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;
using Npgsql;
using Orleans.Configuration;
using RabbitMQ.Client;
using Xunit.Sdk;

namespace CollectorShop.Tests.Cluster;

/// <summary>
/// Silo processes of the real published app forming one Orleans cluster (ADO.NET membership) on one fresh PostgreSQL
/// database and one RabbitMQ virtual host, the way replicas run on Kubernetes. Requests reach them round-robin; an
/// Orleans client of the test arranges what a test is not about; disposing kills every process and drops the database.
/// </summary>
public sealed class SiloCluster : IAsyncDisposable
{
    public const string ServiceId = "collector-shop";

    /// <summary>How long a silo sent SIGTERM may take to hand its grains over, as k8s/configmap.yaml sets it.</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(45);

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    private static readonly Lazy<string> UserPasswordHash = new(() => Passwords.Hash(ShopHost.UserPassword));

    private readonly List<SiloProcess> _silos = [];

    private readonly Lock _silosLock = new();

    private readonly IReadOnlyDictionary<string, string> _settings;

    private readonly string _dll;

    private readonly string _logFolder;

    private readonly ShopAuth.TokenIssuer _tokens;

    private readonly RoundRobinHandler _balancer;

    private IHost? _client;

    private SiloCluster(string dll, string connectionString, Uri broker, string clusterId, string jwtSecret, bool demoSeed)
    {
        _dll = dll;
        ConnectionString = connectionString;
        Broker = broker;
        ClusterId = clusterId;
        _logFolder = Directory.CreateTempSubdirectory($"collector-shop-{clusterId}-").FullName;
        _tokens = new ShopAuth.TokenIssuer(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(jwtSecret)));
        _balancer = new RoundRobinHandler(() => Silos);
        _settings = new Dictionary<string, string>
        {
            // Testing, as the in-process hosts run: Production closes the development payment gateway, the only way to pay without Stripe.
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["Storage__Provider"] = "Postgres",
            ["ConnectionStrings__Shop"] = connectionString,
            ["Orleans__Clustering"] = "AdoNet",
            ["Orleans__ClusterId"] = clusterId,
            ["Orleans__ServiceId"] = ServiceId,
            ["RabbitMQ__Url"] = broker.ToString(),
            ["Jwt__Secret"] = jwtSecret,
            ["Admin__Email"] = ShopHost.AdminEmail,
            ["Admin__Password"] = ShopHost.AdminPassword,
            ["Demo__Seed"] = demoSeed ? "true" : "false",
            ["shutdownTimeoutSeconds"] = ShutdownTimeout.TotalSeconds.ToString(),
            ["Logging__Console__FormatterName"] = "simple",
            ["Logging__Console__FormatterOptions__SingleLine"] = "true",
            ["Logging__Console__FormatterOptions__TimestampFormat"] = "HH:mm:ss.fff ",
        };
    }

    public string ConnectionString { get; }

    /// <summary>The AMQP URL of the cluster's own virtual host.</summary>
    public Uri Broker { get; }

    public string ClusterId { get; }

    public IReadOnlyList<SiloProcess> Silos
    {
        get
        {
            lock (_silosLock)
            {
                return [.. _silos];
            }
        }
    }

    /// <summary>The silos the balancer sends requests to: ready and not killed.</summary>
    public IReadOnlyList<SiloProcess> Serving => [.. Silos.Where(silo => silo.Serving)];

    /// <summary>The cluster's grains through an Orleans client of the test (gateways found in the membership table).</summary>
    public IClusterClient Grains => _client?.Services.GetRequiredService<IClusterClient>()
        ?? throw new InvalidOperationException("The cluster has not started.");

    /// <summary>Starts <paramref name="silos"/> processes at once on a fresh database and virtual host, and waits until every one is ready.</summary>
    public static async Task<SiloCluster> Start(int silos, bool demoSeed = false)
    {
        var dll = await PublishedSilo.Dll();
        var database = new NpgsqlConnectionStringBuilder(await PostgresServer.NewDatabase())
        {
            // As the Kubernetes deployment configures it: a silo's share of the server's connections.
            MaxPoolSize = 30,
        }.ConnectionString;
        var broker = await RabbitMqBroker.NewVirtualHost();
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
        var cluster = new SiloCluster(dll, database, broker, $"cluster-{Guid.NewGuid():N}"[..20], secret, demoSeed);
        try
        {
            var started = Enumerable.Range(0, silos).Select(_ => cluster.StartSilo()).ToList();
            await Task.WhenAll(started.Select(silo => silo.WaitReady(StartTimeout)));
            await cluster.ConnectClient();
            return cluster;
        }
        catch (Exception failure)
        {
            try
            {
                await cluster.DisposeAsync();
            }
            catch (Exception cleanup)
            {
                throw new AggregateException(failure, cleanup);
            }

            throw;
        }
    }

    /// <summary>Starts one more silo process with the cluster's settings; it joins the balancer's rotation once it is ready.</summary>
    public SiloProcess StartSilo()
    {
        lock (_silosLock)
        {
            var silo = SiloProcess.Start(_dll, $"silo-{_silos.Count + 1}", _logFolder, _settings);
            _silos.Add(silo);
            return silo;
        }
    }

    /// <summary>A client whose requests go round-robin across the serving silos, with a token of <paramref name="user"/> if given.</summary>
    public HttpClient Client(UserProfile? user = null)
    {
        var client = new HttpClient(_balancer, disposeHandler: false) { BaseAddress = RoundRobinHandler.ClusterAddress, Timeout = TimeSpan.FromSeconds(90) };
        if (user is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _tokens.Issue(user, DateTimeOffset.UtcNow));
        }

        return client;
    }

    /// <summary>A new active account (password <see cref="ShopHost.UserPassword"/>) made straight through the email index.</summary>
    public async Task<UserProfile> NewUser(Role role)
    {
        var email = $"{role.ToString().ToLowerInvariant()}-{Guid.NewGuid():N}@collector.test";
        var registration = new Registration(email.Split('@')[0], email, UserPasswordHash.Value, role, Active: true, null, null, null, null);
        var created = await Grains.GetGrain<IEmailIndexGrain>(email).Register(registration);
        return created.Value ?? throw new InvalidOperationException($"Could not create {email}: {created.Refusal}");
    }

    /// <summary>The admin account the silos create at start-up from Admin:Email.</summary>
    public async Task<UserProfile> Admin()
    {
        var id = await Grains.GetGrain<IEmailIndexGrain>(ShopHost.AdminEmail).GetUserId()
            ?? throw new InvalidOperationException("The silos created no admin account.");
        return await Grains.GetGrain<IUserGrain>(id).Get() ?? throw new InvalidOperationException("The admin account has no state.");
    }

    /// <summary>A submitted and approved listing of the seller.</summary>
    public async Task<Listing> AvailableListing(UserProfile seller)
    {
        var grain = Grains.GetGrain<IProductGrain>(ShopIds.New());
        var draft = new ListingDraft(
            "Signed tour poster", "A tour poster signed by the whole band in 1994.", 120m, 7.50m, "vintage-posters", ["/uploads/poster.jpg"], "Lyon");
        var submitted = await grain.Submit(draft, seller.Id, seller.Name);
        if (!submitted.Succeeded)
        {
            throw new InvalidOperationException($"Could not submit a listing: {submitted.Refusal}");
        }

        var approved = await grain.Approve();
        return approved.Value ?? throw new InvalidOperationException($"Could not approve a listing: {approved.Refusal}");
    }

    public async Task<NpgsqlConnection> OpenDatabase()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>A durable queue of the test's own bound to every order event (order.#), declared once the silos declared the exchange.</summary>
    public async Task<string> TapOrderEvents()
    {
        var name = $"test.order-events.{Guid.NewGuid():N}";
        await using var connection = await RabbitMqBroker.Connect(Broker);
        await using var channel = await connection.CreateChannelAsync();
        await channel.ExchangeDeclarePassiveAsync(EventTopology.Exchange);
        await channel.QueueDeclareAsync(name, durable: true, exclusive: false, autoDelete: false);
        await channel.QueueBindAsync(name, EventTopology.Exchange, "order.#");
        return name;
    }

    /// <summary>Every message waiting in the queue now.</summary>
    public async Task<List<ReceivedMessage>> Drain(string queue)
    {
        await using var connection = await RabbitMqBroker.Connect(Broker);
        await using var channel = await connection.CreateChannelAsync();
        var received = new List<ReceivedMessage>();
        while (await channel.BasicGetAsync(queue, autoAck: true) is { } message)
        {
            received.Add(new ReceivedMessage(message.RoutingKey, message.BasicProperties, Encoding.UTF8.GetString(message.Body.Span)));
        }

        return received;
    }

    /// <summary>Runs a test's steps; a failure carries the tail of every silo's log.</summary>
    public async Task Explained(Func<Task> steps)
    {
        try
        {
            await steps();
        }
        catch (Exception exception)
        {
            throw new XunitException($"{exception.GetType().Name}: {exception.Message}\n\n{Logs()}", exception);
        }
    }

    /// <summary>The tail of every silo's log.</summary>
    public string Logs(int lines = 40) => string.Join("\n\n", Silos.Select(silo => silo.Tail(lines)));

    public async ValueTask DisposeAsync()
    {
        foreach (var silo in Silos)
        {
            silo.Dispose();
        }

        if (_client is not null)
        {
            using var quickly = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _client.StopAsync(quickly.Token);
            _client.Dispose();
        }

        _balancer.Dispose();
        await PostgresServer.Drop(ConnectionString);
        await RabbitMqBroker.Ctl("delete_vhost", RabbitMqBroker.VirtualHostOf(Broker));
        Directory.Delete(_logFolder, recursive: true);
    }

    private async Task ConnectClient()
    {
        _client = new HostBuilder()
            .UseOrleansClient(client => client
                .UseAdoNetClustering(options =>
                {
                    options.Invariant = "Npgsql";
                    options.ConnectionString = ConnectionString;
                })
                .Configure<ClusterOptions>(options =>
                {
                    options.ClusterId = ClusterId;
                    options.ServiceId = ServiceId;
                }))
            .Build();
        await _client.StartAsync();
    }
}
