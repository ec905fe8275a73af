using System.Collections.Concurrent;
using CollectorShop.Grains;

namespace CollectorShop.Tests.Grains;

/// <summary>The list of grains with a possibly non-empty outbox, in memory.</summary>
public sealed class RecordingOutboxIndex : IOutboxIndex
{
    private readonly ConcurrentDictionary<GrainId, byte> listed = new();

    public Task List(GrainId grain)
    {
        listed[grain] = 0;
        return Task.CompletedTask;
    }

    public Task Unlist(GrainId grain)
    {
        listed.TryRemove(grain, out _);
        return Task.CompletedTask;
    }

    public bool Lists(GrainId grain) => listed.ContainsKey(grain);
}
