using CollectorShop.Silo.Events;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CollectorShop.Silo.Health;

/// <summary>Healthy when the event publisher's connection to the broker is open; the outboxes hold every event while it is not.</summary>
public sealed class RabbitMqHealthCheck(RabbitMqEventPublisher publisher, RabbitMqConnections connections) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await publisher.Connected(cancellationToken)
                ? HealthCheckResult.Healthy($"Connected to RabbitMQ at {connections.Broker}.")
                : HealthCheckResult.Unhealthy($"The connection to RabbitMQ at {connections.Broker} is down and recovering.");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"RabbitMQ at {connections.Broker} does not answer.", exception);
        }
    }
}
