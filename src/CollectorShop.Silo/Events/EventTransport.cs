using CollectorShop.Grains;
using CollectorShop.Silo.Health;

namespace CollectorShop.Silo.Events;

public static class EventTransport
{
    /// <summary>
    /// RabbitMQ when RabbitMQ:Url is set (with its readiness check), otherwise the in-process channel; either
    /// way the same consumer. Register after the silo: these call grains.
    /// </summary>
    public static IServiceCollection AddShopEvents(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ProcessedEvents>();
        services.AddSingleton<OrderEventConsumer>();
        if (configuration["RabbitMQ:Url"] is { Length: > 0 } url)
        {
            services.AddSingleton(new RabbitMqConnections(new Uri(url)));
            services.AddSingleton<RabbitMqEventPublisher>();
            services.AddSingleton<IEventPublisher>(sp => sp.GetRequiredService<RabbitMqEventPublisher>());
            services.AddHostedService<RabbitMqOrderSubscription>();
            services.AddHealthChecks().AddReadinessCheck<RabbitMqHealthCheck>("rabbitmq");
        }
        else
        {
            services.AddSingleton<InProcessEventChannel>();
            services.AddSingleton<IEventPublisher>(sp => sp.GetRequiredService<InProcessEventChannel>());
            services.AddHostedService(sp => sp.GetRequiredService<InProcessEventChannel>());
        }

        return services;
    }
}
