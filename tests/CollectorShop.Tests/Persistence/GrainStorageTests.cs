using CollectorShop.Silo;
using CollectorShop.Silo.Persistence;
using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Storage;

namespace CollectorShop.Tests.Persistence;

/// <summary>
/// The project's own SQL for Orleans' ADO.NET grain storage, exercised through the real provider: the same rules on
/// each database the shop runs on, one subclass per database.
/// </summary>
public abstract class GrainStorageTests(StorageProvider provider) : IAsyncLifetime
{
    private MigratedDatabase _database = null!;
    private IHost _host = null!;

    public sealed class Note
    {
        public string Text { get; set; } = "";
    }

    private sealed class NoteState(Note state, string? etag) : IGrainState<Note>
    {
        [System.Diagnostics.CodeAnalysis.AllowNull]
        public Note State { get; set; } = state;
        public string? ETag { get; set; } = etag;
        public bool RecordExists { get; set; }
    }

    private ShopDatabase Database => _database.Database;

    public async Task InitializeAsync()
    {
        _database = await MigratedDatabase.Create(provider);
        _host = Host.CreateDefaultBuilder()
            .UseOrleans(silo => silo
                .UseLocalhostClustering(TestPorts.Free(), TestPorts.Free())
                .AddShopGrains(Database, new ConfigurationBuilder().Build()))
            .Build();
        await _host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        await _database.DisposeAsync();
    }

    private IGrainStorage Storage => _host.Services.GetRequiredKeyedService<IGrainStorage>(ShopSilo.Storage);

    [Fact]
    public async Task A_write_round_trips_and_each_write_advances_the_version()
    {
        var grain = GrainId.Create("product", "p-1");
        var state = new NoteState(new Note { Text = "first" }, null);
        await Storage.WriteStateAsync("product", grain, state);
        Assert.Equal("1", state.ETag);
        state.State = new Note { Text = "second" };
        await Storage.WriteStateAsync("product", grain, state);
        Assert.Equal("2", state.ETag);

        var read = new NoteState(new Note(), null);
        await Storage.ReadStateAsync("product", grain, read);
        Assert.Equal("second", read.State.Text);
        Assert.Equal("2", read.ETag);
        Assert.True(read.RecordExists);
    }

    [Fact]
    public async Task A_write_with_a_stale_version_is_refused_and_keeps_the_newer_state()
    {
        var grain = GrainId.Create("product", "p-2");
        var first = new NoteState(new Note { Text = "original" }, null);
        await Storage.WriteStateAsync("product", grain, first);
        var stale = new NoteState(new Note { Text = "stale copy" }, first.ETag);
        first.State = new Note { Text = "winner" };
        await Storage.WriteStateAsync("product", grain, first);

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync("product", grain, stale));

        var read = new NoteState(new Note(), null);
        await Storage.ReadStateAsync("product", grain, read);
        Assert.Equal("winner", read.State.Text);
    }

    [Fact]
    public async Task A_second_first_write_of_the_same_grain_is_refused()
    {
        var grain = GrainId.Create("product", "p-3");
        await Storage.WriteStateAsync("product", grain, new NoteState(new Note { Text = "one" }, null));

        await Assert.ThrowsAsync<InconsistentStateException>(
            () => Storage.WriteStateAsync("product", grain, new NoteState(new Note { Text = "two" }, null)));
    }

    [Fact]
    public async Task Of_first_writes_of_one_grain_racing_each_other_exactly_one_is_stored_and_the_others_are_refused_as_conflicts()
    {
        const int Rounds = 25;
        const int Writers = 4;
        for (var round = 0; round < Rounds; round++)
        {
            var grain = GrainId.Create("product", $"race-{round}");
            var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var writes = Enumerable.Range(0, Writers)
                .Select(writer => Task.Run(async () =>
                {
                    await go.Task;
                    var state = new NoteState(new Note { Text = $"writer {writer}" }, null);
                    await Storage.WriteStateAsync("product", grain, state);
                    return state.State.Text;
                }))
                .ToList();
            go.SetResult();
            var outcomes = await Task.WhenAll(writes.Select(async write =>
            {
                try
                {
                    return (Stored: await write, Refusal: (Exception?)null);
                }
                catch (Exception exception)
                {
                    return (Stored: (string?)null, Refusal: exception);
                }
            }));

            var winner = Assert.Single(outcomes, outcome => outcome.Refusal is null).Stored;
            Assert.All(outcomes.Where(outcome => outcome.Refusal is not null), outcome => Assert.IsType<InconsistentStateException>(outcome.Refusal));
            var read = new NoteState(new Note(), null);
            await Storage.ReadStateAsync("product", grain, read);
            Assert.Equal((winner, "1"), (read.State.Text, read.ETag));
        }
    }

    [Fact]
    public async Task Clearing_forgets_the_state_moves_the_version_on_and_a_stale_clear_is_refused()
    {
        var grain = GrainId.Create("product", "p-5");
        var state = new NoteState(new Note { Text = "to forget" }, null);
        await Storage.WriteStateAsync("product", grain, state);
        var stale = new NoteState(state.State, state.ETag);
        state.State = new Note { Text = "newer" };
        await Storage.WriteStateAsync("product", grain, state);

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.ClearStateAsync("product", grain, stale));
        await Storage.ClearStateAsync("product", grain, state);

        Assert.Equal("3", state.ETag);
        var read = new NoteState(new Note { Text = "untouched" }, null);
        await Storage.ReadStateAsync("product", grain, read);
        Assert.Equal(("", "3"), (read.State.Text, read.ETag));
        read.State = new Note { Text = "again" };
        await Storage.WriteStateAsync("product", grain, read);
        Assert.Equal("4", read.ETag);
    }

    [Fact]
    public async Task Grains_of_different_keys_and_types_do_not_share_rows()
    {
        await Storage.WriteStateAsync("product", GrainId.Create("product", "same"), new NoteState(new Note { Text = "product" }, null));
        await Storage.WriteStateAsync("order", GrainId.Create("order", "same"), new NoteState(new Note { Text = "order" }, null));

        var read = new NoteState(new Note(), null);
        await Storage.ReadStateAsync("order", GrainId.Create("order", "same"), read);
        Assert.Equal("order", read.State.Text);
        await using var connection = await Database.Open();
        var rows = (await connection.QueryAsync<(string Type, string Key)>(
            "SELECT GrainTypeString, GrainIdExtensionString FROM OrleansStorage ORDER BY GrainTypeString")).ToList();
        // The state name lands in GrainTypeString; a key that is neither GUID- nor hex-shaped stays readable text.
        Assert.Equal([("order", "same"), ("product", "same")], rows);
    }

    [Theory]
    [InlineData("0192f1c7a6e37b0c8d9e0f1a2b3c4d5e")]
    [InlineData("demo-poster")]
    [InlineData("c0ffee")]
    [InlineData("a+b@example.com")]
    public async Task The_key_read_back_from_a_row_s_identity_columns_reads_that_same_row(string key)
    {
        var stateName = $"keyed-{Guid.NewGuid():N}";
        await Storage.WriteStateAsync(stateName, GrainId.Create("product", key), new NoteState(new Note { Text = key }, null));
        await using var connection = await Database.Open();
        var (n0, n1, extension) = await connection.QuerySingleAsync<(long, long, string)>(
            "SELECT GrainIdN0, GrainIdN1, GrainIdExtensionString FROM OrleansStorage WHERE GrainTypeString = @stateName", new { stateName });

        var stored = new StoredGrainKey(n0, n1, extension);

        Assert.Equal(StoredGrainKey.Of(key), stored);
        var read = new NoteState(new Note(), null);
        await Storage.ReadStateAsync(stateName, GrainId.Create("product", stored.ToKey()), read);
        Assert.Equal(key, read.State.Text);
    }

    [Fact]
    public async Task Applying_the_schema_again_changes_nothing()
    {
        var grain = GrainId.Create("product", "p-4");
        await Storage.WriteStateAsync("product", grain, new NoteState(new Note { Text = "kept" }, null));

        Database.Migrate(NullLogger.Instance);

        var read = new NoteState(new Note(), null);
        await Storage.ReadStateAsync("product", grain, read);
        Assert.Equal("kept", read.State.Text);
    }
}

public sealed class SqliteGrainStorageTests() : GrainStorageTests(StorageProvider.Sqlite);

public sealed class PostgresGrainStorageTests() : GrainStorageTests(StorageProvider.Postgres);
