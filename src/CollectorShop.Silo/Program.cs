using CollectorShop.Silo;
using CollectorShop.Silo.Persistence;

var builder = WebApplication.CreateBuilder(args);

var database = ShopDatabase.FromConfiguration(builder.Configuration, builder.Environment.ContentRootPath);

builder.UseOrleans(silo =>
{
    silo.UseLocalhostClustering(
        siloPort: builder.Configuration.GetValue("Orleans:SiloPort", 11111),
        gatewayPort: builder.Configuration.GetValue("Orleans:GatewayPort", 30000),
        serviceId: builder.Configuration["Orleans:ServiceId"] ?? "collector-shop",
        clusterId: builder.Configuration["Orleans:ClusterId"] ?? "dev");
    silo.AddShopGrains(database, builder.Configuration);
});

var app = builder.Build();
// Before the silo starts: Orleans reads its queries from the database at start-up.
database.Migrate(app.Logger);
app.MapGet("/api/health", () => TypedResults.Ok(new { status = "ok" }));
app.Run();

public partial class Program;
