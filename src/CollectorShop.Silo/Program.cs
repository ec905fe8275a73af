using CollectorShop.Silo;
using CollectorShop.Silo.Admin;
using CollectorShop.Silo.Auth;
using CollectorShop.Silo.Bootstrap;
using CollectorShop.Silo.Checkout;
using CollectorShop.Silo.Events;
using CollectorShop.Silo.Health;
using CollectorShop.Silo.Http;
using CollectorShop.Silo.Notifications;
using CollectorShop.Silo.Orders;
using CollectorShop.Silo.Persistence;
using CollectorShop.Silo.Products;
using CollectorShop.Silo.Uploads;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);

var database = ShopDatabase.FromConfiguration(builder.Configuration, builder.Environment.ContentRootPath);
var clusteringSettings = ShopSilo.SetClusteringSwitchAside(builder.Configuration);
builder.UseOrleans(silo =>
{
    silo.UseShopClustering(database, clusteringSettings);
    silo.AddShopGrains(database, builder.Configuration);
});

// Uploads are the largest bodies (5 MB images); JSON routes are capped lower per group.
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = 6 * 1024 * 1024);
builder.Services.AddShopJson();
builder.AddShopAuth();
builder.AddLoginLimits();
builder.Services.AddSingleton<ImageStore>();
builder.Services.AddSingleton<StripeEvents>();
builder.Services.AddOpenApi();
builder.Services.AddShopHealthChecks();
// Registered after the silo's own hosted service, so they start once grains can be called.
builder.Services.AddShopEvents(builder.Configuration);
builder.Services.AddHostedService<ShopBootstrap>();
builder.Services.AddHostedService<ReadModelCatchUp>();
builder.Services.AddHostedService<StartupSweep>();

var app = builder.Build();
// Before the silo starts: Orleans reads its queries from the database at start-up.
database.Migrate(app.Logger);

app.UseShopErrors();
app.UseShopStatusBodies();
app.UseJsonBodyLimit();
app.UseSpaFiles();
app.UseRouting();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();

app.MapOpenApi();
if (app.Environment.IsDevelopment())
{
    app.MapScalarApiReference();
}

app.MapHealthEndpoints();
app.MapAccountEndpoints();
app.MapCategoryEndpoints();
app.MapProductEndpoints();
app.MapUploadEndpoints();
app.MapOrderEndpoints();
app.MapCheckoutEndpoints();
app.MapStripeWebhookEndpoints();
app.MapDevGatewayEndpoints();
app.MapAdminEndpoints();
app.MapNotificationEndpoints();

app.MapSpaFallback();

app.Run();

public partial class Program;
