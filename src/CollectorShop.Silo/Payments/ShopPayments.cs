using CollectorShop.Grains;
using Stripe;

namespace CollectorShop.Silo.Payments;

public static class ShopPayments
{
    /// <summary>The payment sessions and refunds of the provider the configuration names (see <see cref="PaymentGateway"/>).</summary>
    public static IServiceCollection AddShopPayments(this IServiceCollection services, IConfiguration configuration)
    {
        var gateway = PaymentGateway.From(configuration);
        services.AddSingleton(gateway);
        services.AddSingleton<DevGatewayRefunds>();
        if (gateway.Stripe is { } stripe)
        {
            services.AddSingleton(new StripeClient(stripe.SecretKey, apiBase: stripe.ApiBase));
            services.AddSingleton<IPaymentSessions, StripeCheckout>();
            services.AddSingleton<IPaymentRefunds, StripeRefunds>();
        }
        else
        {
            services.AddSingleton<IPaymentSessions, DevGatewayCheckout>();
            services.AddSingleton<IPaymentRefunds>(sp => sp.GetRequiredService<DevGatewayRefunds>());
        }

        return services;
    }

    /// <summary>Stripe counts euros in integer cents.</summary>
    public static long Cents(decimal euros) => (long)Math.Round(euros * 100m, MidpointRounding.AwayFromZero);
}
