using RabbitMQ.Client;

namespace CollectorShop.Silo.Events;

/// <summary>Connections to the broker named by RabbitMQ:Url; each one declares the topology and recovers on its own after an outage.</summary>
public sealed class RabbitMqConnections
{
    private readonly ConnectionFactory factory;

    public RabbitMqConnections(Uri url)
    {
        factory = new ConnectionFactory
        {
            Uri = url,
            AutomaticRecoveryEnabled = true,
            TopologyRecoveryEnabled = true,
            NetworkRecoveryInterval = TimeSpan.FromSeconds(3),
            RequestedConnectionTimeout = TimeSpan.FromSeconds(5),
        };
        Broker = $"{url.Host}:{(url.IsDefaultPort ? AmqpTcpEndpoint.UseDefaultPort : url.Port)} vhost \"{factory.VirtualHost}\"";
    }

    /// <summary>Where the broker is, without credentials, for the logs.</summary>
    public string Broker { get; }

    /// <summary>Opens a connection (throws while the broker is unreachable) and declares the exchange and queues.</summary>
    public async Task<IConnection> Open(string name, CancellationToken cancellationToken)
    {
        var connection = await factory.CreateConnectionAsync(name, cancellationToken);
        try
        {
            await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
            await EventTopology.Declare(channel, cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
