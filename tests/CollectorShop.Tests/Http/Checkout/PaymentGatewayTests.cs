using CollectorShop.Silo.Payments;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace CollectorShop.Tests.Http.Checkout;

/// <summary>The provider is chosen once from the configuration, and a Stripe set-up that could never confirm a payment does not start.</summary>
public sealed class PaymentGatewayTests
{
    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "CollectorShop.Silo";
        public string ContentRootPath { get; set; } = "";
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = null!;
    }

    [Fact]
    public void Without_a_stripe_key_the_development_gateway_takes_payments_outside_production()
    {
        var gateway = PaymentGateway.From(Settings());

        Assert.Null(gateway.Stripe);
        Assert.True(gateway.DevGatewayOpen(new Environment("Development")));
        Assert.False(gateway.DevGatewayOpen(new Environment("Production")));
    }

    [Fact]
    public void With_a_stripe_key_stripe_takes_payments_and_the_development_gateway_is_closed()
    {
        var gateway = PaymentGateway.From(Settings(("Stripe:SecretKey", "sk_test_1"), ("Stripe:WebhookSecret", "whsec_1"), ("Stripe:ApiBase", "http://127.0.0.1:1")));

        Assert.Equal(new StripeSettings("sk_test_1", "whsec_1", "http://127.0.0.1:1"), gateway.Stripe);
        Assert.False(gateway.DevGatewayOpen(new Environment("Development")));
    }

    [Fact]
    public void A_stripe_key_without_a_webhook_secret_does_not_start()
    {
        var error = Assert.Throws<InvalidOperationException>(() => PaymentGateway.From(Settings(("Stripe:SecretKey", "sk_test_1"))));

        Assert.Contains("Stripe:WebhookSecret", error.Message);
    }

    [Fact]
    public void Stripe_with_reservations_shorter_than_its_shortest_session_does_not_start()
    {
        var error = Assert.Throws<InvalidOperationException>(() => PaymentGateway.From(
            Settings(("Stripe:SecretKey", "sk_test_1"), ("Stripe:WebhookSecret", "whsec_1"), ("Checkout:ReservationMinutes", "10"))));

        Assert.Contains("Checkout:ReservationMinutes", error.Message);
    }
}
