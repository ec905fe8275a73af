using System.Security.Cryptography;
using System.Text;
using CollectorShop.Grains;
using CollectorShop.Silo.Auth;
using CollectorShop.Silo.Persistence;

namespace CollectorShop.Silo.Bootstrap;

public sealed record DemoSeller(string Email, string Name);

public sealed record DemoListing(
    string Key,
    string SellerEmail,
    string CategoryId,
    string Title,
    string Description,
    decimal Price,
    decimal Shipping,
    string Location,
    string Picture)
{
    public string Id => DemoCatalogue.StableId($"listing {Key}");

    public string ImageId => DemoCatalogue.StableId($"image {Key}");

    public string ImageUrl => $"/uploads/{ImageId}.png";
}

/// <summary>
/// The demo shop loaded into an empty database: categories, three vetted sellers and eight approved
/// listings with pictures kept in the shop's own database. Every object has a fixed id and every step
/// skips what already exists, so a start after a crash halfway finishes the load and a later start adds nothing.
/// </summary>
public sealed class DemoCatalogue(IGrainFactory grains, ImageStore images, ILogger logger)
{
    public static readonly IReadOnlyList<Category> Categories =
    [
        new("sneakers", "Sneakers"),
        new("star-wars", "Star Wars"),
        new("vinyl", "Vinyl records"),
        new("vintage-posters", "Vintage posters"),
        new("action-figures", "Action figures"),
        new("vintage-cameras", "Vintage cameras"),
        new("comic-books", "Comic books"),
    ];

    public static readonly IReadOnlyList<DemoSeller> Sellers =
    [
        new("camille.laurent@demo.collector-shop.example", "Camille Laurent"),
        new("hugo.marchand@demo.collector-shop.example", "Hugo Marchand"),
        new("ines.moreau@demo.collector-shop.example", "Inès Moreau"),
    ];

    public static readonly IReadOnlyList<DemoListing> Listings =
    [
        new(
            Key: "air-jordan-1-chicago",
            SellerEmail: Sellers[0].Email,
            CategoryId: "sneakers",
            Title: "Nike Air Jordan 1 Retro High OG \"Chicago\" (2015), EU 43",
            Description: "The 2015 retro of the 1985 original in the Chicago colourway. Worn twice indoors, no creasing on the toe box, "
                + "soles clean. Comes with the original box, the spare black laces and the receipt from the release day.",
            Price: 1250m,
            Shipping: 15m,
            Location: "Paris",
            Picture: "sneaker.png"),
        new(
            Key: "boba-fett-kenner-1979",
            SellerEmail: Sellers[1].Email,
            CategoryId: "star-wars",
            Title: "Kenner Star Wars Boba Fett figure (1979), loose and complete",
            Description: "Original 3.75\" Boba Fett from the first Kenner wave, marked 1979 on the leg. Paint on the helmet and "
                + "armour is bright with only light wear on the edges; joints are tight. Sold loose, without the card.",
            Price: 180m,
            Shipping: 8m,
            Location: "Lyon",
            Picture: "boba-fett.png"),
        new(
            Key: "dark-side-of-the-moon-1973",
            SellerEmail: Sellers[2].Email,
            CategoryId: "vinyl",
            Title: "Pink Floyd – The Dark Side of the Moon, 1973 UK first press",
            Description: "Harvest SHVL 804, solid blue triangle labels, both posters and both stickers included. Vinyl graded VG+: "
                + "a few light marks that do not play. Gatefold sleeve with minor ring wear. Shipped in a rigid mailer.",
            Price: 320m,
            Shipping: 12m,
            Location: "Bordeaux",
            Picture: "vinyl.png"),
        new(
            Key: "jaws-french-poster-1975",
            SellerEmail: Sellers[0].Email,
            CategoryId: "vintage-posters",
            Title: "Les Dents de la Mer (Jaws) – original French cinema poster, 1975",
            Description: "Original French \"grande\" poster (120 × 160 cm) from the 1975 release, folded as issued. Colours are "
                + "strong; small pinholes in the corners and light wear on the folds. Shipped folded in a padded envelope.",
            Price: 450m,
            Shipping: 20m,
            Location: "Marseille",
            Picture: "poster.png"),
        new(
            Key: "he-man-mattel-1982",
            SellerEmail: Sellers[1].Email,
            CategoryId: "action-figures",
            Title: "Masters of the Universe He-Man (Mattel, 1982) with sword, axe and armour",
            Description: "First-release He-Man from 1982 (Taiwan), with his original power sword, battle axe and chest armour. "
                + "Waist spring action works, hair paint intact, no broken thumbs. A fine piece for a childhood collection.",
            Price: 95m,
            Shipping: 7m,
            Location: "Lille",
            Picture: "he-man.png"),
        new(
            Key: "leica-m3-1955",
            SellerEmail: Sellers[2].Email,
            CategoryId: "vintage-cameras",
            Title: "Leica M3 double stroke (1955) with Summicron 50 mm f/2",
            Description: "Serial 78xxxx, serviced in 2022: shutter speeds accurate, bright rangefinder patch, no separation or "
                + "haze in the lens. Light brassing on the top plate corners. Comes with the original leather ever-ready case.",
            Price: 1890m,
            Shipping: 25m,
            Location: "Strasbourg",
            Picture: "camera.png"),
        new(
            Key: "tintin-lune-1954",
            SellerEmail: Sellers[0].Email,
            CategoryId: "comic-books",
            Title: "Tintin – On a marché sur la Lune, first edition 1954 (B11)",
            Description: "Casterman first edition, back cover B11, 1954. Tight binding, bright colours, a small tear at the top "
                + "of the spine professionally closed. One of the classics of the Franco-Belgian comic.",
            Price: 650m,
            Shipping: 10m,
            Location: "Brussels",
            Picture: "comic.png"),
        new(
            Key: "millennium-falcon-10179",
            SellerEmail: Sellers[1].Email,
            CategoryId: "star-wars",
            Title: "LEGO Star Wars 10179 Ultimate Collector's Millennium Falcon, sealed",
            Description: "The 2007 UCS Millennium Falcon, 5,195 pieces, factory-sealed box with shelf wear on one corner only. "
                + "Kept in a smoke-free home, never exposed to sunlight. Shipped double-boxed and insured.",
            Price: 2900m,
            Shipping: 40m,
            Location: "Nantes",
            Picture: "falcon.png"),
    ];

    /// <summary>Loads what is missing of the demo, when it is due; <paramref name="sellerPassword"/> lets people sign in as the demo sellers.</summary>
    public async Task Seed(string? sellerPassword)
    {
        if (!await IsDue())
        {
            return;
        }

        logger.LogInformation("Loading the demo catalogue");
        var passwordHash = new Lazy<string>(() => Passwords.Hash(sellerPassword ?? Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));
        var sellers = new Dictionary<string, UserProfile>(StringComparer.Ordinal);
        foreach (var seller in Sellers)
        {
            sellers[seller.Email] = await EnsureSeller(seller, passwordHash);
        }

        foreach (var listing in Listings)
        {
            await EnsurePicture(listing);
        }

        foreach (var category in Categories)
        {
            await EnsureCategory(category);
        }

        foreach (var listing in Listings)
        {
            await EnsureListing(listing, sellers[listing.SellerEmail]);
        }
    }

    /// <summary>A fixed id in the shape of <see cref="ShopIds"/>, so a rerun finds what an earlier run made.</summary>
    public static string StableId(string name) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"collector-shop demo {name}")).AsSpan(0, 16));

    /// <summary>
    /// Due on a database without categories, or when a load began (its first seller exists) and did not end
    /// (a listing is missing or still as submitted); a shop with its own categories is left alone.
    /// </summary>
    private async Task<bool> IsDue()
    {
        if ((await grains.GetGrain<ICategoriesGrain>(0).List()).Count == 0)
        {
            return true;
        }

        if (await grains.GetGrain<IEmailIndexGrain>(Sellers[0].Email).GetUserId() is null)
        {
            return false;
        }

        foreach (var listing in Listings)
        {
            if (await grains.GetGrain<IProductGrain>(listing.Id).Get() is not { } stored || IsAsSubmitted(stored))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Registered as buyers and promoted directly, so no seller request waits in the admins' queue.</summary>
    private async Task<UserProfile> EnsureSeller(DemoSeller seller, Lazy<string> passwordHash)
    {
        var index = grains.GetGrain<IEmailIndexGrain>(seller.Email);
        var account = await AccountOf(index);
        if (account is null)
        {
            var registered = await index.Register(new Registration(
                seller.Name, seller.Email, passwordHash.Value, Role.Buyer, Active: true, null, null, null, null));
            // Replicas starting together all load the demo: another silo may have registered this seller first.
            account = registered.Value
                ?? await AccountOf(index)
                ?? throw new InvalidOperationException($"The demo seller {seller.Email} could not be created: {registered.Refusal?.Message}");
        }

        return await grains.GetGrain<IUserGrain>(account.Id).GrantSeller();
    }

    private async Task<UserProfile?> AccountOf(IEmailIndexGrain index) =>
        await index.GetUserId() is { } userId ? await grains.GetGrain<IUserGrain>(userId).Get() : null;

    private async Task EnsurePicture(DemoListing listing)
    {
        if (await images.Find(listing.ImageId) is not null)
        {
            return;
        }

        await using var resource = typeof(DemoCatalogue).Assembly.GetManifestResourceStream($"DemoImages/{listing.Picture}")
            ?? throw new InvalidOperationException($"The demo picture {listing.Picture} is not embedded.");
        using var bytes = new MemoryStream();
        await resource.CopyToAsync(bytes);
        await images.Save(listing.ImageId, "image/png", bytes.ToArray());
    }

    private async Task EnsureCategory(Category category)
    {
        var created = await grains.GetGrain<ICategoriesGrain>(0).Create(category.Id, category.Name);
        if (created.Refusal is { Kind: not RefusalKind.Conflict } refusal)
        {
            throw new InvalidOperationException($"The demo category {category.Id} could not be created: {refusal.Message}");
        }
    }

    private async Task EnsureListing(DemoListing demo, UserProfile seller)
    {
        var grain = grains.GetGrain<IProductGrain>(demo.Id);
        var listing = await grain.Get();
        if (listing is null)
        {
            var draft = new ListingDraft(demo.Title, demo.Description, demo.Price, demo.Shipping, demo.CategoryId, [demo.ImageUrl], demo.Location);
            var submitted = await grain.Submit(draft, seller.Id, seller.Name);
            // A conflict means another silo starting beside this one submitted it first: carry on with its listing.
            listing = submitted.Value
                ?? (submitted.Refusal is { Kind: RefusalKind.Conflict } ? await grain.Get() : null)
                ?? throw new InvalidOperationException($"The demo listing {demo.Key} could not be submitted: {submitted.Refusal?.Message}");
        }

        if (IsAsSubmitted(listing))
        {
            await grain.Approve();
        }
    }

    /// <summary>Pending and never changed since submission: a load stopped before approving it, not a seller's later edit.</summary>
    private static bool IsAsSubmitted(Listing listing) =>
        listing.Status == ListingStatus.Pending && listing.UpdatedAt == listing.CreatedAt;
}
