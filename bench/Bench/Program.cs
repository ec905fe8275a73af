// The jobs of the benchmark runners (bench/run.sh, bench/events.sh):
//   bare <url>                       a bare ASP.NET Core endpoint returning a constant JSON object, the baseline
//   seed <shop-url> <admin-email> <admin-password> <count> <accounts-file>
//                                    lists <count> items through the shop's real API and prints one product id;
//                                    writes the emails of 64 active buyer accounts (password Bench-password-1)
//                                    to <accounts-file>, one Lua string per line, for the login run
//   buy <shop-url[,shop-url…]> <admin-email> <admin-password> <orders> <buyers> <watched-orders>
//                                    checkout + payment of <orders> distinct items by <buyers> at once, then the
//                                    payment-to-notification latency over <watched-orders> orders (BuyingRun);
//                                    several URLs (replicas of one cluster) take the requests round-robin
return args switch
{
    ["bare", var url] => Bare(url),
    ["seed", var shop, var email, var password, var count, var accounts] => await Seed(new Uri(shop), email, password, int.Parse(count), accounts),
    ["buy", var shop, var email, var password, var orders, var buyers, var watched] =>
        await BuyingRun.Measure([.. shop.Split(',').Select(url => new Uri(url))], email, password, int.Parse(orders), int.Parse(buyers), int.Parse(watched)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine(
        "usage: Bench bare <url> | Bench seed <shop-url> <admin-email> <admin-password> <count> <accounts-file>" +
        " | Bench buy <shop-url[,shop-url…]> <admin-email> <admin-password> <orders> <buyers> <watched-orders>");
    return 2;
}

static int Bare(string url)
{
    var builder = WebApplication.CreateSlimBuilder();
    builder.Logging.ClearProviders();
    var app = builder.Build();
    app.MapGet("/bare", () => TypedResults.Ok(new Constant("ok", "collector-shop")));
    app.Run(url);
    return 0;
}

static async Task<int> Seed(Uri shop, string adminEmail, string adminPassword, int count, string accountsFile)
{
    using var http = new HttpClient { BaseAddress = shop, Timeout = TimeSpan.FromMinutes(2) };
    var admin = await ShopApi.Token(http, adminEmail, adminPassword);
    var seller = await ShopApi.ApprovedSeller(http, admin);
    var image = await ShopApi.Upload(http, seller);

    string[] categories = ["sneakers", "star-wars", "vinyl", "vintage-posters", "action-figures", "vintage-cameras", "comic-books"];
    string[] words = ["rare", "signed", "mint", "boxed", "vintage", "limited", "original", "collector", "edition", "camera", "poster", "figure"];
    var ids = await ShopApi.ApprovedListings(http, admin, seller, image, count, i => new
    {
        title = $"{words[i % words.Length]} {words[(i / 7) % words.Length]} item {i}",
        description = $"Generated listing number {i} for the benchmark: {words[(i / 3) % words.Length]} condition.",
        price = 5 + i % 500 + 0.99m,
        shipping = 4.5m,
        category = categories[i % categories.Length],
        images = new[] { image },
    });
    // Logins of one account queue behind each other (the failed-login guard), so the login run spreads over many.
    var buyers = new List<string>();
    for (var i = 0; i < 64; i++)
    {
        buyers.Add(await ShopApi.ActiveBuyer(http, admin, $"bench-buyer-{i}"));
    }
    await File.WriteAllLinesAsync(accountsFile, buyers.Select(buyer => $"\"{buyer}\","));

    Console.WriteLine(ids[count / 2]);
    return 0;
}

internal sealed record Constant(string Status, string Service);
