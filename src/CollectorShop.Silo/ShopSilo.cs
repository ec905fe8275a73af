using CollectorShop.Grains;
using CollectorShop.Silo.Events;
using CollectorShop.Silo.Payments;
using CollectorShop.Silo.Persistence;

namespace CollectorShop.Silo;

/// <summary>How a silo of the shop is put together; the host and the test clusters share it.</summary>
public static class ShopSilo
{
    /// <summary>The grain storage every shop grain persists to.</summary>
    public const string Storage = "shop";

    /// <summary>Grain storage on the shop database with System.Text.Json state, reminders, and the services grains use (the event transport comes from <see cref="EventTransport.AddShopEvents"/>).</summary>
    public static ISiloBuilder AddShopGrains(this ISiloBuilder silo, ShopDatabase database, IConfiguration configuration)
    {
        silo.AddAdoNetGrainStorage(Storage, options =>
        {
            options.Invariant = ShopDatabase.OrleansInvariant;
            options.ConnectionString = database.ConnectionString;
        });
        silo.UseSystemTextJsonGrainStorageSerializer();
        silo.UseInMemoryReminderService();
        silo.Services.AddSingleton(database);
        silo.Services.AddSingleton<ShopReadModel>();
        silo.Services.AddSingleton<IReadModel>(sp => sp.GetRequiredService<ShopReadModel>());
        silo.Services.AddSingleton<PendingOutboxes>();
        silo.Services.AddSingleton<IOutboxIndex>(sp => sp.GetRequiredService<PendingOutboxes>());
        silo.Services.AddShopPayments(configuration);
        silo.Services.AddSingleton(TimeProvider.System);
        silo.Services.AddOptions<ShopOptions>()
            .Bind(configuration.GetSection("Shop"))
            .Bind(configuration.GetSection("Checkout"));
        return silo;
    }
}
