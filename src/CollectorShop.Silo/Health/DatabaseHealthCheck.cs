using CollectorShop.Silo.Persistence;
using Dapper;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CollectorShop.Silo.Health;

/// <summary>Healthy when the shop database answers a query on the table grain storage cannot work without.</summary>
public sealed class DatabaseHealthCheck(ShopDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await database.Open(cancellationToken);
            var queries = await connection.ExecuteScalarAsync<int>(
                new CommandDefinition("SELECT COUNT(*) FROM OrleansQuery", cancellationToken: cancellationToken));
            return queries > 0
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("The database holds none of the grain storage queries.");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The database did not answer a query.", exception);
        }
    }
}
