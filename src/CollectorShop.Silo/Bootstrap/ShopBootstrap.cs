using CollectorShop.Grains;
using CollectorShop.Silo.Auth;
using CollectorShop.Silo.Persistence;

namespace CollectorShop.Silo.Bootstrap;

/// <summary>Runs once the silo is up: the admin account from configuration, then the demo catalogue.</summary>
public sealed class ShopBootstrap(IGrainFactory grains, ImageStore images, IConfiguration configuration, ILogger<ShopBootstrap> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await EnsureAdmin();
        if (configuration.GetValue("Demo:Seed", true))
        {
            await new DemoCatalogue(grains, images, logger).Seed(configuration["Demo:SellerPassword"]);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Admin:Email / Admin:Password (ADMIN_EMAIL / ADMIN_PASSWORD): created active when no account has that email.</summary>
    private async Task EnsureAdmin()
    {
        var email = configuration["Admin:Email"] ?? configuration["ADMIN_EMAIL"];
        var password = configuration["Admin:Password"] ?? configuration["ADMIN_PASSWORD"];
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
        {
            logger.LogInformation("No Admin:Email/Admin:Password configured: no admin account is created");
            return;
        }

        var normalized = Emails.Normalize(email);
        var index = grains.GetGrain<IEmailIndexGrain>(normalized);
        if (await index.GetUserId() is { } existing && await grains.GetGrain<IUserGrain>(existing).Get() is not null)
        {
            return;
        }

        var registration = new Registration(
            Name: normalized.Split('@')[0],
            Email: normalized,
            PasswordHash: Passwords.Hash(password),
            Role: Role.Admin,
            Active: true,
            Address: null,
            Phone: null,
            Gender: null,
            SellerMessage: null);
        var created = await index.Register(registration);
        if (created.Succeeded)
        {
            logger.LogInformation("Created the admin account {Email}", normalized);
        }
    }
}
