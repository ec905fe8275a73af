namespace CollectorShop.Tests.Http;

/// <summary>The silo does not start with a signing secret anyone could guess.</summary>
public sealed class JwtSecretTests
{
    [Theory]
    [InlineData("Production", null, "Jwt:Secret is not set")]
    [InlineData("Production", "", "Jwt:Secret is not set")]
    [InlineData("Production", "only-thirty-one-bytes-long-here", "at least 32 bytes")]
    [InlineData("Development", "only-thirty-one-bytes-long-here", "at least 32 bytes")]
    public async Task The_silo_refuses_to_start_without_a_long_enough_secret(string environment, string? secret, string reason)
    {
        var host = new ShopHost(settings: new Dictionary<string, string?> { ["Jwt:Secret"] = secret }, environment: environment);
        try
        {
            var refusal = Assert.Throws<InvalidOperationException>(() => host.CreateClient());

            Assert.Contains(reason, refusal.Message);
        }
        finally
        {
            await host.DisposeAndDelete();
        }
    }
}
