using CollectorShop.Silo.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace CollectorShop.Tests.Persistence;

/// <summary>
/// The reminder queries of the project's PostgreSQL script through Orleans' own reminder table provider, taken from a
/// running silo. The reminders are due tomorrow, for grains nobody has, so the silo never fires them.
/// </summary>
public sealed class PostgresReminderTableTests : IAsyncLifetime
{
    private static readonly DateTime Tomorrow = new DateTime(DateTime.UtcNow.Ticks / TimeSpan.TicksPerMillisecond * TimeSpan.TicksPerMillisecond, DateTimeKind.Utc).AddDays(1);

    private MigratedDatabase _database = null!;
    private ClusterSilo _silo = null!;

    private IReminderTable Table => _silo.Services.GetRequiredService<IReminderTable>();

    public async Task InitializeAsync()
    {
        _database = await MigratedDatabase.Create(StorageProvider.Postgres);
        _silo = new ClusterSilo(_database.Database.ConnectionString, $"test-{Guid.NewGuid():N}");
        await _silo.Start();
    }

    public async Task DisposeAsync()
    {
        await _silo.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_reminder_reads_back_as_registered_and_registering_it_again_gives_it_a_new_etag()
    {
        var grain = GrainId.Create("absent", "a");
        var first = await Table.UpsertRow(Reminder(grain, "deadline", Tomorrow, TimeSpan.FromMinutes(1)));
        var again = await Table.UpsertRow(Reminder(grain, "deadline", Tomorrow.AddHours(1), TimeSpan.FromDays(40)));

        var read = Assert.IsType<ReminderEntry>(await Table.ReadRow(grain, "deadline"));

        Assert.NotEqual(first, again);
        Assert.Equal((grain, "deadline", Tomorrow.AddHours(1), TimeSpan.FromDays(40), again), (read.GrainId, read.ReminderName, read.StartAt, read.Period, read.ETag));
        Assert.Equal(DateTimeKind.Utc, read.StartAt.Kind);
        Assert.Null(await Table.ReadRow(grain, "another"));
    }

    [Fact]
    public async Task A_grain_s_reminders_are_read_together_and_only_its_own()
    {
        var grain = GrainId.Create("absent", "b");
        await Table.UpsertRow(Reminder(grain, "one", Tomorrow, TimeSpan.FromMinutes(1)));
        await Table.UpsertRow(Reminder(grain, "two", Tomorrow, TimeSpan.FromMinutes(2)));
        await Table.UpsertRow(Reminder(GrainId.Create("absent", "c"), "one", Tomorrow, TimeSpan.FromMinutes(1)));

        var rows = await Table.ReadRows(grain);

        Assert.Equal(["one", "two"], rows.Reminders.Select(reminder => reminder.ReminderName).Order());
    }

    [Fact]
    public async Task A_reminder_is_removed_only_with_its_current_etag()
    {
        var grain = GrainId.Create("absent", "d");
        var stale = Assert.IsType<string>(await Table.UpsertRow(Reminder(grain, "deadline", Tomorrow, TimeSpan.FromMinutes(1))));
        var current = Assert.IsType<string>(await Table.UpsertRow(Reminder(grain, "deadline", Tomorrow, TimeSpan.FromMinutes(1))));

        Assert.False(await Table.RemoveRow(grain, "deadline", stale));
        Assert.NotNull(await Table.ReadRow(grain, "deadline"));
        Assert.True(await Table.RemoveRow(grain, "deadline", current));
        Assert.Null(await Table.ReadRow(grain, "deadline"));
    }

    [Theory]
    [InlineData(0u, uint.MaxValue)]
    [InlineData(0x1000_0000u, 0x7000_0000u)]
    [InlineData(0x7000_0000u, 0x9000_0000u)]
    [InlineData(0x9000_0000u, 0xF000_0000u)]
    [InlineData(0xF000_0000u, 0x1000_0000u)]
    [InlineData(0x9000_0000u, 0x7000_0000u)]
    [InlineData(0x4000_0000u, 0x4000_0000u)]
    public async Task A_silo_s_range_of_the_hash_ring_reads_exactly_the_reminders_of_grains_hashed_into_it(uint begin, uint end)
    {
        var grains = Enumerable.Range(0, 64).Select(i => GrainId.Create("absent", $"ring-{i}")).ToList();
        foreach (var grain in grains)
        {
            await Table.UpsertRow(Reminder(grain, "deadline", Tomorrow, TimeSpan.FromMinutes(1)));
        }

        var rows = await Table.ReadRows(begin, end);

        // Orleans' ring ranges are (begin, end] and wrap past uint.MaxValue; begin == end is the whole ring.
        var expected = grains.Where(grain =>
        {
            var hash = grain.GetUniformHashCode();
            return begin < end ? hash > begin && hash <= end : hash > begin || hash <= end;
        });
        Assert.Equal(expected.Select(grain => grain.ToString()).Order(), rows.Reminders.Select(reminder => reminder.GrainId.ToString()).Order());
    }

    [Fact]
    public async Task Clearing_the_table_removes_this_service_s_reminders()
    {
        await Table.UpsertRow(Reminder(GrainId.Create("absent", "e"), "deadline", Tomorrow, TimeSpan.FromMinutes(1)));

        await Table.TestOnlyClearTable();

        Assert.Empty((await Table.ReadRows(0, 0)).Reminders);
    }

    private static ReminderEntry Reminder(GrainId grain, string name, DateTime startAt, TimeSpan period) =>
        new() { GrainId = grain, ReminderName = name, StartAt = startAt, Period = period };
}
