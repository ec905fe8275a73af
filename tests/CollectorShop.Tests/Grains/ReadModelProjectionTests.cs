using CollectorShop.Grains;
using Orleans.Core;
using static CollectorShop.Tests.Grains.Arrange;

namespace CollectorShop.Tests.Grains;

[Collection(ShopClusterCollection.Name)]
public sealed class ReadModelProjectionTests(ShopCluster shop)
{
    [Fact]
    public async Task A_read_model_outage_never_fails_a_change_and_the_latest_snapshot_lands_once_it_is_back()
    {
        IProductGrain grain;
        Listing approved;
        shop.ReadModel.IsDown = true;
        try
        {
            (grain, _) = await shop.SubmittedListing();
            approved = Value(await grain.Approve());
            await Task.Delay(TimeSpan.FromSeconds(1));
            Assert.Empty(shop.ReadModel.VersionsOf<Listing>(approved.Id));
        }
        finally
        {
            shop.ReadModel.IsDown = false;
        }

        await Eventually.Holds(
            () => shop.ReadModel.CurrentVersion<Listing>(approved.Id) == 4,
            TimeSpan.FromSeconds(20),
            "the retry timer projected the listing");

        // Submit is version 1, approve 3, and the outbox's writes that forget the confirmed events 2 and 4: only the latest lands.
        Assert.Equal([4], shop.ReadModel.VersionsOf<Listing>(approved.Id));
        Assert.Equivalent(approved, shop.ReadModel.Current<Listing>(approved.Id));
        Assert.Equivalent(approved, await grain.Get());
    }

    [Fact]
    public async Task A_grain_projects_its_stored_state_again_when_it_is_activated()
    {
        var profile = await shop.RegisteredUser();
        var user = shop.User(profile.Id);
        Assert.Equal([1], shop.ReadModel.VersionsOf<UserProfile>(profile.Id));

        await shop.Cluster.DeactivateAsync(user);
        await user.Get();

        Assert.Equal([1, 1], shop.ReadModel.VersionsOf<UserProfile>(profile.Id));
    }

    [Theory]
    [InlineData("1", 1)]
    [InlineData("42", 42)]
    [InlineData(null, 0)]
    [InlineData("3f2b8c1e9a4d4f0b8e7c6d5a4b3c2d1e", 0)]
    [InlineData("-3", 0)]
    public void The_state_version_is_the_storages_row_version_or_zero_when_the_store_does_not_number_them(string? etag, int version)
    {
        Assert.Equal(version, StateVersion.Of(new StoredState(etag)));
    }

    private sealed class StoredState(string? etag) : IStorage
    {
        public string? Etag => etag;

        public bool RecordExists => etag is not null;

        public Task ClearStateAsync() => throw new NotSupportedException();

        public Task WriteStateAsync() => throw new NotSupportedException();

        public Task ReadStateAsync() => throw new NotSupportedException();
    }
}
