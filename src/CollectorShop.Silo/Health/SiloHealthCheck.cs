using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CollectorShop.Silo.Health;

/// <summary>Healthy when a grain call answers and the cluster counts this silo as active.</summary>
public sealed class SiloHealthCheck(IGrainFactory grains, ILocalSiloDetails silo) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var activeSilos = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(cancellationToken);
            return activeSilos.ContainsKey(silo.SiloAddress)
                ? HealthCheckResult.Healthy($"{activeSilos.Count} active silo(s), this one included.")
                : HealthCheckResult.Unhealthy("This silo is not an active member of the cluster.");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The silo did not answer a grain call.", exception);
        }
    }
}
