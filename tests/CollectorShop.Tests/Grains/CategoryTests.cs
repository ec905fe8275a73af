using CollectorShop.Grains;
using static CollectorShop.Tests.Grains.Arrange;

namespace CollectorShop.Tests.Grains;

[Collection(ShopClusterCollection.Name)]
public sealed class CategoryTests(ShopCluster shop)
{
    [Fact]
    public async Task Categories_are_listed_by_name()
    {
        var suffix = ShopIds.New();
        Value(await shop.Categories().Create($"c-{suffix}", $"Comics {suffix}"));
        Value(await shop.Categories().Create($"a-{suffix}", $"Appareils photo {suffix}"));
        Value(await shop.Categories().Create($"b-{suffix}", $"Baskets {suffix}"));

        var names = (await shop.Categories().List()).Select(category => category.Name).ToList();

        Assert.Equal(names.Order(StringComparer.OrdinalIgnoreCase), names);
        Assert.Equal(
            [$"Appareils photo {suffix}", $"Baskets {suffix}", $"Comics {suffix}"],
            names.Where(name => name.EndsWith(suffix, StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("Vinyles & Disques", "vinyles-disques")]
    [InlineData("  Figurines d'Été  ", "figurines-d-ete")]
    [InlineData("Œuvres signées — N°1", "oeuvres-signees-n-1")]
    [InlineData("Appareils photo (argentique)", "appareils-photo-argentique")]
    [InlineData("Straße 42", "strasse-42")]
    public async Task A_category_without_an_id_is_keyed_by_a_slug_of_its_name(string name, string slug)
    {
        var suffix = ShopIds.New();

        var category = Value(await shop.Categories().Create(null, $"{name} {suffix}"));

        Assert.Equal($"{slug}-{suffix}", category.Id);
        Assert.Equal($"{name} {suffix}".Trim(), category.Name);
        Assert.Contains(category, await shop.Categories().List());
    }

    [Fact]
    public async Task Creating_a_category_whose_id_is_taken_is_a_conflict()
    {
        var id = $"sneakers-{ShopIds.New()}";
        var first = Value(await shop.Categories().Create(id, "Sneakers"));

        Refused(await shop.Categories().Create(id, "Other sneakers"), RefusalKind.Conflict);

        Assert.Single(await shop.Categories().List(), category => category.Id == id);
        Assert.Contains(first, await shop.Categories().List());
    }

    [Theory]
    [InlineData(null, "")]
    [InlineData(null, "   ")]
    [InlineData(null, "!!! ???")]
    [InlineData("Not A Slug", "Posters")]
    [InlineData("", "Posters")]
    public async Task A_category_needs_a_name_and_a_slug_shaped_id(string? id, string name)
    {
        var before = await shop.Categories().List();

        Refused(await shop.Categories().Create(id, name), RefusalKind.Invalid);

        Assert.Equal(before, await shop.Categories().List());
    }

    [Fact]
    public async Task Renaming_keeps_the_id()
    {
        var id = $"cameras-{ShopIds.New()}";
        Value(await shop.Categories().Create(id, "Cameras"));

        var renamed = Value(await shop.Categories().Rename(id, "Vintage cameras"));

        Assert.Equal(new Category(id, "Vintage cameras"), renamed);
        Assert.Contains(renamed, await shop.Categories().List());
        Refused(await shop.Categories().Rename(id, " "), RefusalKind.Invalid);
    }

    [Fact]
    public async Task Renaming_or_deleting_an_unknown_category_is_not_found()
    {
        Refused(await shop.Categories().Rename($"missing-{ShopIds.New()}", "Anything"), RefusalKind.NotFound);
        Refused(await shop.Categories().Delete($"missing-{ShopIds.New()}"), RefusalKind.NotFound);
    }

    [Fact]
    public async Task A_category_cannot_be_deleted_while_a_listing_uses_it()
    {
        var id = $"watches-{ShopIds.New()}";
        Value(await shop.Categories().Create(id, "Watches"));
        var (listing, _) = await shop.SubmittedListing(category: id);

        Refused(await shop.Categories().Delete(id), RefusalKind.Conflict);

        Value(await listing.Remove());
        Assert.Equal(new Category(id, "Watches"), Value(await shop.Categories().Delete(id)));
        Assert.DoesNotContain(await shop.Categories().List(), category => category.Id == id);
    }

    [Fact]
    public async Task Categories_survive_deactivation()
    {
        var id = $"comics-{ShopIds.New()}";
        var created = Value(await shop.Categories().Create(id, "Comics"));

        await shop.Cluster.DeactivateAsync(shop.Categories());

        Assert.Contains(created, await shop.Categories().List());
    }
}
