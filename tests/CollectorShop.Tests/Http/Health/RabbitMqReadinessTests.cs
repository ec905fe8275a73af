using System.Net;
using System.Text.Json;
using CollectorShop.Tests.Events;

namespace CollectorShop.Tests.Http.Health;

/// <summary>/health/ready of a host configured with RabbitMQ:Url, against the real broker of scripts/test.sh.</summary>
[Collection(RabbitMqBrokerCollection.Name)]
public sealed class RabbitMqReadinessTests
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Readiness_names_rabbitmq_while_the_broker_is_down_and_is_ready_again_once_it_is_back()
    {
        var shop = BrokerShop.Start(await RabbitMqBroker.NewVirtualHost());
        try
        {
            var up = await Readiness(shop);
            Assert.Equal(HttpStatusCode.OK, up.Status);
            Assert.Equal(["silo", "database", "rabbitmq"], up.Body.GetProperty("checks").EnumerateObject().Select(check => check.Name));
            Assert.Equal("healthy", up.Body.GetProperty("checks").GetProperty("rabbitmq").GetProperty("status").GetString());

            await RabbitMqBroker.StopApp();
            try
            {
                var down = await ReadinessAnswering(shop, HttpStatusCode.ServiceUnavailable);
                Assert.Equal("Not ready: rabbitmq failed.", down.GetProperty("error").GetString());
                Assert.Equal("unhealthy", down.GetProperty("checks").GetProperty("rabbitmq").GetProperty("status").GetString());
                Assert.Equal("healthy", down.GetProperty("checks").GetProperty("silo").GetProperty("status").GetString());
                Assert.Equal("healthy", down.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
            }
            finally
            {
                await RabbitMqBroker.StartApp();
            }

            var back = await ReadinessAnswering(shop, HttpStatusCode.OK);
            Assert.Equal("healthy", back.GetProperty("checks").GetProperty("rabbitmq").GetProperty("status").GetString());
        }
        finally
        {
            await shop.StopAndDelete();
        }
    }

    [Fact]
    public async Task Readiness_leaves_rabbitmq_out_when_no_broker_is_configured()
    {
        var host = new ShopHost();
        try
        {
            var ready = await host.CreateClient().GetAsync("/health/ready");

            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            using var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
            Assert.False(body.RootElement.GetProperty("checks").TryGetProperty("rabbitmq", out _));
        }
        finally
        {
            await host.DisposeAndDelete();
        }
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> Readiness(BrokerShop shop)
    {
        var response = await shop.Host.CreateClient().GetAsync("/health/ready");
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement);
    }

    /// <summary>The client learns of a dropped or recovered connection on its own schedule: polls until the probe answers as expected.</summary>
    private static async Task<JsonElement> ReadinessAnswering(BrokerShop shop, HttpStatusCode expected)
    {
        var deadline = DateTime.UtcNow + Within;
        while (true)
        {
            var (status, body) = await Readiness(shop);
            if (status == expected)
            {
                return body;
            }

            Assert.True(DateTime.UtcNow < deadline, $"/health/ready still answered {(int)status} after {Within.TotalSeconds} s, not {(int)expected}: {body}");
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
    }
}
